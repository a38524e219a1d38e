import { WrongExpectedRevisionError } from '../event-store.errors.js';
import { verifyStream } from '../hash-chain/chain-verifier.js';
import { eventIds, newEvent, newEvents, newStreamId, type StoreUnderTest } from './contract-fixtures.js';

export function describeAppendContract(store: StoreUnderTest): void {
  describe('appending', () => {
    it('creates a stream with no-stream, numbering revisions from 0', async () => {
      const streamId = newStreamId();
      const events = newEvents(3);
      const result = await store().appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      const stored = await store().readStream(streamId);
      expect(result.revision).toBe(2);
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(eventIds(stored)).toEqual(eventIds(events));
      expect(stored.map((e) => [e.type, e.data])).toEqual(events.map((e) => [e.type, e.data]));
      expect(result.position).toBe(stored[2]!.position);
    });

    it('appends at the exact expected revision', async () => {
      const streamId = newStreamId();
      await store().appendToStream(streamId, newEvents(2), { expectedRevision: 'no-stream' });
      const result = await store().appendToStream(streamId, [newEvent()], { expectedRevision: 1 });
      expect(result.revision).toBe(2);
    });

    it('refuses a stale or future expected revision, naming the current one, and writes nothing', async () => {
      const streamId = newStreamId();
      await store().appendToStream(streamId, newEvents(3), { expectedRevision: 'no-stream' });
      for (const expectedRevision of [0, 1, 5]) {
        const attempt = store().appendToStream(streamId, [newEvent()], { expectedRevision });
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(attempt).rejects.toMatchObject({ streamId, currentRevision: 2, code: 'STORE.VERSION_CONFLICT' });
      }
      expect(await store().readStream(streamId)).toHaveLength(3);
    });

    it('refuses no-stream when the stream exists', async () => {
      const streamId = newStreamId();
      await store().appendToStream(streamId, [newEvent()], { expectedRevision: 'no-stream' });
      const attempt = store().appendToStream(streamId, [newEvent()], { expectedRevision: 'no-stream' });
      await expect(attempt).rejects.toMatchObject({ currentRevision: 0 });
      await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    });

    it('refuses a revision for a stream that does not exist, reporting -1', async () => {
      const attempt = store().appendToStream(newStreamId(), [newEvent()], { expectedRevision: 0 });
      await expect(attempt).rejects.toMatchObject({ currentRevision: -1 });
    });

    it('refuses an append without events', async () => {
      await expect(store().appendToStream(newStreamId(), [], { expectedRevision: 'no-stream' })).rejects.toThrow(/at least one event/);
    });

    it('gives strictly increasing global positions across streams', async () => {
      const [a, b] = [newStreamId(), newStreamId()];
      await store().appendToStream(a, newEvents(2), { expectedRevision: 'no-stream' });
      await store().appendToStream(b, newEvents(2), { expectedRevision: 'no-stream' });
      await store().appendToStream(a, newEvents(2), { expectedRevision: 1 });
      const positions = [...(await store().readStream(a)), ...(await store().readStream(b))].map((e) => e.position);
      const [a0, a1, a2, a3, b0, b1] = positions as [number, number, number, number, number, number];
      expect(a0 < a1 && a1 < b0 && b0 < b1 && b1 < a2 && a2 < a3).toBe(true);
    });

    it('writes none of a multi-event append that conflicts', async () => {
      const streamId = newStreamId();
      await store().appendToStream(streamId, [newEvent()], { expectedRevision: 'no-stream' });
      const head = await store().headPosition();
      await expect(store().appendToStream(streamId, newEvents(4), { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(await store().readStream(streamId)).toHaveLength(1);
      expect(await store().headPosition()).toBe(head);
    });

    it('lets exactly one of 20 concurrent appends at the same revision win, leaving no gap', async () => {
      const streamId = newStreamId();
      await store().appendToStream(streamId, [newEvent()], { expectedRevision: 'no-stream' });
      const attempts = await Promise.allSettled(
        Array.from({ length: 20 }, () => store().appendToStream(streamId, newEvents(2), { expectedRevision: 0 })),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      const lost = attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost.every((reason) => reason instanceof WrongExpectedRevisionError)).toBe(true);
      expect((await store().readStream(streamId)).map((e) => e.revision)).toEqual([0, 1, 2]);
    });

    it('stores the metadata given, plus recordedAt and the hash chain', async () => {
      const streamId = newStreamId();
      const first = newEvent('CaseReported.v2', { caseId: 'c-1' }, { slaPolicy: 'sla-2026.1', causationId: 'cmd-0' });
      await store().appendToStream(streamId, [first, newEvent()], { expectedRevision: 'no-stream' });
      const [e0, e1] = await store().readStream(streamId);
      expect(e0!.metadata).toMatchObject({ ...first.metadata, prevHash: null });
      expect(new Date(e0!.metadata.recordedAt).toISOString()).toBe(e0!.metadata.recordedAt);
      expect(e0!.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(e1!.metadata.prevHash).toBe(e0!.hash);
      expect(e1!.hash).not.toBe(e0!.hash);
    });

    it('keeps a hash chain that verifies', async () => {
      const streamId = newStreamId();
      await store().appendToStream(streamId, newEvents(3), { expectedRevision: 'no-stream' });
      await store().appendToStream(streamId, newEvents(2), { expectedRevision: 2 });
      const stored = await store().readStream(streamId);
      expect(verifyStream(stored)).toEqual({ valid: true, events: 5, headHash: stored[4]!.hash });
    });
  });
}
