import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { listComplaints, type ComplaintView, type Page, type ReadModelDb } from '#casetrail/read-models';
import { READ_MODEL_QUERY_DB } from '../../tokens.js';
import { ListComplaintsQuery } from './list-complaints.query.js';

@QueryHandler(ListComplaintsQuery)
export class ListComplaintsHandler implements IQueryHandler<ListComplaintsQuery, Page<ComplaintView>> {
  constructor(@Inject(READ_MODEL_QUERY_DB) private readonly db: ReadModelDb) {}

  execute({ filter, cursor, limit }: ListComplaintsQuery): Promise<Page<ComplaintView>> {
    return listComplaints(this.db, filter, cursor, limit);
  }
}
