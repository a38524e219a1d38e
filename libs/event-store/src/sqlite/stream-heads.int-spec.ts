import { newEvents } from '../contract/contract-fixtures.js';
import { WrongExpectedRevisionError } from '../event-store.errors.js';
import { verifyAllStreams } from '../hash-chain/verify-all-streams.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { steppingClock, tempStoreFile } from './testing/temp-store-file.js';

describe.each(['inline', 'thread'] as const)('stream heads remembered by a store (writer %s), with another store appending to the same file', (writer) => {
  let temp: Awaited<ReturnType<typeof tempStoreFile>>;
  let ours: SqliteEventStore;
  let theirs: SqliteEventStore;
  beforeEach(async () => {
    temp = await tempStoreFile('casetrail-heads-');
    ours = SqliteEventStore.open(temp.file, { clock: steppingClock(), writer });
    theirs = SqliteEventStore.open(temp.file, { clock: steppingClock() });
  });
  afterEach(async () => {
    await ours.close();
    await theirs.close();
    await temp.remove();
  });

  it('checks a single append against the revision the other store wrote, and chains to its hash', async () => {
    await ours.appendToStream('ServiceCase-a', newEvents(1), { expectedRevision: 'no-stream' });
    await theirs.appendToStream('ServiceCase-a', newEvents(1), { expectedRevision: 0 });
    await expect(ours.appendToStream('ServiceCase-a', newEvents(1), { expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(ours.appendToStream('ServiceCase-a', newEvents(1), { expectedRevision: 1 })).resolves.toEqual({ revision: 2, position: 3 });
    expect((await verifyAllStreams(ours)).totals).toEqual({ streams: 1, events: 3, invalidStreams: 0 });
  });

  it('does the same for appends committed together', async () => {
    await Promise.all(['a', 'b'].map((s) => ours.appendToStream(`ServiceCase-${s}`, newEvents(1), { expectedRevision: 'no-stream' })));
    await theirs.appendToStream('ServiceCase-b', newEvents(2), { expectedRevision: 0 });
    const attempts = await Promise.allSettled([
      ours.appendToStream('ServiceCase-a', newEvents(1), { expectedRevision: 0 }),
      ours.appendToStream('ServiceCase-b', newEvents(1), { expectedRevision: 0 }),
      ours.appendToStream('ServiceCase-b', newEvents(1), { expectedRevision: 2 }),
    ]);
    expect(attempts.map((a) => (a.status === 'fulfilled' ? a.value : a.reason instanceof WrongExpectedRevisionError ? 'wrong revision' : a.reason))).toEqual([
      { revision: 1, position: 5 },
      'wrong revision',
      { revision: 3, position: 6 },
    ]);
    expect((await verifyAllStreams(ours)).totals).toEqual({ streams: 2, events: 6, invalidStreams: 0 });
  });
});
