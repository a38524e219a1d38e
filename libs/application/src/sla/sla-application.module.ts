import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetSlaSummaryHandler } from './get-sla-summary/get-sla-summary.handler.js';
import { ListSlaClocksHandler } from './list-sla-clocks/list-sla-clocks.handler.js';

/** The SLA read side's query handlers; the read-model DB and the clock come from the app. */
@Module({
  imports: [CqrsModule],
  providers: [ListSlaClocksHandler, GetSlaSummaryHandler],
})
export class SlaApplicationModule {}
