import type { Migration } from 'kysely';
import type { RegionClass, SurveyChannel } from '#casetrail/domain';

/**
 * The satisfaction read model (DESIGN §5). It keeps survey scores but never the survey's comment
 * (free text may hold personal data) and nothing about the customer but the region class.
 */

/** What a survey or repair is attributed to, kept from the case's earlier events. */
export interface SatisfactionCaseRow {
  case_id: string;
  region: RegionClass;
  product_model: string;
  /** The technician who last repaired the case, else the one last dispatched; null before either. */
  technician_id: string | null;
}

export interface SatisfactionSurveyRow {
  case_id: string;
  surveyed_at: string;
  /** `YYYY-MM` of the survey, Asia/Shanghai. */
  month: string;
  technician_id: string | null;
  region: RegionClass | null;
  product_model: string | null;
  attitude: number;
  quality: number;
  response_speed: number;
  overall: number;
  /** 1 when overall ≥ 4 of 5 (DESIGN §5), else 0. */
  satisfied: number;
  channel: SurveyChannel;
}

/** One row per repaired case: the return-visit rate's denominator. */
export interface SatisfactionRepairRow {
  case_id: string;
  /** The first RepairCompleted: a rework does not move the case into a later period. */
  repaired_at: string;
  /** `YYYY-MM` of the first repair, Asia/Shanghai. */
  month: string;
  /** The technician of the latest repair, so a case's survey and repair count for the same person. */
  technician_id: string | null;
  region: RegionClass | null;
  product_model: string | null;
  /** 1 once the case has had its return visit (survey), whenever that was. */
  surveyed: number;
}

export const SATISFACTION_CASES_TABLE = 'satisfaction_cases';
export const SATISFACTION_SURVEYS_TABLE = 'satisfaction_surveys';
export const SATISFACTION_REPAIRS_TABLE = 'satisfaction_repairs';

export const satisfactionMigrations: Record<string, Migration> = {
  'satisfaction/0001_create': {
    up: async (db) => {
      await db.schema
        .createTable(SATISFACTION_CASES_TABLE)
        .addColumn('case_id', 'text', (c) => c.primaryKey())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('product_model', 'text', (c) => c.notNull())
        .addColumn('technician_id', 'text')
        .execute();

      await db.schema
        .createTable(SATISFACTION_SURVEYS_TABLE)
        .addColumn('case_id', 'text', (c) => c.primaryKey())
        .addColumn('surveyed_at', 'text', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('technician_id', 'text')
        .addColumn('region', 'text')
        .addColumn('product_model', 'text')
        .addColumn('attitude', 'integer', (c) => c.notNull())
        .addColumn('quality', 'integer', (c) => c.notNull())
        .addColumn('response_speed', 'integer', (c) => c.notNull())
        .addColumn('overall', 'integer', (c) => c.notNull())
        .addColumn('satisfied', 'integer', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('satisfaction_surveys_at_idx').on(SATISFACTION_SURVEYS_TABLE).column('surveyed_at').execute();

      await db.schema
        .createTable(SATISFACTION_REPAIRS_TABLE)
        .addColumn('case_id', 'text', (c) => c.primaryKey())
        .addColumn('repaired_at', 'text', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('technician_id', 'text')
        .addColumn('region', 'text')
        .addColumn('product_model', 'text')
        .addColumn('surveyed', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('satisfaction_repairs_at_idx').on(SATISFACTION_REPAIRS_TABLE).column('repaired_at').execute();

      // Summaries filter on the instant and group by one of these columns.
      for (const column of ['technician_id', 'region']) {
        await db.schema.createIndex(`satisfaction_surveys_${column}_idx`).on(SATISFACTION_SURVEYS_TABLE).columns([column, 'surveyed_at']).execute();
        await db.schema.createIndex(`satisfaction_repairs_${column}_idx`).on(SATISFACTION_REPAIRS_TABLE).columns([column, 'repaired_at']).execute();
      }
    },
  },
};
