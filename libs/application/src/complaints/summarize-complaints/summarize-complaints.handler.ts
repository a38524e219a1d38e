import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { summarizeComplaints, type ComplaintSummary, type ReadModelDb } from '#casetrail/read-models';
import { READ_MODEL_QUERY_DB } from '../../tokens.js';
import { SummarizeComplaintsQuery } from './summarize-complaints.query.js';

@QueryHandler(SummarizeComplaintsQuery)
export class SummarizeComplaintsHandler implements IQueryHandler<SummarizeComplaintsQuery, ComplaintSummary> {
  constructor(@Inject(READ_MODEL_QUERY_DB) private readonly db: ReadModelDb) {}

  execute({ groupBy, window }: SummarizeComplaintsQuery): Promise<ComplaintSummary> {
    return summarizeComplaints(this.db, groupBy, window);
  }
}
