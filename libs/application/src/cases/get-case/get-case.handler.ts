import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { allowedCommands, computeSlaClocks, type Clock } from '#casetrail/domain';
import type { EventStore } from '#casetrail/event-store';
import type { SlaPolicyRegistry } from '#casetrail/policies';
import { PersonalDataReader } from '../../privacy/personal-data-reader.js';
import { personalDataAccess } from '../../privacy/personal-data-access.js';
import { replaceStandIns } from '../../privacy/personal-stand-ins.js';
import { CLOCK, EVENT_STORE, SLA_POLICIES } from '../../tokens.js';
import { assertMayRead, caseNotFound } from '../case-access.js';
import { FoldedCases } from './folded-cases.js';
import { GetCaseQuery, type CaseView } from './get-case.query.js';

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseView> {
  private readonly cases: FoldedCases;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(SLA_POLICIES) policies: SlaPolicyRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly personalData: PersonalDataReader,
  ) {
    this.cases = new FoldedCases(store, policies);
  }

  /**
   * The same view as folding the whole stream opened for the reader (folded-case.spec.ts checks
   * it on random histories), from a fold kept between reads: a long case costs a read of its
   * newest events and a look-up of its keys, not a read and two folds of its history.
   */
  async execute({ caseId, actor }: GetCaseQuery): Promise<CaseView> {
    const folded = await this.cases.load(caseId);
    if (!folded) throw caseNotFound(caseId);
    assertMayRead(folded.withheld, actor, caseId);
    const shown = await this.personalData.show(folded.personal.map((slot) => slot.event), personalDataAccess(actor, folded.withheld));
    const state = replaceStandIns(folded.state, folded.personal, shown);
    // An event may be stamped up to the allowed skew ahead of this server: the clocks must still count it.
    const now = new Date(Math.max(this.clock.now(), folded.latestMs)).toISOString();
    const slaClocks = folded.policy ? computeSlaClocks(folded.clockEvents, now, folded.policy) : [];
    return { revision: folded.revision, state, allowedCommands: allowedCommands(state), slaClocks };
  }
}
