import { Query } from '@nestjs/cqrs';
import type { AuditEventItem, AuditFilter, Page } from '#casetrail/read-models';

/** `GET /v1/audit/events`: stored events with who/when/why, in store order, one page. */
export class ListAuditEventsQuery extends Query<Page<AuditEventItem>> {
  constructor(
    readonly filter: AuditFilter,
    readonly cursor: string | undefined,
    readonly limit: number,
  ) {
    super();
  }
}
