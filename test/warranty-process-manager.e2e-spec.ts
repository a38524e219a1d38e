import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreUnitFacts } from '#casetrail/application';
import { caseStreamId, decide, DEFAULT_WARRANTY_POLICY, initialCaseState, type Actor, type CaseEvent, type CaseReported } from '#casetrail/domain';
import { caseEventSerializer, SqliteEventStore, StoreUnavailableError, type EventStore, type RecordedEvent } from '#casetrail/event-store';
import {
  allReadModelMigrations,
  migrateReadModels,
  openReadModelDb,
  ProjectionRunner,
  readCheckpoint,
  type ReadModelDb,
} from '#casetrail/read-models';
import { WARRANTY_PROCESS_MANAGER, warrantyProcessManager } from '../apps/projector/src/process-managers/index.js';

const agent: Actor = { id: 'agent-1', role: 'agent' };
const tech: Actor = { id: 'tech-1', role: 'technician' };
const policies = { warranty: DEFAULT_WARRANTY_POLICY, slaPolicyVersion: 'standard-v1' };
const CASES = 6;
/** The store "dies" right after this many unit appends have committed: the manager is killed mid-batch. */
const KILL_AFTER = 3;

/** An event store that stops answering, as a killed process would, right after the n-th product-unit append commits. */
function dyingStore(inner: EventStore, killAfter: number): EventStore {
  let unitAppends = 0;
  let dead = false;
  const check = (): void => {
    if (dead) throw new StoreUnavailableError('killed');
  };
  return {
    appendToStream: async (streamId, events, options) => {
      check();
      const result = await inner.appendToStream(streamId, events, options);
      if (streamId.startsWith('ProductUnit-') && ++unitAppends >= killAfter) {
        dead = true;
        throw new StoreUnavailableError('killed between the unit append and the checkpoint');
      }
      return result;
    },
    readStream: async (...args) => (check(), inner.readStream(...args)),
    readAll: async (...args) => (check(), inner.readAll(...args)),
    subscribeToAll: (options) => inner.subscribeToAll(options),
    findIdempotencyRecord: async (key) => (check(), inner.findIdempotencyRecord(key)),
    headPosition: async () => inner.headPosition(),
    close: async () => undefined,
  };
}

const append = (store: EventStore, caseId: string, events: CaseEvent[], actor: Actor, expected: number | 'no-stream') =>
  store.appendToStream(
    caseStreamId(caseId),
    events.map((event) => {
      const { type, data } = caseEventSerializer.serialize(event);
      const id = randomUUID();
      return { type, data, metadata: { eventId: id, commandId: id, correlationId: id, causationId: null, actor, occurredAt: event.occurredAt } };
    }),
    { expectedRevision: expected },
  );

/** Reports a case (registering its unit as the command handler does) and records a warranty repair of it. */
async function reportAndRepair(store: EventStore, i: number): Promise<void> {
  const caseId = `pm-case-${i}`;
  const reportedAt = new Date(Date.now() - (30 - i) * 86_400_000).toISOString();
  const [reported] = decide(
    {
      type: 'ReportCase',
      caseId,
      occurredAt: reportedAt,
      data: {
        customer: { id: `C-${i}`, name: '王芳', phone: '+86 138 0013 8000', address: '上海', region: 'urban' },
        product: { model: 'KFR-35GW', serialNumber: `SN-PM-${i % 3}`, invoiceDate: '2025-12-01', purchaseDate: null, manufactureDate: null },
        fault: { category: 'hardware', description: 'does not cool' },
        channel: 'hotline',
        priority: 'general',
      },
    },
    initialCaseState,
    { now: new Date().toISOString(), actor: agent, warrantyPolicy: DEFAULT_WARRANTY_POLICY, unit: null, slaPolicy: 'standard-v1' },
  ) as [CaseReported];
  await new EventStoreUnitFacts(store, policies).registerReported(reported, { actor: agent, fingerprint: caseId });
  await append(store, caseId, [reported], agent, 'no-stream');
  const repaired: CaseEvent = {
    type: 'RepairCompleted',
    occurredAt: new Date(Date.parse(reportedAt) + 3_600_000).toISOString(),
    data: { caseId, technicianId: null, mode: 'remote', diagnosis: 'relay', actions: 'replaced', complexity: null, parts: [], coverage: 'warranty', exclusion: null, charges: null },
  };
  await append(store, caseId, [repaired], tech, 0);
}

