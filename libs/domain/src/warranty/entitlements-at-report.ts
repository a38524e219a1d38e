import type { CalendarDate } from '../shared/primitives.js';
import type { WarrantyAssessment } from '../service-case/events.js';
import { ENTITLEMENTS, type Entitlement, type FaultCategory } from '../service-case/vocabulary.js';
import { purchaseDay } from './assess-warranty.js';
import { daysBetween } from './calendar-date.js';
import type { UnitProductDates, WarrantyPolicy } from './warranty-policy.js';
import { isQualityFault, type EntitlementGround, type UnitRepairFact, type WarrantyRule } from './warranty-rules.js';

export interface ReportFacts {
  /** The dates the warranty was assessed from (the unit's registered dates over the report's). */
  readonly dates: UnitProductDates;
  readonly faultCategory: FaultCategory;
  /** The report's day in the policy's time zone. */
  readonly reportedOn: CalendarDate;
  readonly warranty: WarrantyAssessment;
  /** The unit's earlier repairs. */
  readonly repairs: readonly UnitRepairFact[];
}

/** One repair per case: a rework within a case is still the same failure. */
const oneRepairPerCase = (repairs: readonly UnitRepairFact[]): UnitRepairFact[] =>
  repairs.filter((repair, i) => repairs.findIndex((r) => r.caseId === repair.caseId) === i);

/**
 * Entitlements a new report makes due (DESIGN §4), each with its rule and evidence. Only a quality
 * fault reported while the product is in warranty qualifies, and only earlier in-warranty repairs of
 * quality faults count (a chargeable repair was excluded from the warranty: misuse and the like).
 * "Day n" is n calendar days after the purchase day (the purchase day is day 0), in the policy's zone.
 *
 * - same-fault-repeated: the same fault category already repaired `sameFaultRepairsForReplacement`
 *   times (in distinct cases) and reported again → replacement (`003_…` 篇一 item 8).
 * - early-quality-failures: a second quality failure reported by day `qualityFailureWindowDays`, the
 *   first one also reported by then → replacement (`003_…`, 45 days).
 * - return-window / exchange-window: a quality fault reported by day 7 → return (and exchange);
 *   by day 15 → exchange (`003_…`, 开箱不良 / 品质不良; the 三包 windows).
 */
export const entitlementsAtReport = (facts: ReportFacts, policy: WarrantyPolicy): EntitlementGround[] => {
  if (!isQualityFault(facts.faultCategory) || facts.warranty.status !== 'in') return [];
  const counted = oneRepairPerCase(facts.repairs.filter((r) => r.coverage === 'warranty' && isQualityFault(r.faultCategory)));
  const grounds: EntitlementGround[] = [];
  const grant = (entitlement: Entitlement, rule: WarrantyRule, repairs: readonly UnitRepairFact[] = []): void => {
    grounds.push({ entitlement, rule, policyVersion: policy.version, evidence: repairs.flatMap((r) => r.evidence) });
  };

  const sameFault = counted.filter((r) => r.faultCategory === facts.faultCategory);
  if (sameFault.length >= policy.sameFaultRepairsForReplacement) grant('replacement', 'same-fault-repeated', sameFault);

  const bought = purchaseDay(facts.dates);
  if (bought === null) return grounds;
  const day = (date: CalendarDate): number => daysBetween(bought, date);
  const today = day(facts.reportedOn);
  if (today <= policy.qualityFailureWindowDays) {
    const early = counted.filter((r) => day(r.reportedOn) <= policy.qualityFailureWindowDays);
    if (early.length >= 1) grant('replacement', 'early-quality-failures', early);
  }
  if (today <= policy.returnWindowDays) grant('return', 'return-window');
  if (today <= policy.exchangeWindowDays) grant('exchange', 'exchange-window');
  return grounds;
};

/** The entitlements a case shows: each kind once, in the vocabulary's order. */
export const entitlementKinds = (carried: readonly Entitlement[], grounds: readonly EntitlementGround[]): Entitlement[] => {
  const due = new Set<Entitlement>([...carried, ...grounds.map((g) => g.entitlement)]);
  return ENTITLEMENTS.filter((kind) => due.has(kind));
};
