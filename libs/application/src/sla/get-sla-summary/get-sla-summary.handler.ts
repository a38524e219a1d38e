import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Clock } from '#casetrail/domain';
import { summarizeSla, type ReadModelDb } from '#casetrail/read-models';
import { CLOCK, READ_MODEL_QUERY_DB } from '../../tokens.js';
import { GetSlaSummaryQuery, type SlaSummary } from './get-sla-summary.query.js';

@QueryHandler(GetSlaSummaryQuery)
export class GetSlaSummaryHandler implements IQueryHandler<GetSlaSummaryQuery, SlaSummary> {
  constructor(
    @Inject(READ_MODEL_QUERY_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ request }: GetSlaSummaryQuery): Promise<SlaSummary> {
    return summarizeSla(this.db, request, new Date(this.clock.now()).toISOString());
  }
}
