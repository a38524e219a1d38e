import type { ReadModelDb } from '../store/read-model-database.js';
import { keysetPage, type Page } from '../query/pagination.js';
import { AUDIT_TABLE, type AuditRow } from './audit.tables.js';

export interface AuditFilter {
  readonly caseId?: string;
  readonly actorId?: string;
  /** The event name without version (`RepairCompleted`). */
  readonly type?: string;
  /** Inclusive lower bound on `recordedAt` (server time, ISO-8601 UTC). */
  readonly from?: string;
  /** Exclusive upper bound on `recordedAt`. */
  readonly to?: string;
}

export interface AuditEventItem {
  readonly position: number;
  readonly streamId: string;
  readonly caseId: string | null;
  readonly revision: number;
  readonly type: string;
  readonly storedType: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actorId: string;
  readonly actorRole: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly commandId: string;
  readonly eventId: string;
  readonly hash: string;
}

export const toAuditEventItem = (r: AuditRow): AuditEventItem => ({
  position: Number(r.position),
  streamId: r.stream_id,
  caseId: r.case_id,
  revision: Number(r.revision),
  type: r.type,
  storedType: r.stored_type,
  occurredAt: r.occurred_at,
  recordedAt: r.recorded_at,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  correlationId: r.correlation_id,
  causationId: r.causation_id,
  commandId: r.command_id,
  eventId: r.event_id,
  hash: r.hash,
});

export const AUDIT_CSV_COLUMNS: readonly (keyof AuditEventItem)[] = [
  'position', 'streamId', 'caseId', 'revision', 'type', 'storedType', 'occurredAt', 'recordedAt',
  'actorId', 'actorRole', 'correlationId', 'causationId', 'commandId', 'eventId', 'hash',
];

/** Events in store order (ascending position), keyset-paged. */
export async function listAuditEvents(
  db: ReadModelDb,
  filter: AuditFilter,
  cursor: string | undefined,
  limit: number,
): Promise<Page<AuditEventItem>> {
  let query = db.selectFrom(AUDIT_TABLE).selectAll();
  if (filter.caseId) query = query.where('case_id', '=', filter.caseId);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.from) query = query.where('recorded_at', '>=', filter.from);
  if (filter.to) query = query.where('recorded_at', '<', filter.to);
  const page = await keysetPage<AuditRow & Record<string, unknown>>(query as never, ['position'], 'asc', cursor, limit);
  return { items: page.items.map(toAuditEventItem), nextCursor: page.nextCursor };
}
