import type { ReportCase } from '../service-case/commands.js';
import type { Entitlement, FaultCategory } from '../service-case/vocabulary.js';
import { given } from '../service-case/testing/case-spec.js';
import { REPORT_DATA, reportCase } from '../service-case/testing/case-fixtures.js';
import { addDays } from './calendar-date.js';
import type { UnitRepairFact } from './warranty-rules.js';
import type { UnitWarrantyFacts } from './warranty-policy.js';
import { DEFAULT_WARRANTY_POLICY as policy } from './warranty-policy.js';

/** Reports are made on 2026-03-03 (09:00 in Shanghai), the fixtures' default command time. */
const REPORT_DAY = '2026-03-03';
const dayBefore = (days: number): string => addDays(REPORT_DAY, -days);

const repair = (caseId: string, reportedDaysBefore: number, more: Partial<UnitRepairFact> = {}): UnitRepairFact => ({
  caseId,
  faultCategory: 'hardware',
  coverage: 'warranty',
  reportedOn: dayBefore(reportedDaysBefore),
  repairedOn: dayBefore(reportedDaysBefore - 1),
  evidence: [`${caseId}-reported`, `${caseId}-repaired`],
  ...more,
});

const unit = (repairs: UnitRepairFact[]): UnitWarrantyFacts => ({ extensionDays: 60 * repairs.length, entitlements: [], repairs });

/** A case reported for a product bought `daysAgo` days before the report, with this fault. */
const report = (boughtDaysAgo: number, category: FaultCategory = 'hardware'): ReportCase =>
  reportCase({ product: { ...REPORT_DATA.product, invoiceDate: dayBefore(boughtDaysAgo) }, fault: { category, description: 'fails again' } });

const decided = (command: ReportCase, facts: UnitWarrantyFacts | null) => {
  const [event] = given().when(command, { unit: facts }).result();
  if (event?.type !== 'CaseReported') throw new Error('expected CaseReported');
  return event.data;
};
const entitlements = (command: ReportCase, facts: UnitWarrantyFacts | null): readonly Entitlement[] => decided(command, facts).entitlements;

describe('entitlements due when a case is reported', () => {
  describe('the 7-day return window', () => {
    it('entitles a quality fault reported on day 7 to return (and exchange)', () => {
      expect(entitlements(report(7), null)).toEqual(['return', 'exchange']);
    });
    it('has closed on day 8', () => {
      expect(entitlements(report(8), null)).toEqual(['exchange']);
    });
    it('counts the purchase day as day 0: a fault on the day of purchase is covered', () => {
      expect(entitlements(report(0, 'software'), null)).toEqual(['return', 'exchange']);
    });
  });

  describe('the 15-day exchange window', () => {
    it('entitles a quality fault reported on day 15 to exchange', () => {
      expect(entitlements(report(15), null)).toEqual(['exchange']);
    });
    it('has closed on day 16', () => {
      expect(entitlements(report(16), null)).toEqual([]);
    });
  });

  describe('what counts as a quality fault', () => {
    it.each<FaultCategory>(['installation', 'consumable'])('grants nothing for a %s fault, even on day 1', (category) => {
      expect(entitlements(report(1, category), null)).toEqual([]);
    });
    it('opens no window for a product known only by its manufacture date', () => {
      const command = reportCase({ product: { ...REPORT_DATA.product, invoiceDate: null, manufactureDate: dayBefore(3) } });
      expect(entitlements(command, null)).toEqual([]);
    });
  });

  describe('a second quality failure within 45 days of purchase', () => {
    it('entitles a replacement when the second is reported on day 45', () => {
      const data = decided(report(45), unit([repair('case-1', 20)]));
      expect(data.entitlements).toEqual(['replacement']);
      expect(data.entitlementGrounds).toEqual([
        { entitlement: 'replacement', rule: 'early-quality-failures', policyVersion: policy.version, evidence: ['case-1-reported', 'case-1-repaired'] },
      ]);
    });
    it('does not on day 46', () => {
      expect(entitlements(report(46), unit([repair('case-1', 30)]))).toEqual([]);
    });
    it('counts any quality fault, not only the same one', () => {
      expect(entitlements(report(30, 'software'), unit([repair('case-1', 10)]))).toEqual(['replacement']);
    });
    it('does not count a chargeable repair (misuse and the like)', () => {
      expect(entitlements(report(30), unit([repair('case-1', 10, { coverage: 'chargeable' })]))).toEqual([]);
    });
    it('does not count an installation fault', () => {
      expect(entitlements(report(30), unit([repair('case-1', 10, { faultCategory: 'installation' })]))).toEqual([]);
    });
  });

  describe('the same fault repaired N times (N = 2 by default) and reported again', () => {
    const bought = 200;
    it('entitles a replacement at the N-th earlier repair', () => {
      const data = decided(report(bought), unit([repair('case-1', 150), repair('case-2', 100)]));
      expect(data.entitlements).toEqual(['replacement']);
      expect(data.entitlementGrounds).toEqual([
        {
          entitlement: 'replacement',
          rule: 'same-fault-repeated',
          policyVersion: policy.version,
          evidence: ['case-1-reported', 'case-1-repaired', 'case-2-reported', 'case-2-repaired'],
        },
      ]);
    });
    it('does not after N-1 repairs', () => {
      expect(entitlements(report(bought), unit([repair('case-1', 150)]))).toEqual([]);
    });
    it('does not count a rework within one case as a second repair', () => {
      const rework = repair('case-1', 150, { evidence: ['case-1-reported', 'case-1-reworked'] });
      expect(entitlements(report(bought), unit([repair('case-1', 150), rework]))).toEqual([]);
    });
    it('does not count repairs of another fault', () => {
      expect(entitlements(report(bought), unit([repair('case-1', 150, { faultCategory: 'software' }), repair('case-2', 100)]))).toEqual([]);
    });
    it('follows the policy: three repairs where the agreement says three', () => {
      const threeTimes = { ...policy, sameFaultRepairsForReplacement: 3 };
      const [event] = given().when(report(bought), { unit: unit([repair('case-1', 150), repair('case-2', 100)]), warrantyPolicy: threeTimes }).result();
      expect(event).toMatchObject({ data: { entitlements: [] } });
    });
    it('grants nothing once the warranty, extensions included, has run out', () => {
      const old = reportCase({ product: { ...REPORT_DATA.product, invoiceDate: dayBefore(600) } });
      expect(entitlements(old, unit([repair('case-1', 450), repair('case-2', 400)]))).toEqual([]);
    });
  });

  it('names every rule that applies, and each entitlement once', () => {
    const data = decided(report(5), unit([repair('case-1', 3), repair('case-2', 2)]));
    expect(data.entitlements).toEqual(['replacement', 'return', 'exchange']);
    expect(data.entitlementGrounds?.map((g) => g.rule)).toEqual(['same-fault-repeated', 'early-quality-failures', 'return-window', 'exchange-window']);
  });

  it('assesses the warranty from the dates the unit was registered with, extensions included', () => {
    const facts: UnitWarrantyFacts = { extensionDays: 60, entitlements: [], dates: { invoiceDate: '2025-01-20', purchaseDate: null, manufactureDate: null } };
    expect(decided(report(10), facts).warranty).toMatchObject({ basis: 'invoice', startsOn: '2025-01-20', expiresOn: '2026-03-20', status: 'in' });
  });
});
