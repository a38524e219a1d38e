import type { Migration } from 'kysely';
import type { Migrations } from '../store/migrations.js';

export const AUDIT_TABLE = 'audit_events';

/**
 * One row per stored event of every stream (DESIGN §5): who did what, when, and the hash that
 * ties it into its stream's chain. Event data is deliberately absent — it holds personal data,
 * which no read model keeps; the full event stays in the store, behind the case history route.
 */
export interface AuditRow {
  position: number;
  stream_id: string;
  /** Null for streams that are not cases (product units). */
  case_id: string | null;
  revision: number;
  /** The event's name without its version (`CaseReported`). */
  type: string;
  /** As stored, with its version (`CaseReported.v2`). */
  stored_type: string;
  occurred_at: string;
  recorded_at: string;
  actor_id: string;
  actor_role: string;
  correlation_id: string;
  causation_id: string | null;
  command_id: string;
  event_id: string;
  hash: string;
}

const create: Migration = {
  up: async (db) => {
    await db.schema
      .createTable(AUDIT_TABLE)
      .addColumn('position', 'bigint', (c) => c.primaryKey())
      .addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text')
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('stored_type', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('correlation_id', 'text', (c) => c.notNull())
      .addColumn('causation_id', 'text')
      .addColumn('command_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    // Every list is ascending by position; each filter's index ends in position to keep that order.
    const index = (name: string, columns: string[]) =>
      db.schema.createIndex(`audit_events_${name}_idx`).on(AUDIT_TABLE).columns(columns).execute();
    await index('case', ['case_id', 'position']);
    await index('actor', ['actor_id', 'position']);
    await index('type', ['type', 'position']);
    await index('recorded', ['recorded_at', 'position']);
  },
  down: async (db) => {
    await db.schema.dropTable(AUDIT_TABLE).execute();
  },
};

export const auditMigrations: Migrations = { 'audit/0001_create': create };
