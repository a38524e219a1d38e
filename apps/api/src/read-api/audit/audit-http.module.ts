import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditApplicationModule } from '#casetrail/application';
import { AuditController } from './audit.controller.js';

/** `GET /v1/audit/events` over the audit read model. */
@Module({ imports: [CqrsModule, AuditApplicationModule], controllers: [AuditController] })
export class AuditHttpModule {}
