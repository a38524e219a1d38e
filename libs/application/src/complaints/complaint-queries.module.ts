import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ListComplaintsHandler } from './list-complaints/list-complaints.handler.js';
import { SummarizeComplaintsHandler } from './summarize-complaints/summarize-complaints.handler.js';

/** The complaint read model's query handlers. `READ_MODEL_QUERY_DB` comes from the projector module. */
@Module({
  imports: [CqrsModule],
  providers: [ListComplaintsHandler, SummarizeComplaintsHandler],
})
export class ComplaintQueriesModule {}
