import { IdempotencyKeyTakenError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type { IdempotencyRecord } from '../event-store.port.js';
import { newEvent, newEvents, newStreamId, type StoreUnderTest } from './contract-fixtures.js';

const record = (key: string): IdempotencyRecord => ({
  key,
  fingerprint: 'sha256:request-body',
  response: { status: 201, body: { caseId: 'c-1', revision: 0 } },
});

export function describeIdempotencyContract(store: StoreUnderTest): void {
  describe('safe retries', () => {
    it('stores a retried append (same event ids) once and answers it as the first time', async () => {
      const streamId = newStreamId();
      const events = newEvents(2);
      const first = await store().appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      const retried = await store().appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      expect(retried).toEqual(first);
      expect(await store().readStream(streamId)).toHaveLength(2);
    });

    it('recognises a retry even after the stream has moved on', async () => {
      const streamId = newStreamId();
      const events = [newEvent()];
      const first = await store().appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      await store().appendToStream(streamId, [newEvent()], { expectedRevision: 0 });
      expect(await store().appendToStream(streamId, events, { expectedRevision: 'no-stream' })).toEqual(first);
      expect(await store().readStream(streamId)).toHaveLength(2);
    });

    it('treats the same ids with other types as a conflict, not a retry', async () => {
      const streamId = newStreamId();
      const events = [newEvent('Tested.v1')];
      await store().appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      const changed = [{ ...events[0]!, type: 'Other.v1' }];
      await expect(store().appendToStream(streamId, changed, { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
    });

    it('records the idempotency key with the append and finds it afterwards', async () => {
      const key = `actor-7:${newStreamId()}`;
      expect(await store().findIdempotencyRecord(key)).toBeNull();
      await store().appendToStream(newStreamId(), [newEvent()], { expectedRevision: 'no-stream', idempotency: record(key) });
      expect(await store().findIdempotencyRecord(key)).toEqual(record(key));
    });

    it('refuses a reused idempotency key and writes none of the events', async () => {
      const key = `actor-7:${newStreamId()}`;
      await store().appendToStream(newStreamId(), [newEvent()], { expectedRevision: 'no-stream', idempotency: record(key) });
      const head = await store().headPosition();
      const other = newStreamId();
      const attempt = store().appendToStream(other, newEvents(2), { expectedRevision: 'no-stream', idempotency: record(key) });
      await expect(attempt).rejects.toBeInstanceOf(IdempotencyKeyTakenError);
      expect(await store().readStream(other)).toEqual([]);
      expect(await store().headPosition()).toBe(head);
    });

    it('keeps no idempotency record for an append that was refused', async () => {
      const key = `actor-7:${newStreamId()}`;
      const attempt = store().appendToStream(newStreamId(), [newEvent()], { expectedRevision: 3, idempotency: record(key) });
      await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store().findIdempotencyRecord(key)).toBeNull();
    });
  });
}