const unitEvents = async (store: EventStore): Promise<RecordedEvent[]> =>
  (await store.readAll()).filter((e) => e.streamId.startsWith('ProductUnit-') && e.type !== 'UnitRegistered.v1');

describe('the warranty process manager, killed between a unit append and its checkpoint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casetrail-pm-'));
  let store: SqliteEventStore;
  let db: ReadModelDb;
  const logger = { error: () => undefined };

  beforeAll(async () => {
    store = SqliteEventStore.open(join(dir, 'events.sqlite'), { clock: { now: () => Date.now() } });
    db = openReadModelDb({ kind: 'sqlite', file: join(dir, 'read-models.sqlite') });
    await migrateReadModels(db, allReadModelMigrations());
    for (let i = 0; i < CASES; i++) await reportAndRepair(store, i);
  });
  afterAll(async () => {
    await db.destroy();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records each repair exactly once after a restart from its checkpoint', async () => {
    const caseHead = await store.headPosition();
    const dying = dyingStore(store, KILL_AFTER);
    const first = new ProjectionRunner(warrantyProcessManager(dying, DEFAULT_WARRANTY_POLICY), dying, db, logger, { leaseTtlMs: 300 });
    await first.start();
    while (first.status().state !== 'failed') await new Promise((r) => setTimeout(r, 10));
    await first.stop();

    // Killed mid-way: some repairs are on the units' streams, the checkpoint is behind them.
    const beforeRestart = await unitEvents(store);
    expect(beforeRestart.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(beforeRestart.length).toBeLessThan(CASES * 2);
    const checkpoint = (await readCheckpoint(db, WARRANTY_PROCESS_MANAGER))?.position ?? 0;
    expect(checkpoint).toBeLessThan(caseHead);

    const second = new ProjectionRunner(warrantyProcessManager(store, DEFAULT_WARRANTY_POLICY), store, db, logger, { leaseTtlMs: 300 });
    await second.start();
    await second.waitFor(await store.headPosition());
    await second.stop();

    const after = await unitEvents(store);
    const repairs = after.filter((e) => e.type === 'UnitRepairRecorded.v1').map((e) => e.data['repairEventId']);
    const extensions = after.filter((e) => e.type === 'WarrantyExtended.v1').map((e) => e.data['caseId']);
    expect(repairs).toHaveLength(CASES);
    expect(new Set(repairs).size).toBe(CASES);
    expect(extensions.sort()).toEqual(Array.from({ length: CASES }, (_, i) => `pm-case-${i}`).sort());
    // Two failures per unit: 120 days each, whatever the crash.
    for (let u = 0; u < 3; u++) {
      const unit = await store.readStream(`ProductUnit-SN-PM-${u}`);
      expect(unit.at(-1)).toMatchObject({ type: 'WarrantyExtended.v1', data: { extensionDays: 120 } });
    }
    // Handling everything again (a rebuild, a lost checkpoint) appends nothing.
    const head = await store.headPosition();
    const third = new ProjectionRunner(warrantyProcessManager(store, DEFAULT_WARRANTY_POLICY), store, db, logger, { leaseTtlMs: 300 });
    await db.deleteFrom('projection_checkpoints').where('name', '=', WARRANTY_PROCESS_MANAGER).execute();
    await third.start();
    await third.waitFor(head);
    await third.stop();
    expect(await store.headPosition()).toBe(head);
  }, 30_000);
});
