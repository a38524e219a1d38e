import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CaseListApplicationModule } from '#casetrail/application';
import { CaseListController } from './case-list.controller.js';

/** `GET /v1/cases` over the case-summary read model. */
@Module({ imports: [CqrsModule, CaseListApplicationModule], controllers: [CaseListController] })
export class CaseListHttpModule {}
