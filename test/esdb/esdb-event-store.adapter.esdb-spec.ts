import { newEvent, newEvents, newStreamId, takeEvents } from '../../libs/event-store/src/contract/contract-fixtures.js';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../../libs/event-store/src/event-store.errors.js';
import { START } from '../../libs/event-store/src/event-store.port.js';
import { EventStoreDBClient, jsonEvent, NO_STREAM } from '../../libs/event-store/src/esdb/esdb-client.js';
import { translateEsdbError } from '../../libs/event-store/src/esdb/esdb-errors.js';
import { EsdbEventStore } from '../../libs/event-store/src/esdb/esdb-event-store.js';
import { idempotencyStreamId } from '../../libs/event-store/src/esdb/esdb-idempotency.js';
import { toEsdbPosition, toPosition } from '../../libs/event-store/src/esdb/esdb-positions.js';
import { EsdbDouble } from '../esdb-double/esdb-double.js';
import { steppingClock } from './esdb-targets.js';

/** Behaviour of the EventStoreDB adapter beyond the contract; needs the double, which a test can stop and inspect. */
describe('EsdbEventStore against the wire-level test double', () => {
  let double: EsdbDouble;
  let store: EsdbEventStore;
  beforeEach(async () => {
    double = await EsdbDouble.start({ appendMode: 'batch append' });
    store = await EsdbEventStore.connect(double.connectionString, { clock: steppingClock() });
  });
  afterEach(async () => {
    await store.close();
    await double.stop();
  });

  describe('a node that has gone away', () => {
    it('answers every call with StoreUnavailableError and writes nothing', async () => {
      const streamId = newStreamId();
      await store.appendToStream(streamId, [newEvent()], { expectedRevision: 'no-stream' });
      await double.stop();
      for (const call of [
        () => store.appendToStream(streamId, [newEvent()], { expectedRevision: 0 }),
        () => store.appendToStream(newStreamId(), [newEvent()], { expectedRevision: 'no-stream' }),
        () => store.readStream(streamId),
        () => store.readAll(),
        () => store.headPosition(),
        () => store.findIdempotencyRecord('actor-7:key'),
      ]) {
        await expect(call()).rejects.toBeInstanceOf(StoreUnavailableError);
      }
      expect(double.log.stream(streamId)).toHaveLength(1);
    });

    it('ends a subscription loudly with StoreUnavailableError', async () => {
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      const waiting = iterator.next();
      await double.stop();
      await expect(waiting).rejects.toBeInstanceOf(StoreUnavailableError);
      await subscription.close();
    });
  });

  describe("EventStoreDB's WrongExpectedVersion", () => {
    it('becomes WrongExpectedRevisionError with the actual revision, -1 for no stream', async () => {
      const raw = EventStoreDBClient.connectionString(double.connectionString);
      try {
        const streamId = newStreamId();
        const missing = await raw.appendToStream(streamId, jsonEvent({ type: 'T.v1', data: {} }), { expectedRevision: BigInt(3) }).catch((e: unknown) => e);
        expect(translateEsdbError(missing, { streamId, expected: 3 })).toMatchObject({ currentRevision: -1, expected: 3, streamId });
        await raw.appendToStream(streamId, jsonEvent({ type: 'T.v1', data: {} }), { expectedRevision: NO_STREAM });
        const taken = await raw.appendToStream(streamId, jsonEvent({ type: 'T.v1', data: {} }), { expectedRevision: NO_STREAM }).catch((e: unknown) => e);
        const translated = translateEsdbError(taken, { streamId, expected: 'no-stream' });
        expect(translated).toBeInstanceOf(WrongExpectedRevisionError);
        expect(translated).toMatchObject({ currentRevision: 0, code: 'STORE.VERSION_CONFLICT' });
      } finally {
        await raw.dispose();
      }
    });
  });

  describe('positions', () => {
    it("are EventStoreDB's commit positions, and round-trip exactly", async () => {
      const streamId = newStreamId();
      await store.appendToStream(streamId, newEvents(3), { expectedRevision: 'no-stream' });
      const stored = await store.readStream(streamId);
      expect(stored.map((e) => BigInt(e.position))).toEqual(double.log.stream(streamId)!.map((r) => r.position));
      for (const { position } of stored) expect(toPosition(toEsdbPosition(position))).toBe(position);
      expect(toEsdbPosition(stored[0]!.position)).toEqual({ commit: BigInt(stored[0]!.position), prepare: BigInt(stored[0]!.position) });
      expect(() => toPosition({ commit: 2n ** 53n, prepare: 2n ** 53n })).toThrow(RangeError);
    });

    it('read from a checkpoint exclusively, though EventStoreDB reads $all from a position inclusively', async () => {
      const streamId = newStreamId();
      await store.appendToStream(streamId, newEvents(3), { expectedRevision: 'no-stream' });
      const [first, second, third] = await store.readStream(streamId);
      expect((await store.readAll({ after: first!.position })).map((e) => e.revision)).toEqual([1, 2]);
      expect(await store.readAll({ after: third!.position })).toEqual([]);
      expect((await store.readAll({ after: first!.position, maxCount: 1 }))[0]).toEqual(second);
    });
  });

  describe('streams that are not casetrail events', () => {
    it('never reach read-all, the head position or a subscription', async () => {
      const key = `actor-7:${newStreamId()}`;
      const record = { key, fingerprint: 'f', response: { ok: true } };
      const ours = newStreamId('ProductUnit');
      await store.appendToStream(ours, [newEvent()], { expectedRevision: 'no-stream', idempotency: record });
      double.appendRaw('Billing-1', 'InvoiceSent.v1');
      double.appendRaw('$stats-127.0.0.1:2113', '$statsCollected');
      expect(double.log.stream(idempotencyStreamId(key))).toHaveLength(1);

      const all = await store.readAll({ after: START });
      expect(all.every((e) => /^(ServiceCase|ProductUnit)-/.test(e.streamId))).toBe(true);
      expect(await store.headPosition()).toBe(all[all.length - 1]!.position);

      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      try {
        const seen = await takeEvents(iterator, new Set([ours]), 1);
        const later = newStreamId();
        double.appendRaw('Billing-2', 'InvoiceSent.v1');
        await store.appendToStream(later, [newEvent()], { expectedRevision: 'no-stream' });
        const live = await takeEvents(iterator, new Set([later]), 1);
        expect([...seen, ...live].map((e) => e.streamId)).toEqual([ours, later]);
      } finally {
        await subscription.close();
      }
    });
  });
});
