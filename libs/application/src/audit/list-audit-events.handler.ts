import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { listAuditEvents, type AuditEventItem, type Page, type ReadModelDb } from '#casetrail/read-models';
import { READ_MODEL_QUERY_DB } from '../tokens.js';
import { ListAuditEventsQuery } from './list-audit-events.query.js';

@QueryHandler(ListAuditEventsQuery)
export class ListAuditEventsHandler implements IQueryHandler<ListAuditEventsQuery, Page<AuditEventItem>> {
  constructor(@Inject(READ_MODEL_QUERY_DB) private readonly db: ReadModelDb) {}

  execute({ filter, cursor, limit }: ListAuditEventsQuery): Promise<Page<AuditEventItem>> {
    return listAuditEvents(this.db, filter, cursor, limit);
  }
}
