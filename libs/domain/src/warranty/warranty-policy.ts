import type { CalendarDate } from '../shared/primitives.js';
import type { Entitlement } from '../service-case/vocabulary.js';
import type { UnitRepairFact } from './warranty-rules.js';

/**
 * The warranty rules in force (DESIGN §1, §4). Data, not code: a new version is a new value,
 * loaded from a file by the application.
 */
export interface WarrantyPolicy {
  readonly version: string;
  /** The zone whose calendar decides "which day" an instant falls on. */
  readonly timeZone: string;
  readonly defaultMonths: number;
  /** Warranty months per product model, overriding `defaultMonths`. */
  readonly monthsByModel: Readonly<Record<string, number>>;
  /** Consumables (filters, batteries, bulbs) carry their own shorter warranty. */
  readonly consumableMonths: number;
  /** Each in-warranty failure that stopped the product working extends the warranty by this much. */
  readonly extensionDaysPerRepair: number;
  /** The same fault still failing after this many repairs entitles a free replacement. */
  readonly sameFaultRepairsForReplacement: number;
  /** Two quality failures within this many days of purchase entitle a replacement. */
  readonly qualityFailureWindowDays: number;
  readonly returnWindowDays: number;
  readonly exchangeWindowDays: number;
}

export const DEFAULT_WARRANTY_POLICY: WarrantyPolicy = {
  version: 'warranty-v1',
  timeZone: 'Asia/Shanghai',
  defaultMonths: 12,
  monthsByModel: {},
  consumableMonths: 3,
  extensionDaysPerRepair: 60,
  sameFaultRepairsForReplacement: 2,
  qualityFailureWindowDays: 45,
  returnWindowDays: 7,
  exchangeWindowDays: 15,
};

/** The product dates a unit was registered with (its warranty card). */
export interface UnitProductDates {
  readonly invoiceDate: CalendarDate | null;
  readonly purchaseDate: CalendarDate | null;
  readonly manufactureDate: CalendarDate | null;
}

/**
 * What the product unit's own history says about its warranty, looked up by the application when a
 * case is reported (the unit is folded from its `ProductUnit-<serial>` stream). `null` means the
 * unit is not registered yet: no extensions, no earlier repairs.
 */
export interface UnitWarrantyFacts {
  /** Days the unit's warranty has been extended by earlier in-warranty repairs. */
  readonly extensionDays: number;
  /**
   * Entitlements granted before and still open. casetrail records no fulfilment yet, so the lookup
   * reports none and each report derives its own from `repairs` instead; kept for callers that know more.
   */
  readonly entitlements: readonly Entitlement[];
  /** Earlier repairs of the unit, oldest first; the entitlements due at a new report are derived from them. */
  readonly repairs?: readonly UnitRepairFact[];
  /** The registered dates win over a report's (the warranty card is the record); a report fills the gaps. */
  readonly dates?: UnitProductDates;
}
