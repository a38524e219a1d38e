import type { CalendarDate } from '../shared/primitives.js';
import type { Coverage, Entitlement, FaultCategory } from '../service-case/vocabulary.js';

const list = <const T extends readonly string[]>(...values: T): T => values;

/**
 * The warranty rules of DESIGN §4, named so that every extension and entitlement says which rule
 * granted it (`003_…` 篇一 items 7 and 8, the 45-day clause, the 7/15-day return and exchange windows).
 */
export const WARRANTY_RULES = list('extension-per-repair', 'same-fault-repeated', 'early-quality-failures', 'return-window', 'exchange-window');
export type WarrantyRule = (typeof WARRANTY_RULES)[number];

/**
 * A quality fault is a defect of the product itself: the seeds' warranty scope is "hardware faults,
 * software defects" (`001_…` §2.2) and the 45-day, return and exchange clauses speak of 质量问题.
 * An installation fault is workmanship (repaired free in warranty, `003_…` 篇一 item 9, but not a
 * product defect); consumables wear out (`001_…` §2.3); misuse and the other exclusions show up as a
 * chargeable repair, which never counts.
 */
export const QUALITY_FAULTS: readonly FaultCategory[] = ['hardware', 'software'];

export const isQualityFault = (category: FaultCategory): boolean => QUALITY_FAULTS.includes(category);

/**
 * Does a repair extend the product's warranty (`003_…` 篇一 item 7: every in-warranty failure that
 * stopped the product working adds 60 days)? Only a warranty-covered repair, and not a consumable:
 * filters and batteries have their own warranty, which the product's extension does not touch.
 */
export const extendsWarranty = (category: FaultCategory, coverage: Coverage): boolean =>
  coverage === 'warranty' && category !== 'consumable';

/** Why a report entitles the customer to a replacement, return or exchange. */
export interface EntitlementGround {
  readonly entitlement: Entitlement;
  readonly rule: WarrantyRule;
  readonly policyVersion: string;
  /**
   * The stored event ids the rule rests on besides the report itself: the `CaseReported` and
   * `RepairCompleted` of each earlier repair counted. Empty for the return and exchange windows.
   */
  readonly evidence: readonly string[];
}

/** One earlier repair of the unit, as the warranty rules need it. */
export interface UnitRepairFact {
  readonly caseId: string;
  readonly faultCategory: FaultCategory;
  readonly coverage: Coverage;
  /** The day the failure was reported: when it "occurred" for the 45-day rule. */
  readonly reportedOn: CalendarDate;
  readonly repairedOn: CalendarDate;
  /** The case's `CaseReported` and `RepairCompleted` event ids. */
  readonly evidence: readonly string[];
}
