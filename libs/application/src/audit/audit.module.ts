import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ListAuditEventsHandler } from './list-audit-events.handler.js';

/** The audit trail over the audit read model; `READ_MODEL_QUERY_DB` comes from the projector module. */
@Module({ imports: [CqrsModule], providers: [ListAuditEventsHandler] })
export class AuditApplicationModule {}
