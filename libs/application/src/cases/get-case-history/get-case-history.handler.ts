import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { evolve, initialCaseState } from '#casetrail/domain';
import type { EventStore } from '#casetrail/event-store';
import { EVENT_STORE } from '../../tokens.js';
import { assertMayRead } from '../case-access.js';
import { loadCase } from '../load-case.js';
import { GetCaseHistoryQuery, type CaseHistory, type HistoryEntry } from './get-case-history.query.js';

@QueryHandler(GetCaseHistoryQuery)
export class GetCaseHistoryHandler implements IQueryHandler<GetCaseHistoryQuery, CaseHistory> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId, actor, revision, asOf }: GetCaseHistoryQuery): Promise<CaseHistory> {
    const loaded = await loadCase(this.store, caseId);
    assertMayRead(loaded.state, actor, caseId);
    const asOfMs = asOf === undefined ? Infinity : Date.parse(asOf);
    const entries: HistoryEntry[] = [];
    let state = initialCaseState;
    for (const [i, recorded] of loaded.recorded.entries()) {
      const event = loaded.events[i]!;
      if ((revision !== undefined && recorded.revision > revision) || Date.parse(event.occurredAt) > asOfMs) break;
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
      });
    }
    return { caseId, events: entries };
  }
}
