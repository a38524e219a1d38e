import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SummarizeSatisfactionHandler } from './summarize-satisfaction/summarize-satisfaction.handler.js';

/** The satisfaction read model's query handler. `READ_MODEL_QUERY_DB` comes from the projector module. */
@Module({
  imports: [CqrsModule],
  providers: [SummarizeSatisfactionHandler],
})
export class SatisfactionQueriesModule {}
