import type { CaseReported, UnitWarrantyFacts } from '#casetrail/domain';
import type { CommandRequest } from './execute-case-command/execute-case-command.js';

/**
 * What reporting a case needs from the product unit (DESIGN §2, §4): its warranty history, and
 * its registration when the report is the first casetrail hears of the serial. Bound to
 * `EventStoreUnitFacts` (product-units slice); `noUnitFacts` answers "nothing known" and registers nothing.
 */
export interface UnitFactsLookup {
  forSerial(serialNumber: string): Promise<UnitWarrantyFacts | null>;
  /** Registers the reported unit unless it is known; idempotent. Called after `decide` accepted the report, before its append. */
  registerReported(reported: CaseReported, request: CommandRequest): Promise<void>;
}

export const noUnitFacts: UnitFactsLookup = { forSerial: async () => null, registerReported: async () => undefined };
