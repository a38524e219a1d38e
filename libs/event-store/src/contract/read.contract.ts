import { eventIds, newEvents, newStreamId, type StoreUnderTest } from './contract-fixtures.js';

export function describeReadContract(store: StoreUnderTest): void {
  describe('reading', () => {
    it('reads a missing stream as no events, either way', async () => {
      expect(await store().readStream(newStreamId())).toEqual([]);
      expect(await store().readStream(newStreamId(), { direction: 'backwards' })).toEqual([]);
    });

    it('reads a stream forwards from a revision, at most maxCount', async () => {
      const streamId = newStreamId();
      await store().appendToStream(streamId, newEvents(5), { expectedRevision: 'no-stream' });
      const read = await store().readStream(streamId, { fromRevision: 1, maxCount: 3 });
      expect(read.map((e) => e.revision)).toEqual([1, 2, 3]);
      expect(await store().readStream(streamId, { fromRevision: 5 })).toEqual([]);
    });

    it('reads a stream backwards from its end or from a revision', async () => {
      const streamId = newStreamId();
      await store().appendToStream(streamId, newEvents(5), { expectedRevision: 'no-stream' });
      const fromEnd = await store().readStream(streamId, { direction: 'backwards', maxCount: 2 });
      const fromTwo = await store().readStream(streamId, { direction: 'backwards', fromRevision: 2 });
      expect(fromEnd.map((e) => e.revision)).toEqual([4, 3]);
      expect(fromTwo.map((e) => e.revision)).toEqual([2, 1, 0]);
    });

    it('reads all events after a position, in global order, at most maxCount', async () => {
      const before = await store().headPosition();
      const [a, b] = [newStreamId(), newStreamId()];
      const aEvents = newEvents(2);
      const bEvents = newEvents(3);
      await store().appendToStream(a, aEvents, { expectedRevision: 'no-stream' });
      await store().appendToStream(b, bEvents, { expectedRevision: 'no-stream' });
      const firstPage = await store().readAll({ after: before, maxCount: 3 });
      expect(eventIds(firstPage)).toEqual(eventIds([...aEvents, bEvents[0]!]));
      const rest = await store().readAll({ after: firstPage[2]!.position });
      expect(eventIds(rest)).toEqual(eventIds(bEvents.slice(1)));
      const positions = [...firstPage, ...rest].map((e) => e.position);
      expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
    });

    it('reads all as recorded: stream, revision, metadata and hash included', async () => {
      const before = await store().headPosition();
      const streamId = newStreamId();
      await store().appendToStream(streamId, newEvents(2), { expectedRevision: 'no-stream' });
      expect(await store().readAll({ after: before })).toEqual(await store().readStream(streamId));
    });

    it('reports the head position: the position of the newest event', async () => {
      const before = await store().headPosition();
      const result = await store().appendToStream(newStreamId(), newEvents(2), { expectedRevision: 'no-stream' });
      expect(result.position).toBeGreaterThan(before);
      expect(await store().headPosition()).toBe(result.position);
    });
  });
}
