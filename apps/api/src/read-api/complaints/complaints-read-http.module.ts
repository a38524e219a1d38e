import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ComplaintQueriesModule } from '#casetrail/application';
import { ComplaintQueriesController } from './complaint-queries.controller.js';

/** `GET /v1/complaints` and `/v1/complaints/summary` over the complaints read model. */
@Module({ imports: [CqrsModule, ComplaintQueriesModule], controllers: [ComplaintQueriesController] })
export class ComplaintsReadHttpModule {}
