import { eventIds, newEvents, newStreamId, settledWithinTurns, takeEvents, type StoreUnderTest } from './contract-fixtures.js';

export function describeSubscriptionContract(store: StoreUnderTest): void {
  describe('subscribing to all', () => {
    it('catches up from a checkpoint, then delivers live appends in order once they happen', async () => {
      const streamId = newStreamId();
      const history = newEvents(3);
      await store().appendToStream(streamId, history, { expectedRevision: 'no-stream' });
      const [first] = await store().readStream(streamId, { maxCount: 1 });
      const subscription = store().subscribeToAll({ after: first!.position });
      const iterator = subscription[Symbol.asyncIterator]();
      try {
        const caughtUp = await takeEvents(iterator, new Set([streamId]), 2);
        expect(eventIds(caughtUp)).toEqual(eventIds(history.slice(1)));

        const waiting = iterator.next();
        expect(await settledWithinTurns(waiting)).toBe(false);
        const live = newEvents(2);
        await store().appendToStream(streamId, live, { expectedRevision: 2 });
        const delivered = await waiting;
        expect(delivered.done).toBe(false);
        const rest = delivered.value.length < 2 ? await takeEvents(iterator, new Set([streamId]), 1) : [];
        expect(eventIds([...delivered.value, ...rest].filter((e) => e.streamId === streamId))).toEqual(eventIds(live));
      } finally {
        await subscription.close();
      }
    });

    it('ends an iterator that is waiting for appends when closed', async () => {
      const subscription = store().subscribeToAll({ after: await store().headPosition() });
      const iterator = subscription[Symbol.asyncIterator]();
      const waiting = iterator.next();
      expect(await settledWithinTurns(waiting)).toBe(false);
      await subscription.close();
      expect(await waiting).toEqual({ done: true, value: undefined });
    });

    it('ends a for-await loop when closed from inside it', async () => {
      const streamId = newStreamId();
      await store().appendToStream(streamId, newEvents(1), { expectedRevision: 'no-stream' });
      const subscription = store().subscribeToAll();
      let batches = 0;
      for await (const batch of subscription) {
        batches += batch.length > 0 ? 1 : 0;
        await subscription.close();
      }
      expect(batches).toBe(1);
    });

    it('delivers everything to each of two subscribers', async () => {
      const after = await store().headPosition();
      const streamId = newStreamId();
      const [one, two] = [store().subscribeToAll({ after }), store().subscribeToAll({ after })];
      const [first, second] = [one[Symbol.asyncIterator](), two[Symbol.asyncIterator]()];
      try {
        const appended = newEvents(3);
        const taking = Promise.all([takeEvents(first, new Set([streamId]), 5), takeEvents(second, new Set([streamId]), 5)]);
        await store().appendToStream(streamId, appended.slice(0, 1), { expectedRevision: 'no-stream' });
        await store().appendToStream(streamId, appended.slice(1), { expectedRevision: 0 });
        const more = newEvents(2);
        await store().appendToStream(streamId, more, { expectedRevision: 2 });
        const [seenByOne, seenByTwo] = await taking;
        expect(eventIds(seenByOne)).toEqual(eventIds([...appended, ...more]));
        expect(eventIds(seenByTwo)).toEqual(eventIds([...appended, ...more]));
      } finally {
        await Promise.all([one.close(), two.close()]);
      }
    });

    it('hands over batches no larger than maxBatchSize', async () => {
      const after = await store().headPosition();
      const streamId = newStreamId();
      await store().appendToStream(streamId, newEvents(5), { expectedRevision: 'no-stream' });
      const subscription = store().subscribeToAll({ after, maxBatchSize: 2 });
      const iterator = subscription[Symbol.asyncIterator]();
      try {
        const sizes: number[] = [];
        while (sizes.reduce((n, s) => n + s, 0) < 5) sizes.push(((await iterator.next()).value as unknown[]).length);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(2);
      } finally {
        await subscription.close();
      }
    });
  });
}
