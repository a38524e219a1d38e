import { Query } from '@nestjs/cqrs';
import type { Actor, CaseState, CommandName } from '#casetrail/domain';

export interface CaseView {
  readonly revision: number;
  readonly state: CaseState;
  readonly allowedCommands: readonly CommandName[];
}

export class GetCaseQuery extends Query<CaseView> {
  constructor(
    readonly caseId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
