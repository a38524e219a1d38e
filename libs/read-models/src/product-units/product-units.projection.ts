import type { Transaction } from 'kysely';
import type { UnitEvent } from '#casetrail/domain';
import { productUnitEventSerializer } from '#casetrail/event-store';
import type { ProjectedEvent, Projection } from '../runtime/projection.js';
import { selectIn } from '../store/select-in.js';
import { writeRows } from '../store/write-rows.js';
import {
  PRODUCT_UNIT_ENTITLEMENTS_TABLE,
  PRODUCT_UNIT_REPAIRS_TABLE,
  PRODUCT_UNITS_TABLE,
  productUnitsMigrations,
  type ProductUnitEntitlementRow,
  type ProductUnitRepairRow,
  type ProductUnitRow,
} from './product-units.tables.js';

const UNIT_STREAM = 'ProductUnit-';
const ENTITLEMENT_KEY = ['serial_number', 'case_id', 'kind', 'rule'];
const KIND = { ReplacementEntitled: 'replacement', ReturnEntitled: 'return', ExchangeEntitled: 'exchange' } as const;

interface Changes {
  readonly units: Map<string, ProductUnitRow>;
  readonly changed: Set<string>;
  readonly repairs: ProductUnitRepairRow[];
  readonly entitlements: ProductUnitEntitlementRow[];
}

/** The unit row a registration starts. Tolerates a card without warranty terms, should one ever be stored. */
export const registeredRow = (event: Extract<UnitEvent, { type: 'UnitRegistered' }>): ProductUnitRow => {
  const d = event.data;
  return {
    serial_number: d.serialNumber,
    model: d.model,
    invoice_date: d.invoiceDate ?? null,
    purchase_date: d.purchaseDate ?? null,
    manufacture_date: d.manufactureDate ?? null,
    customer_id: d.customerId ?? null,
    source: d.source ?? 'registration',
    registered_case_id: d.caseId ?? null,
    registered_at: event.occurredAt,
    basis: d.warranty?.basis ?? null,
    starts_on: d.warranty?.startsOn ?? null,
    months: d.warranty?.months ?? null,
    extension_days: 0,
    expires_on: d.warranty?.expiresOn ?? null,
    policy_version: d.policyVersion ?? null,
    repair_count: 0,
  };
};

/** Folds one unit event into the batch's changes. Pure in the event; no clock. */
function fold(changes: Changes, event: UnitEvent, position: number): void {
  const serial = event.data.serialNumber;
  const row = changes.units.get(serial);
  const put = (next: ProductUnitRow): void => {
    changes.units.set(serial, next);
    changes.changed.add(serial);
  };
  switch (event.type) {
    case 'UnitRegistered':
      return put(registeredRow(event));
    case 'UnitRepairRecorded': {
      const d = event.data;
      changes.repairs.push({
        repair_event_id: d.repairEventId,
        serial_number: serial,
        case_id: d.caseId,
        fault_category: d.faultCategory,
        coverage: d.coverage,
        exclusion: d.exclusion,
        reported_on: d.reportedOn,
        repaired_on: d.repairedOn,
        position,
      });
      if (row) put({ ...row, repair_count: row.repair_count + 1 });
      return;
    }
    case 'WarrantyExtended':
      if (row) put({ ...row, extension_days: event.data.extensionDays, expires_on: event.data.expiresOn });
      return;
    case 'ReplacementEntitled':
    case 'ReturnEntitled':
    case 'ExchangeEntitled': {
      const d = event.data;
      changes.entitlements.push({
        serial_number: serial,
        case_id: d.caseId,
        kind: KIND[event.type],
        rule: d.rule,
        policy_version: d.policyVersion,
        reported_on: d.reportedOn,
        evidence: JSON.stringify(d.evidence),
        position,
      });
      return;
    }
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

/** Product units (DESIGN §5): warranty with extensions, repair history, entitlements. */
export const productUnitsProjection: Projection = {
  name: 'product-units',
  tables: [
    { name: PRODUCT_UNITS_TABLE, key: ['serial_number'] },
    { name: PRODUCT_UNIT_REPAIRS_TABLE, key: ['repair_event_id'] },
    { name: PRODUCT_UNIT_ENTITLEMENTS_TABLE, key: ENTITLEMENT_KEY },
  ],
  migrations: productUnitsMigrations,
  async apply(trx: Transaction<any>, events: readonly ProjectedEvent[]): Promise<void> {
    const unitEvents = events
      .filter((e) => e.recorded.streamId.startsWith(UNIT_STREAM))
      .map((e) => ({ event: productUnitEventSerializer.deserialize(e.recorded), position: e.recorded.position }));
    if (unitEvents.length === 0) return;
    const serials = [...new Set(unitEvents.map(({ event }) => event.data.serialNumber))];
    const existing = await selectIn<ProductUnitRow>(trx, PRODUCT_UNITS_TABLE, 'serial_number', serials);
    const changes: Changes = { units: new Map(existing.map((r) => [r.serial_number, r])), changed: new Set(), repairs: [], entitlements: [] };
    for (const { event, position } of unitEvents) fold(changes, event, position);
    await writeRows(trx, PRODUCT_UNITS_TABLE, ['serial_number'], [...changes.changed].map((serial) => changes.units.get(serial)!));
    await writeRows(trx, PRODUCT_UNIT_REPAIRS_TABLE, ['repair_event_id'], changes.repairs, 'nothing');
    await writeRows(trx, PRODUCT_UNIT_ENTITLEMENTS_TABLE, ENTITLEMENT_KEY, changes.entitlements, 'nothing');
  },
};
