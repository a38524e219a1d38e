import type { WarrantyPolicy } from '#casetrail/domain';

/** The policies new cases are decided under; recorded on `CaseReported` and never changed for that case. */
export interface CasePolicies {
  readonly warranty: WarrantyPolicy;
  readonly slaPolicyVersion: string;
}
