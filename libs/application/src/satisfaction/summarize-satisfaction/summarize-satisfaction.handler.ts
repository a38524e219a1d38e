import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { summarizeSatisfaction, type ReadModelDb, type SatisfactionSummary } from '#casetrail/read-models';
import { READ_MODEL_QUERY_DB } from '../../tokens.js';
import { SummarizeSatisfactionQuery } from './summarize-satisfaction.query.js';

@QueryHandler(SummarizeSatisfactionQuery)
export class SummarizeSatisfactionHandler implements IQueryHandler<SummarizeSatisfactionQuery, SatisfactionSummary> {
  constructor(@Inject(READ_MODEL_QUERY_DB) private readonly db: ReadModelDb) {}

  execute({ groupBy, window }: SummarizeSatisfactionQuery): Promise<SatisfactionSummary> {
    return summarizeSatisfaction(this.db, groupBy, window);
  }
}
