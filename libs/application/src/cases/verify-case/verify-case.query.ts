import { Query } from '@nestjs/cqrs';

export interface CaseVerification {
  readonly caseId: string;
  readonly valid: boolean;
  readonly events: number;
  readonly headHash: string | null;
  readonly firstInvalidRevision?: number;
  readonly reason?: string;
}

export class VerifyCaseQuery extends Query<CaseVerification> {
  constructor(readonly caseId: string) {
    super();
  }
}
