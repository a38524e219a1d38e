import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SatisfactionQueriesModule } from '#casetrail/application';
import { SatisfactionController } from './satisfaction.controller.js';

/** `GET /v1/satisfaction/summary` over the satisfaction read model. */
@Module({ imports: [CqrsModule, SatisfactionQueriesModule], controllers: [SatisfactionController] })
export class SatisfactionHttpModule {}
