import type { Migration } from 'kysely';
import type { Priority, RegionClass, SlaClockState, SlaUnit } from '#casetrail/domain';
import type { Migrations } from '../store/migrations.js';

export const SLA_CLOCKS_TABLE = 'sla_clocks';
export const SLA_CASE_EVENTS_TABLE = 'sla_case_events';

/**
 * One row per SLA clock of a case (DESIGN §5): case clocks have `complaint_id` '' so the key
 * (case_id, clock, complaint_id) is never null. Every figure is as computed at `evaluated_at`, the
 * business time of the case's latest event; states that only the passing of time changes
 * (running → at-risk → overdue) are resolved at query time from `due_at` and `at_risk_at`.
 * Privacy: only case context useful for grouping is kept — no customer name, phone or address.
 */
export interface SlaClockRow {
  case_id: string;
  clock: string;
  complaint_id: string;
  state: SlaClockState;
  started_at: string;
  stopped_at: string | null;
  due_at: string | null;
  /** When the clock reaches the policy's at-risk share if it keeps running unpaused; null unless running. */
  at_risk_at: string | null;
  target_value: number;
  target_unit: SlaUnit;
  best_effort: 0 | 1;
  paused_seconds: number;
  elapsed_seconds: number;
  evaluated_at: string;
  sla_policy: string;
  priority: Priority;
  region: RegionClass;
  technician_id: string | null;
  product_model: string;
  reported_at: string;
  /** `YYYY-MM` of `reported_at` in Asia/Shanghai. */
  month: string;
}

/**
 * A case's events as the SLA engine needs them (`events`: JSON array of minimised `CaseEvent`s),
 * so a batch can recompute the clocks of the cases it touches without reading the event store.
 */
export interface SlaCaseEventsRow {
  case_id: string;
  sla_policy: string;
  events: string;
}

const create: Migration = {
  up: async (db) => {
    await db.schema
      .createTable(SLA_CLOCKS_TABLE)
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('clock', 'text', (c) => c.notNull())
      .addColumn('complaint_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('stopped_at', 'text')
      .addColumn('due_at', 'text')
      .addColumn('at_risk_at', 'text')
      .addColumn('target_value', 'double precision', (c) => c.notNull())
      .addColumn('target_unit', 'text', (c) => c.notNull())
      .addColumn('best_effort', 'integer', (c) => c.notNull())
      .addColumn('paused_seconds', 'integer', (c) => c.notNull())
      .addColumn('elapsed_seconds', 'integer', (c) => c.notNull())
      .addColumn('evaluated_at', 'text', (c) => c.notNull())
      .addColumn('sla_policy', 'text', (c) => c.notNull())
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('technician_id', 'text')
      .addColumn('product_model', 'text', (c) => c.notNull())
      .addColumn('reported_at', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sla_clocks_pk', ['case_id', 'clock', 'complaint_id'])
      .execute();
    // Lists run newest first on (started_at, case_id, clock, complaint_id); filters keep that order.
    const index = (name: string, columns: string[]) => db.schema.createIndex(`sla_clocks_${name}_idx`).on(SLA_CLOCKS_TABLE).columns(columns).execute();
    await index('started', ['started_at', 'case_id', 'clock', 'complaint_id']);
    await index('clock', ['clock', 'started_at']);
    await index('state', ['state', 'due_at']);
    await index('region', ['region', 'started_at']);
    await index('priority', ['priority', 'started_at']);
    await index('technician', ['technician_id', 'started_at']);
    await db.schema
      .createTable(SLA_CASE_EVENTS_TABLE)
      .addColumn('case_id', 'text', (c) => c.primaryKey())
      .addColumn('sla_policy', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .execute();
  },
  down: async (db) => {
    await db.schema.dropTable(SLA_CASE_EVENTS_TABLE).execute();
    await db.schema.dropTable(SLA_CLOCKS_TABLE).execute();
  },
};

export const slaMigrations: Migrations = { 'sla/0001_create': create };
