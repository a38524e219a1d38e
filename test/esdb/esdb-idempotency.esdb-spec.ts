import { newEvent, newStreamId } from '../../libs/event-store/src/contract/contract-fixtures.js';
import { EventStoreDBClient } from '../../libs/event-store/src/esdb/esdb-client.js';
import { EsdbEventStore } from '../../libs/event-store/src/esdb/esdb-event-store.js';
import { EsdbAppender } from '../../libs/event-store/src/esdb/esdb-append.js';
import { EsdbReads } from '../../libs/event-store/src/esdb/esdb-reads.js';
import { prepareEvents } from '../../libs/event-store/src/esdb/esdb-recorded-event.js';
import { Semaphore } from '../../libs/event-store/src/esdb/esdb-semaphore.js';
import { EsdbDouble } from '../esdb-double/esdb-double.js';
import { steppingClock } from './esdb-targets.js';

/** A process that claimed a key and died before its events landed, as the next process finds it. */
describe('an idempotency claim left behind by a crash', () => {
  let double: EsdbDouble;
  let store: EsdbEventStore;
  let crashed: { appender: EsdbAppender; dispose(): Promise<void> };
  beforeEach(async () => {
    double = await EsdbDouble.start({ appendMode: 'batch append' });
    store = await EsdbEventStore.connect(double.connectionString, { clock: steppingClock() });
    const client = EventStoreDBClient.connectionString(double.connectionString);
    const gate = new Semaphore(4);
    crashed = { appender: new EsdbAppender(client, gate, new EsdbReads(client, gate), steppingClock()), dispose: () => client.dispose() };
  });
  afterEach(async () => {
    await crashed.dispose();
    await store.close();
    await double.stop();
  });

  const claimWithoutEvents = async (streamId: string, key: string) => {
    const events = prepareEvents([newEvent(), newEvent()], null, '2026-03-02T08:00:00.000Z');
    await crashed.appender.idempotency.claim({ key, fingerprint: 'f', response: { revision: 1 } }, { streamId, expectedRevision: -1, events });
    return events;
  };

  it('is completed by the next look-up: the events land once, and the first answer is replayed', async () => {
    const [streamId, key] = [newStreamId(), `actor-7:${newStreamId()}`];
    const events = await claimWithoutEvents(streamId, key);
    expect(await store.readStream(streamId)).toEqual([]);
    expect(await store.findIdempotencyRecord(key)).toEqual({ key, fingerprint: 'f', response: { revision: 1 } });
    expect(await store.findIdempotencyRecord(key)).toEqual({ key, fingerprint: 'f', response: { revision: 1 } });
    const stored = await store.readStream(streamId);
    expect(stored.map((e) => [e.metadata.eventId, e.hash])).toEqual(events.map((e) => [e.metadata.eventId, e.hash]));
  });

  it('is released when another append took its revision, so the retried command is decided afresh', async () => {
    const [streamId, key] = [newStreamId(), `actor-7:${newStreamId()}`];
    await claimWithoutEvents(streamId, key);
    await store.appendToStream(streamId, [newEvent()], { expectedRevision: 'no-stream' });
    expect(await store.findIdempotencyRecord(key)).toBeNull();
    const retried = { key, fingerprint: 'f', response: { revision: 1 } };
    await store.appendToStream(streamId, [newEvent()], { expectedRevision: 0, idempotency: retried });
    expect(await store.findIdempotencyRecord(key)).toEqual(retried);
    expect(await store.readStream(streamId)).toHaveLength(2);
  });
});
