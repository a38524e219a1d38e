import type { CaseStatus } from '#casetrail/domain';

/** The answer to every case command (DESIGN §7); replayed as is for a repeated idempotency key. */
export interface CaseCommandResult {
  readonly caseId: string;
  readonly revision: number;
  readonly status: CaseStatus;
  readonly complaintId?: string;
}
