import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Clock } from '#casetrail/domain';
import { listSlaClocks, type Page, type ReadModelDb, type SlaClockItem } from '#casetrail/read-models';
import { CLOCK, READ_MODEL_QUERY_DB } from '../../tokens.js';
import { ListSlaClocksQuery } from './list-sla-clocks.query.js';

@QueryHandler(ListSlaClocksQuery)
export class ListSlaClocksHandler implements IQueryHandler<ListSlaClocksQuery, Page<SlaClockItem>> {
  constructor(
    @Inject(READ_MODEL_QUERY_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ filter, cursor, limit }: ListSlaClocksQuery): Promise<Page<SlaClockItem>> {
    return listSlaClocks(this.db, filter, new Date(this.clock.now()).toISOString(), cursor, limit);
  }
}
