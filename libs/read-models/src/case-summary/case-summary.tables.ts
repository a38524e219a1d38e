import type { Migration } from 'kysely';
import type { CaseStatus, Complexity, Coverage, FaultCategory, HoldReason, Priority, RegionClass, ReportChannel } from '#casetrail/domain';
import type { Migrations } from '../store/migrations.js';

export const CASE_SUMMARY_TABLE = 'case_summary';

/**
 * One row per case (DESIGN §5). Privacy: only the customer's id and region class are kept —
 * never name, phone or address — because analysts read this table and customers can be erased.
 * Instants are business time (`occurredAt`) as ISO-8601 UTC text; flags are integers 0/1.
 */
export interface CaseSummaryRow {
  case_id: string;
  status: CaseStatus;
  priority: Priority;
  region: RegionClass;
  customer_id: string;
  product_model: string;
  serial_number: string;
  fault_category: FaultCategory;
  channel: ReportChannel;
  technician_id: string | null;
  complexity: Complexity | null;
  rework_count: number;
  on_hold: 0 | 1;
  hold_reason: HoldReason | null;
  open_complaints: number;
  complaints_total: number;
  warranty_status: 'in' | 'out';
  /** Coverage of the latest repair. */
  coverage: Coverage | null;
  loaner_out: 0 | 1;
  reported_at: string;
  /** First contact. */
  contacted_at: string | null;
  /** Latest dispatch (a rework dispatch replaces the first). */
  dispatched_at: string | null;
  /** First arrival on site. */
  arrived_at: string | null;
  /** Latest repair. */
  repaired_at: string | null;
  accepted_at: string | null;
  surveyed_at: string | null;
  cancelled_at: string | null;
  /** Business time of the case's latest event. */
  last_event_at: string;
  /** Revision and global position of the latest event applied. */
  revision: number;
  position: number;
}

const create: Migration = {
  up: async (db) => {
    await db.schema
      .createTable(CASE_SUMMARY_TABLE)
      .addColumn('case_id', 'text', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('product_model', 'text', (c) => c.notNull())
      .addColumn('serial_number', 'text', (c) => c.notNull())
      .addColumn('fault_category', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('technician_id', 'text')
      .addColumn('complexity', 'text')
      .addColumn('rework_count', 'integer', (c) => c.notNull())
      .addColumn('on_hold', 'integer', (c) => c.notNull())
      .addColumn('hold_reason', 'text')
      .addColumn('open_complaints', 'integer', (c) => c.notNull())
      .addColumn('complaints_total', 'integer', (c) => c.notNull())
      .addColumn('warranty_status', 'text', (c) => c.notNull())
      .addColumn('coverage', 'text')
      .addColumn('loaner_out', 'integer', (c) => c.notNull())
      .addColumn('reported_at', 'text', (c) => c.notNull())
      .addColumn('contacted_at', 'text')
      .addColumn('dispatched_at', 'text')
      .addColumn('arrived_at', 'text')
      .addColumn('repaired_at', 'text')
      .addColumn('accepted_at', 'text')
      .addColumn('surveyed_at', 'text')
      .addColumn('cancelled_at', 'text')
      .addColumn('last_event_at', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('position', 'bigint', (c) => c.notNull())
      .execute();
    // The list is newest first on (reported_at, case_id); each filter gets an index that keeps that order.
    const index = (name: string, columns: string[]) =>
      db.schema.createIndex(`case_summary_${name}_idx`).on(CASE_SUMMARY_TABLE).columns(columns).execute();
    await index('reported', ['reported_at', 'case_id']);
    await index('status', ['status', 'reported_at', 'case_id']);
    await index('technician', ['technician_id', 'reported_at', 'case_id']);
    await index('region', ['region', 'reported_at', 'case_id']);
    await index('priority', ['priority', 'reported_at', 'case_id']);
    await index('model', ['product_model', 'reported_at', 'case_id']);
  },
  down: async (db) => {
    await db.schema.dropTable(CASE_SUMMARY_TABLE).execute();
  },
};

export const caseSummaryMigrations: Migrations = { 'case-summary/0001_create': create };
