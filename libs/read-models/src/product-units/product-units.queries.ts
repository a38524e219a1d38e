import type { ReadModelDb } from '../store/read-model-database.js';
import {
  PRODUCT_UNIT_ENTITLEMENTS_TABLE,
  PRODUCT_UNIT_REPAIRS_TABLE,
  PRODUCT_UNITS_TABLE,
  type ProductUnitEntitlementRow,
  type ProductUnitRepairRow,
  type ProductUnitRow,
} from './product-units.tables.js';

/** `GET /v1/product-units/{serial}`: no personal data (the customer appears by id only). */
export interface ProductUnitView {
  readonly serialNumber: string;
  readonly model: string;
  readonly customerId: string | null;
  readonly registeredAt: string;
  readonly registeredBy: { readonly source: string; readonly caseId: string | null };
  readonly dates: { readonly invoiceDate: string | null; readonly purchaseDate: string | null; readonly manufactureDate: string | null };
  readonly warranty: {
    /** On `today`, in the warranty policy's time zone. */
    readonly status: 'in' | 'out' | 'unknown';
    readonly basis: string | null;
    readonly startsOn: string | null;
    readonly months: number | null;
    readonly extensionDays: number;
    readonly expiresOn: string | null;
    readonly policyVersion: string | null;
  };
  readonly repairs: readonly {
    readonly caseId: string;
    readonly reportedOn: string;
    readonly repairedOn: string;
    readonly faultCategory: string;
    readonly coverage: string;
    readonly exclusion: string | null;
  }[];
  readonly entitlements: readonly {
    readonly kind: string;
    readonly caseId: string;
    readonly rule: string;
    readonly policyVersion: string;
    readonly reportedOn: string;
    readonly evidence: readonly string[];
  }[];
}

/** The unit's view, or null when no unit has that serial; `today` is a calendar date YYYY-MM-DD. */
export async function getProductUnit(db: ReadModelDb, serialNumber: string, today: string): Promise<ProductUnitView | null> {
  const unit = (await db.selectFrom(PRODUCT_UNITS_TABLE).selectAll().where('serial_number', '=', serialNumber).executeTakeFirst()) as
    | ProductUnitRow
    | undefined;
  if (!unit) return null;
  const repairs = (await db
    .selectFrom(PRODUCT_UNIT_REPAIRS_TABLE)
    .selectAll()
    .where('serial_number', '=', serialNumber)
    .orderBy('position')
    .execute()) as ProductUnitRepairRow[];
  const entitlements = (await db
    .selectFrom(PRODUCT_UNIT_ENTITLEMENTS_TABLE)
    .selectAll()
    .where('serial_number', '=', serialNumber)
    .orderBy('position')
    .orderBy('kind')
    .orderBy('rule')
    .execute()) as ProductUnitEntitlementRow[];
  return {
    serialNumber: unit.serial_number,
    model: unit.model,
    customerId: unit.customer_id,
    registeredAt: unit.registered_at,
    registeredBy: { source: unit.source, caseId: unit.registered_case_id },
    dates: { invoiceDate: unit.invoice_date, purchaseDate: unit.purchase_date, manufactureDate: unit.manufacture_date },
    warranty: {
      status: unit.expires_on === null ? 'unknown' : today <= unit.expires_on ? 'in' : 'out',
      basis: unit.basis,
      startsOn: unit.starts_on,
      months: unit.months === null ? null : Number(unit.months),
      extensionDays: Number(unit.extension_days),
      expiresOn: unit.expires_on,
      policyVersion: unit.policy_version,
    },
    repairs: repairs.map((r) => ({
      caseId: r.case_id,
      reportedOn: r.reported_on,
      repairedOn: r.repaired_on,
      faultCategory: r.fault_category,
      coverage: r.coverage,
      exclusion: r.exclusion,
    })),
    entitlements: entitlements.map((e) => ({
      kind: e.kind,
      caseId: e.case_id,
      rule: e.rule,
      policyVersion: e.policy_version,
      reportedOn: e.reported_on,
      evidence: JSON.parse(e.evidence) as string[],
    })),
  };
}
