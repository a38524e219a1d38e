import type { Migration } from 'kysely';
import type { Migrations } from '../store/migrations.js';

export const PRODUCT_UNITS_TABLE = 'product_units';
export const PRODUCT_UNIT_REPAIRS_TABLE = 'product_unit_repairs';
export const PRODUCT_UNIT_ENTITLEMENTS_TABLE = 'product_unit_entitlements';

/**
 * One row per registered unit: its warranty with the extensions earned. `customer_id` is an id
 * only — no read model keeps a customer's name, phone or address, so analysts never see them and a
 * customer's erasure never has to touch these tables. The warranty's in/out status is not stored: it
 * depends on today, so the query derives it from `expires_on`.
 */
export interface ProductUnitRow {
  serial_number: string;
  model: string;
  invoice_date: string | null;
  purchase_date: string | null;
  manufacture_date: string | null;
  customer_id: string | null;
  /** `registration` (warranty card) or `case-report` (first case reported for it). */
  source: string;
  registered_case_id: string | null;
  registered_at: string;
  basis: string | null;
  starts_on: string | null;
  months: number | null;
  extension_days: number;
  expires_on: string | null;
  policy_version: string | null;
  repair_count: number;
}

export interface ProductUnitRepairRow {
  repair_event_id: string;
  serial_number: string;
  case_id: string;
  fault_category: string;
  coverage: string;
  exclusion: string | null;
  reported_on: string;
  repaired_on: string;
  position: number;
}

export interface ProductUnitEntitlementRow {
  serial_number: string;
  case_id: string;
  kind: string;
  rule: string;
  policy_version: string;
  reported_on: string;
  /** JSON array of event ids. */
  evidence: string;
  position: number;
}

const create: Migration = {
  up: async (db) => {
    await db.schema
      .createTable(PRODUCT_UNITS_TABLE)
      .addColumn('serial_number', 'text', (c) => c.primaryKey())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('invoice_date', 'text')
      .addColumn('purchase_date', 'text')
      .addColumn('manufacture_date', 'text')
      .addColumn('customer_id', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('registered_case_id', 'text')
      .addColumn('registered_at', 'text', (c) => c.notNull())
      .addColumn('basis', 'text')
      .addColumn('starts_on', 'text')
      .addColumn('months', 'integer')
      .addColumn('extension_days', 'integer', (c) => c.notNull())
      .addColumn('expires_on', 'text')
      .addColumn('policy_version', 'text')
      .addColumn('repair_count', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('product_units_model_idx').on(PRODUCT_UNITS_TABLE).columns(['model', 'serial_number']).execute();
    await db.schema
      .createTable(PRODUCT_UNIT_REPAIRS_TABLE)
      .addColumn('repair_event_id', 'text', (c) => c.primaryKey())
      .addColumn('serial_number', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('fault_category', 'text', (c) => c.notNull())
      .addColumn('coverage', 'text', (c) => c.notNull())
      .addColumn('exclusion', 'text')
      .addColumn('reported_on', 'text', (c) => c.notNull())
      .addColumn('repaired_on', 'text', (c) => c.notNull())
      .addColumn('position', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('product_unit_repairs_unit_idx').on(PRODUCT_UNIT_REPAIRS_TABLE).columns(['serial_number', 'position']).execute();
    await db.schema
      .createTable(PRODUCT_UNIT_ENTITLEMENTS_TABLE)
      .addColumn('serial_number', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('policy_version', 'text', (c) => c.notNull())
      .addColumn('reported_on', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('position', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('product_unit_entitlements_pk', ['serial_number', 'case_id', 'kind', 'rule'])
      .execute();
  },
  down: async (db) => {
    await db.schema.dropTable(PRODUCT_UNIT_ENTITLEMENTS_TABLE).execute();
    await db.schema.dropTable(PRODUCT_UNIT_REPAIRS_TABLE).execute();
    await db.schema.dropTable(PRODUCT_UNITS_TABLE).execute();
  },
};

export const productUnitsMigrations: Migrations = { 'product-units/0001_create': create };
