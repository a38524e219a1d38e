import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseStreamId, type Actor } from '#casetrail/domain';
import { CASE_EVENT_TYPES, SqliteEventStore, verifyStream, type NewEvent } from '#casetrail/event-store';
import { SqliteCustomerKeyStore } from './key-store/sqlite-customer-key-store.js';
import { PersonalDataReader } from './personal-data-reader.js';
import { SealingEventStore } from './sealing-event-store.js';

const agent: Actor = { id: 'agent-1', role: 'agent' };
const at = '2026-03-02T09:30:00.000Z';
const personal = { name: '欧阳娜娜', phone: '+86 137 2468 1357', address: '成都市锦江区红星路三段99号' };
let n = 0;
const event = (type: string, data: Record<string, unknown>): NewEvent => {
  const id = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  return { type, data, metadata: { eventId: id, commandId: id, correlationId: id, causationId: null, actor: agent, occurredAt: at } };
};
const report = (caseId: string, customerId: string) =>
  event(CASE_EVENT_TYPES.CaseReported, { caseId, customer: { id: customerId, region: 'urban', personal }, slaPolicy: 'standard-v1' });
const accept = (caseId: string) => event(CASE_EVENT_TYPES.RepairAccepted, { caseId, signedBy: personal.name });

describe('the event store as the application sees it', () => {
  let dir: string;
  let inner: SqliteEventStore;
  let keys: SqliteCustomerKeyStore;
  let store: SealingEventStore;
  let reader: PersonalDataReader;
  const bytes = () => Buffer.concat(['events.sqlite', 'events.sqlite-wal'].map((f) => { try { return readFileSync(join(dir, f)); } catch { return Buffer.alloc(0); } }));
  const plaintextIn = (b: Buffer) => Object.values(personal).filter((v) => b.includes(Buffer.from(v, 'utf8')));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casetrail-seal-'));
    inner = SqliteEventStore.open(join(dir, 'events.sqlite'), { clock: { now: () => Date.parse(at) } });
    keys = SqliteCustomerKeyStore.open(join(dir, 'keys.sqlite'));
    store = new SealingEventStore(inner, keys);
    reader = new PersonalDataReader(keys);
    await store.appendToStream(caseStreamId('case-1'), [report('case-1', 'C-1')], { expectedRevision: 'no-stream' });
    // The acceptance comes in a later append: its customer is learned from the stored report.
    await store.appendToStream(caseStreamId('case-1'), [accept('case-1')], { expectedRevision: 0 });
  });
  afterEach(async () => {
    await store.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the personal fields sealed, so no plaintext reaches the file', async () => {
    const [reported, accepted] = await store.readStream(caseStreamId('case-1'));
    expect((reported!.data['customer'] as Record<string, unknown>)['personal']).toMatchObject({ enc: 'aes-256-gcm/v1', customerId: 'C-1' });
    expect(accepted!.data['signedBy']).toMatchObject({ enc: 'aes-256-gcm/v1', customerId: 'C-1' });
    expect(plaintextIn(bytes())).toEqual([]);
  });

  it('chains the ciphertext, so the chain verifies before and after the key is deleted', async () => {
    expect(verifyStream(await store.readStream(caseStreamId('case-1')))).toMatchObject({ valid: true, events: 2 });
    await keys.deleteKeys('C-1');
    expect(verifyStream(await store.readStream(caseStreamId('case-1')))).toMatchObject({ valid: true, events: 2 });
  });

  it('opens for the entitled until the key is deleted, then reads [erased] for everyone', async () => {
    const recorded = await store.readStream(caseStreamId('case-1'));
    const [r, a] = await reader.openEvents(recorded, 'reveal');
    expect(r!.data).toMatchObject({ customer: { personal, personalErased: false } });
    expect(a!.data).toMatchObject({ signedBy: personal.name });
    await keys.deleteKeys('C-1');
    for (const access of ['reveal', 'redact'] as const) {
      const [r2, a2] = await reader.openEvents(recorded, access);
      expect(r2!.data).toMatchObject({ customer: { personal: { name: '[erased]', phone: '[erased]', address: '[erased]' }, personalErased: true } });
      expect(a2!.data).toMatchObject({ signedBy: '[erased]' });
    }
  });

  it('leaves other streams as they are', async () => {
    await store.appendToStream('ProductUnit-SN-1', [event('UnitRegistered.v1', { serialNumber: 'SN-1', customerId: 'C-1' })], { expectedRevision: 'no-stream' });
    const [unit] = await store.readStream('ProductUnit-SN-1');
    expect(unit!.data).toEqual({ serialNumber: 'SN-1', customerId: 'C-1' });
  });

  it('seals an acceptance appended with its report under the report’s customer', async () => {
    await store.appendToStream(caseStreamId('case-2'), [report('case-2', 'C-2'), accept('case-2')], { expectedRevision: 'no-stream' });
    const [, accepted] = await store.readStream(caseStreamId('case-2'));
    expect(accepted!.data['signedBy']).toMatchObject({ customerId: 'C-2' });
  });
});
