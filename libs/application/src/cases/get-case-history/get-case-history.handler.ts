import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { computeSlaClocks, evolve, initialCaseState, slaClocksAfterEachEvent } from '#casetrail/domain';
import type { EventStore } from '#casetrail/event-store';
import type { SlaPolicyRegistry } from '../../policies/sla-policy.loader.js';
import { slaPolicyOfCase } from '../../sla/case-sla-policy.js';
import { EVENT_STORE, SLA_POLICIES } from '../../tokens.js';
import { assertMayRead } from '../case-access.js';
import { loadCase } from '../load-case.js';
import { GetCaseHistoryQuery, type CaseHistory, type HistoryEntry } from './get-case-history.query.js';

@QueryHandler(GetCaseHistoryQuery)
export class GetCaseHistoryHandler implements IQueryHandler<GetCaseHistoryQuery, CaseHistory> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SLA_POLICIES) private readonly policies: SlaPolicyRegistry,
  ) {}

  async execute({ caseId, actor, revision, asOf }: GetCaseHistoryQuery): Promise<CaseHistory> {
    const loaded = await loadCase(this.store, caseId);
    assertMayRead(loaded.state, actor, caseId);
    const asOfMs = asOf === undefined ? Infinity : Date.parse(asOf);
    const included = loaded.recorded.findIndex(
      (recorded, i) => (revision !== undefined && recorded.revision > revision) || Date.parse(loaded.events[i]!.occurredAt) > asOfMs,
    );
    const events = included === -1 ? loaded.events : loaded.events.slice(0, included);
    const policy = slaPolicyOfCase(this.policies, loaded.events);
    const clocks = policy ? slaClocksAfterEachEvent(events, policy) : [];
    const entries: HistoryEntry[] = [];
    let state = initialCaseState;
    for (const [i, event] of events.entries()) {
      const recorded = loaded.recorded[i]!;
      state = evolve(state, event);
      const { metadata } = recorded;
      entries.push({
        revision: recorded.revision,
        position: recorded.position,
        type: event.type,
        storedType: recorded.type,
        occurredAt: metadata.occurredAt,
        recordedAt: metadata.recordedAt,
        actor: metadata.actor,
        commandId: metadata.commandId,
        correlationId: metadata.correlationId,
        data: event.data,
        hash: recorded.hash,
        prevHash: metadata.prevHash,
        state,
        slaClocks: clocks[i] ?? [],
      });
    }
    if (asOf === undefined) return { caseId, events: entries };
    return { caseId, events: entries, asOf, slaClocks: policy ? computeSlaClocks(events, asOf, policy) : [] };
  }
}
