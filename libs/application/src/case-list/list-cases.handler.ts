import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { listCaseSummaries, type CaseSummaryItem, type Page, type ReadModelDb } from '#casetrail/read-models';
import { READ_MODEL_QUERY_DB } from '../tokens.js';
import { ListCasesQuery } from './list-cases.query.js';

@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery, Page<CaseSummaryItem>> {
  constructor(@Inject(READ_MODEL_QUERY_DB) private readonly db: ReadModelDb) {}

  async execute({ filter, actor, cursor, limit }: ListCasesQuery): Promise<Page<CaseSummaryItem>> {
    if (actor.role !== 'technician') return listCaseSummaries(this.db, filter, cursor, limit);
    // A technician sees only the cases assigned to them (DESIGN §7); asking for another's finds none.
    if (filter.technicianId && filter.technicianId !== actor.id) return { items: [], nextCursor: null };
    return listCaseSummaries(this.db, { ...filter, technicianId: actor.id }, cursor, limit);
  }
}
