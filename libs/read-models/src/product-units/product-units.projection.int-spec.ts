import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unitStreamId, type UnitEvent } from '#casetrail/domain';
import { productUnitEventSerializer, SqliteEventStore } from '#casetrail/event-store';
import { applyBatch } from '../runtime/apply-batch.js';
import { rebuildProjection } from '../runtime/rebuild.js';
import { digestProjection } from '../runtime/table-digest.js';
import { testReadModelDb, type TestReadModelDb } from '../testing/test-read-model-db.js';
import { productUnitsProjection } from './product-units.projection.js';
import { getProductUnit } from './product-units.queries.js';

const SN = 'SN-RM-1';
const evidence = ['case-1-reported', 'case-1-repaired'];
const history: UnitEvent[] = [
  {
    type: 'UnitRegistered',
    occurredAt: '2026-01-12T04:00:00.000Z',
    data: {
      serialNumber: SN, model: 'AC-200', invoiceDate: '2026-01-10', purchaseDate: null, manufactureDate: null, customerId: 'cust-1',
      source: 'registration', caseId: null, warranty: { basis: 'invoice', startsOn: '2026-01-10', months: 12, expiresOn: '2027-01-09' }, policyVersion: 'warranty-v1',
    },
  },
  {
    type: 'UnitRepairRecorded',
    occurredAt: '2026-01-20T04:00:00.000Z',
    data: { serialNumber: SN, caseId: 'case-1', repairEventId: 'case-1-repaired', faultCategory: 'hardware', coverage: 'warranty', exclusion: null, reportedOn: '2026-01-15', repairedOn: '2026-01-20', evidence },
  },
  {
    type: 'WarrantyExtended',
    occurredAt: '2026-01-20T04:00:00.000Z',
    data: { serialNumber: SN, caseId: 'case-1', rule: 'extension-per-repair', policyVersion: 'warranty-v1', days: 60, extensionDays: 60, expiresOn: '2027-03-10', evidence },
  },
  {
    type: 'ReplacementEntitled',
    occurredAt: '2026-02-01T04:00:00.000Z',
    data: { serialNumber: SN, caseId: 'case-2', rule: 'early-quality-failures', policyVersion: 'warranty-v1', reportedOn: '2026-02-01', evidence: ['case-2-reported', ...evidence] },
  },
];

describe('the product-units projection', () => {
  let dir: string;
  let store: SqliteEventStore;
  let rm: TestReadModelDb;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casetrail-pu-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'), { clock: { now: () => Date.parse('2026-03-01T00:00:00Z') } });
    rm = await testReadModelDb();
    for (const [revision, event] of history.entries()) {
      const { type, data } = productUnitEventSerializer.serialize(event);
      const id = randomUUID();
      const metadata = { eventId: id, commandId: id, correlationId: id, causationId: null, actor: { id: 'agent-1', role: 'agent' as const }, occurredAt: event.occurredAt };
      await store.appendToStream(unitStreamId(SN), [{ type, data, metadata }], { expectedRevision: revision === 0 ? 'no-stream' : revision - 1 });
    }
  });
  afterEach(async () => {
    await rm.dispose();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the warranty with its extension, the repairs and the entitlements, once however often a batch arrives', async () => {
    const events = await store.readAll();
    await applyBatch(rm.db, productUnitsProjection, events.slice(0, 2));
    await applyBatch(rm.db, productUnitsProjection, events);
    await applyBatch(rm.db, productUnitsProjection, events);
    const view = await getProductUnit(rm.db, SN, '2027-03-10');
    expect(view).toMatchObject({
      serialNumber: SN,
      customerId: 'cust-1',
      warranty: { status: 'in', basis: 'invoice', startsOn: '2026-01-10', months: 12, extensionDays: 60, expiresOn: '2027-03-10' },
      repairs: [{ caseId: 'case-1', reportedOn: '2026-01-15', repairedOn: '2026-01-20', faultCategory: 'hardware', coverage: 'warranty' }],
      entitlements: [{ kind: 'replacement', caseId: 'case-2', rule: 'early-quality-failures', evidence: ['case-2-reported', ...evidence] }],
    });
    expect((await getProductUnit(rm.db, SN, '2027-03-11'))?.warranty.status).toBe('out');
    expect(await getProductUnit(rm.db, 'NO-SUCH', '2027-03-11')).toBeNull();
  });

  it('equals the live tables after a rebuild from position 0', async () => {
    const events = await store.readAll();
    for (const event of events) await applyBatch(rm.db, productUnitsProjection, [event]);
    const live = await digestProjection(rm.db, productUnitsProjection);
    await rebuildProjection(store, rm.db, productUnitsProjection);
    expect(await digestProjection(rm.db, productUnitsProjection)).toEqual(live);
  });
});
