import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { computeSlaClocks, evolve, initialCaseState, slaClocksAfterEachEvent } from '#casetrail/domain';
import type { EventStore } from '#casetrail/event-store';
import type { SlaPolicyRegistry } from '#casetrail/policies';
import { PersonalDataReader } from '../../privacy/personal-data-reader.js';
import { slaPolicyOfCase } from '../../sla/case-sla-policy.js';
import { EVENT_STORE, SLA_POLICIES } from '../../tokens.js';
import { assertMayRead } from '../case-access.js';
import { loadCase } from '../load-case.js';
import { GetCaseHistoryQuery, HISTORY_PAGE_LIMIT, type CaseHistory, type HistoryEntry } from './get-case-history.query.js';

@QueryHandler(GetCaseHistoryQuery)
export class GetCaseHistoryHandler implements IQueryHandler<GetCaseHistoryQuery, CaseHistory> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SLA_POLICIES) private readonly policies: SlaPolicyRegistry,
    private readonly personalData: PersonalDataReader,
  ) {}

  async execute({ caseId, actor, revision, asOf, fromRevision = 0 }: GetCaseHistoryQuery): Promise<CaseHistory> {
    const withheld = await loadCase(this.store, caseId);
    assertMayRead(withheld.state, actor, caseId);
    const loaded = await this.personalData.open(withheld, actor);
    const asOfMs = asOf === undefined ? Infinity : Date.parse(asOf);
    const excluded = loaded.recorded.findIndex(
      (recorded, i) => (revision !== undefined && recorded.revision > revision) || Date.parse(loaded.events[i]!.occurredAt) > asOfMs,
    );
    const end = excluded === -1 ? loaded.events.length : excluded;
    // Revisions count from 0 without gaps, so a revision is its index in the stream.
    const start = Math.min(fromRevision, end);
    const pageEnd = Math.min(end, start + HISTORY_PAGE_LIMIT);
    const events = loaded.events.slice(0, pageEnd);
    const policy = slaPolicyOfCase(this.policies, loaded.events);
    const clocks = policy ? slaClocksAfterEachEvent(events, policy) : [];
    const entries: HistoryEntry[] = [];
    let state = initialCaseState;
    for (const [i, event] of events.entries()) {
      state = evolve(state, event);
      if (i < start) continue;
      const recorded = loaded.recorded[i]!;
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
    const page = { caseId, events: entries, ...(pageEnd < end ? { nextRevision: loaded.recorded[pageEnd]!.revision } : {}) };
    if (asOf === undefined) return page;
    return { ...page, asOf, slaClocks: policy ? computeSlaClocks(loaded.events.slice(0, end), asOf, policy) : [] };
  }
}
