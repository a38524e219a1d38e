import { Query } from '@nestjs/cqrs';
import type { Actor, CaseState, CommandName, SlaClock } from '#casetrail/domain';

export interface CaseView {
  readonly revision: number;
  readonly state: CaseState;
  readonly allowedCommands: readonly CommandName[];
  /** The SLA clocks as they stand now, under the policy the case was reported with. */
  readonly slaClocks: readonly SlaClock[];
}

export class GetCaseQuery extends Query<CaseView> {
  constructor(
    readonly caseId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
