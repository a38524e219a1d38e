import type { Migration } from 'kysely';
import type { ComplaintCategory, ComplaintSeverity, ComplaintStatus, Priority, RegionClass } from '#casetrail/domain';

/**
 * One row per complaint (DESIGN §5). The complaint's description and resolution text are not kept:
 * free text may hold a customer's personal data, and analysts read this table. Nor is anything
 * about the customer but the region class, so erasing a customer never has to touch it.
 */
export interface ComplaintRow {
  complaint_id: string;
  case_id: string;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  /** Null until the complaint is acknowledged and handed to a department. */
  department: string | null;
  status: ComplaintStatus;
  filed_at: string;
  /** The first acknowledgement; a reopened complaint goes back to `acknowledged` without a new one. */
  acknowledged_at: string | null;
  /** The last resolution; null while the complaint is open (also after a reopen). */
  resolved_at: string | null;
  reopen_count: number;
  /** Calendar hours from filing to the last resolution; null while open. */
  resolution_hours: number | null;
  /** `YYYY-MM` of filing, Asia/Shanghai. */
  month: string;
  /**
   * The case context as it stood when the complaint was filed: a later rework dispatch must not move
   * a complaint about one technician onto the next. Null only for a case stream without its report.
   */
  product_model: string | null;
  region: RegionClass | null;
  priority: Priority | null;
  /** The technician dispatched to the case when the complaint was filed; null before any dispatch. */
  technician_id: string | null;
}

/**
 * The case context complaints are denormalised from, one row per reported case. It also counts
 * the cases reported in a window: the denominator of the complaint rate.
 */
export interface ComplaintCaseRow {
  case_id: string;
  product_model: string;
  region: RegionClass;
  priority: Priority;
  /** The technician most recently dispatched; null before the first dispatch. */
  technician_id: string | null;
  reported_at: string;
  /** `YYYY-MM` of reporting, Asia/Shanghai. */
  month: string;
}

export const COMPLAINTS_TABLE = 'complaints';
export const COMPLAINT_CASES_TABLE = 'complaint_cases';

export const complaintsMigrations: Record<string, Migration> = {
  'complaints/0001_create': {
    up: async (db) => {
      await db.schema
        .createTable(COMPLAINTS_TABLE)
        .addColumn('complaint_id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('department', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('filed_at', 'text', (c) => c.notNull())
        .addColumn('acknowledged_at', 'text')
        .addColumn('resolved_at', 'text')
        .addColumn('reopen_count', 'integer', (c) => c.notNull())
        .addColumn('resolution_hours', 'double precision')
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('product_model', 'text')
        .addColumn('region', 'text')
        .addColumn('priority', 'text')
        .addColumn('technician_id', 'text')
        .execute();
      // The list pages newest first on (filed_at, complaint_id); each filter narrows by its column then time.
      await db.schema.createIndex('complaints_filed_idx').on(COMPLAINTS_TABLE).columns(['filed_at', 'complaint_id']).execute();
      await db.schema.createIndex('complaints_case_idx').on(COMPLAINTS_TABLE).column('case_id').execute();
      for (const column of ['category', 'severity', 'status', 'department', 'product_model', 'month']) {
        await db.schema.createIndex(`complaints_${column}_idx`).on(COMPLAINTS_TABLE).columns([column, 'filed_at']).execute();
      }

      await db.schema
        .createTable(COMPLAINT_CASES_TABLE)
        .addColumn('case_id', 'text', (c) => c.primaryKey())
        .addColumn('product_model', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('priority', 'text', (c) => c.notNull())
        .addColumn('technician_id', 'text')
        .addColumn('reported_at', 'text', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('complaint_cases_reported_idx').on(COMPLAINT_CASES_TABLE).column('reported_at').execute();
      await db.schema.createIndex('complaint_cases_model_idx').on(COMPLAINT_CASES_TABLE).columns(['product_model', 'reported_at']).execute();
    },
  },
};
