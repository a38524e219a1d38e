import type { UnitWarrantyFacts } from '../warranty/warranty-policy.js';
import type { UnitState } from './unit-state.js';

/** What a new report needs to know about the unit (DESIGN §4): extensions, repairs, registered dates. */
export const unitWarrantyFacts = (state: UnitState): UnitWarrantyFacts | null => {
  if (state.status !== 'registered') return null;
  return {
    extensionDays: state.warranty.extensionDays,
    entitlements: [],
    repairs: state.repairs.map(({ caseId, faultCategory, coverage, reportedOn, repairedOn, evidence }) => ({
      caseId,
      faultCategory,
      coverage,
      reportedOn,
      repairedOn,
      evidence,
    })),
    dates: state.dates,
  };
};
