import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ListCasesHandler } from './list-cases.handler.js';

/** The case list over the case-summary read model; `READ_MODEL_QUERY_DB` comes from the projector module. */
@Module({ imports: [CqrsModule], providers: [ListCasesHandler] })
export class CaseListApplicationModule {}
