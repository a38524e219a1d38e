import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SlaApplicationModule } from '#casetrail/application';
import { SlaController } from './sla.controller.js';

/** `GET /v1/sla/clocks` and `/v1/sla/summary` over the SLA read model. */
@Module({ imports: [CqrsModule, SlaApplicationModule], controllers: [SlaController] })
export class SlaHttpModule {}
