import type { RecordedEvent, StoredMetadata } from '../event-store.port.js';
import { verifyStream } from './chain-verifier.js';
import { computeEventHash } from './event-hash.js';

function chain(streamId: string, length: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let prevHash: string | null = null;
  for (let revision = 0; revision < length; revision += 1) {
    const metadata: StoredMetadata = {
      eventId: `evt-${revision}`,
      commandId: 'cmd',
      correlationId: 'cmd',
      causationId: null,
      actor: { id: 'agent-7', role: 'agent' },
      occurredAt: '2026-03-02T08:00:00.000Z',
      recordedAt: '2026-03-02T08:00:01.000Z',
      prevHash,
    };
    const data = { revision };
    const hash = computeEventHash({ type: 'Tested.v1', data, metadata });
    events.push({ streamId, revision, position: revision + 1, type: 'Tested.v1', data, metadata, hash });
    prevHash = hash;
  }
  return events;
}

describe('verifying a stream’s hash chain', () => {
  it('accepts an intact chain and reports its head hash', () => {
    const events = chain('S-1', 4);
    expect(verifyStream(events)).toEqual({ valid: true, events: 4, headHash: events[3]!.hash });
  });

  it('accepts an empty stream', () => {
    expect(verifyStream([])).toEqual({ valid: true, events: 0, headHash: null });
  });

  it('hashes the previous hash too: the same event after another predecessor hashes differently', () => {
    const [a, b] = [chain('S-1', 2), chain('S-1', 2)];
    const moved = { ...b[1]!, metadata: { ...b[1]!.metadata, prevHash: 'f'.repeat(64) } };
    expect(computeEventHash(moved)).not.toBe(a[1]!.hash);
  });

  it('names the first revision whose content changed', () => {
    const events = chain('S-1', 4);
    events[2] = { ...events[2]!, data: { revision: 99 } };
    expect(verifyStream(events)).toMatchObject({ valid: false, firstInvalidRevision: 2, problem: 'hash-mismatch', headHash: events[1]!.hash });
  });

  it('detects metadata changed after the fact', () => {
    const events = chain('S-1', 3);
    events[1] = { ...events[1]!, metadata: { ...events[1]!.metadata, actor: { id: 'someone-else', role: 'admin' } } };
    expect(verifyStream(events)).toMatchObject({ valid: false, firstInvalidRevision: 1 });
  });

  it('detects a missing event', () => {
    const events = chain('S-1', 4);
    expect(verifyStream([events[0]!, events[2]!, events[3]!])).toMatchObject({ firstInvalidRevision: 1, problem: 'revision-gap' });
  });

  it('detects events out of order', () => {
    const events = chain('S-1', 4);
    expect(verifyStream([events[0]!, events[2]!, events[1]!, events[3]!])).toMatchObject({ firstInvalidRevision: 1 });
  });

  it('detects an event spliced in from another stream', () => {
    const events = chain('S-1', 3);
    const foreign = chain('S-2', 3);
    expect(verifyStream([events[0]!, foreign[1]!, events[2]!])).toMatchObject({ firstInvalidRevision: 1, problem: 'foreign-event' });
  });

  it('detects an event whose link was rewritten along with its own hash', () => {
    const events = chain('S-1', 3);
    const metadata = { ...events[1]!.metadata, prevHash: '0'.repeat(64) };
    events[1] = { ...events[1]!, metadata, hash: computeEventHash({ ...events[1]!, metadata }) };
    expect(verifyStream(events)).toMatchObject({ firstInvalidRevision: 1, problem: 'broken-link' });
  });
});
