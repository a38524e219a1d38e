import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { allowedCommands, computeSlaClocks, type Clock } from '#casetrail/domain';
import type { EventStore } from '#casetrail/event-store';
import type { SlaPolicyRegistry } from '#casetrail/policies';
import { PersonalDataReader } from '../../privacy/personal-data-reader.js';
import { slaPolicyOfCase } from '../../sla/case-sla-policy.js';
import { CLOCK, EVENT_STORE, SLA_POLICIES } from '../../tokens.js';
import { assertMayRead } from '../case-access.js';
import { loadCase } from '../load-case.js';
import { GetCaseQuery, type CaseView } from './get-case.query.js';

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SLA_POLICIES) private readonly policies: SlaPolicyRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly personalData: PersonalDataReader,
  ) {}

  async execute({ caseId, actor }: GetCaseQuery): Promise<CaseView> {
    const loaded = await loadCase(this.store, caseId);
    assertMayRead(loaded.state, actor, caseId);
    const { state, revision, events } = await this.personalData.open(loaded, actor);
    const policy = slaPolicyOfCase(this.policies, events);
    // An event may be stamped up to the allowed skew ahead of this server: the clocks must still count it.
    const now = Math.max(this.clock.now(), ...events.map((e) => Date.parse(e.occurredAt)));
    const slaClocks = policy ? computeSlaClocks(events, new Date(now).toISOString(), policy) : [];
    return { revision, state, allowedCommands: allowedCommands(state), slaClocks };
  }
}
