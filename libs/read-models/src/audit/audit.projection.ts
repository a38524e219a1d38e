import type { Projection, ProjectedEvent } from '../runtime/projection.js';
import { writeRows } from '../store/write-rows.js';
import { AUDIT_TABLE, auditMigrations, type AuditRow } from './audit.tables.js';

/** `CaseReported.v2` → `CaseReported`: the audit is searched by what happened, whatever the shape version. */
export const eventName = (storedType: string): string => storedType.replace(/\.v\d+$/, '');

/** The audit row of one stored event, whatever its stream. Pure, so a rebuild equals the live table. */
export function toAuditRow({ recorded, caseEvent }: ProjectedEvent): AuditRow {
  const { metadata } = recorded;
  return {
    position: recorded.position,
    stream_id: recorded.streamId,
    case_id: caseEvent?.data.caseId ?? null,
    revision: recorded.revision,
    type: eventName(recorded.type),
    stored_type: recorded.type,
    occurred_at: metadata.occurredAt,
    recorded_at: metadata.recordedAt,
    actor_id: metadata.actor.id,
    actor_role: metadata.actor.role,
    correlation_id: metadata.correlationId,
    causation_id: metadata.causationId,
    command_id: metadata.commandId,
    event_id: metadata.eventId,
    hash: recorded.hash,
  };
}

/** The audit projection: appends one row per event; a row already there (same position) is left alone. */
export const auditProjection: Projection = {
  name: 'audit',
  tables: [{ name: AUDIT_TABLE, key: ['position'] }],
  migrations: auditMigrations,
  async apply(trx, events: readonly ProjectedEvent[]) {
    await writeRows(trx, AUDIT_TABLE, ['position'], events.map(toAuditRow), 'nothing');
  },
};
