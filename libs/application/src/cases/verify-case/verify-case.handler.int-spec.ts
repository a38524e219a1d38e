import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseStreamId } from '#casetrail/domain';
import { SqliteEventStore, type EventStore, type ReadStreamOptions } from '#casetrail/event-store';
import { VerifyCaseHandler } from './verify-case.handler.js';
import { VerifyCaseQuery } from './verify-case.query.js';

describe('VerifyCaseHandler', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'verify-case-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'), { clock: { now: () => Date.parse('2026-03-01T08:00:00.000Z') } });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the case with its stored JSON text, so each hash is checked without serialising the event again', async () => {
    const metadata = { actor: { id: 'agent-1', role: 'agent' as const }, correlationId: 'c-1', causationId: null, commandId: 'c-1', occurredAt: '2026-03-01T08:00:00.000Z' };
    await store.appendToStream(caseStreamId('case-1'), [{ type: 'Noted.v1', data: { caseId: 'case-1' }, metadata: { ...metadata, eventId: 'e-1' } }], { expectedRevision: 'no-stream' });
    const asked: ReadStreamOptions[] = [];
    const watched: EventStore = Object.assign(Object.create(store) as EventStore, {
      readStream: (streamId: string, options: ReadStreamOptions = {}) => (asked.push(options), store.readStream(streamId, options)),
    });
    const verification = await new VerifyCaseHandler(watched).execute(new VerifyCaseQuery('case-1'));
    expect(verification).toMatchObject({ caseId: 'case-1', valid: true, events: 1 });
    expect(asked).toEqual([{ storedJson: true }]);
  });
});
