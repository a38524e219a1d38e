import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { allowedCommands } from '#casetrail/domain';
import type { EventStore } from '#casetrail/event-store';
import { EVENT_STORE } from '../../tokens.js';
import { assertMayRead } from '../case-access.js';
import { loadCase } from '../load-case.js';
import { GetCaseQuery, type CaseView } from './get-case.query.js';

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId, actor }: GetCaseQuery): Promise<CaseView> {
    const { state, revision } = await loadCase(this.store, caseId);
    assertMayRead(state, actor, caseId);
    return { revision, state, allowedCommands: allowedCommands(state) };
  }
}
