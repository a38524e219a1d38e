import { describeEventStoreContract } from '../../libs/event-store/src/contract/event-store.contract.js';
import { EsdbEventStore } from '../../libs/event-store/src/esdb/esdb-event-store.js';
import { esdbTargets, steppingClock } from './esdb-targets.js';

for (const target of esdbTargets) {
  describe(`EventStoreDB contract: target = ${target.label}`, () => {
    let running: Awaited<ReturnType<typeof target.start>> | null = null;
    beforeAll(async () => {
      running = await target.start();
      process.stdout.write(`EventStoreDB contract: target = ${target.label}\n`);
    });
    afterAll(async () => {
      await running?.stop();
    });

    describeEventStoreContract(`EsdbEventStore on the ${target.label}`, async () => {
      const store = await EsdbEventStore.connect(running!.connectionString, { clock: steppingClock() });
      return { store, dispose: () => store.close() };
    });

    if (target.label.includes('test double')) {
      it(`reaches the double over the ${target.label.includes('batch') ? 'BatchAppend' : 'Append'} RPC only`, () => {
        const appends = running!.double!.calls.filter((path) => /Append$/.test(path));
        const expected = target.label.includes('batch') ? '/event_store.client.streams.Streams/BatchAppend' : '/event_store.client.streams.Streams/Append';
        expect(appends.length).toBeGreaterThan(0);
        expect(new Set(appends)).toEqual(new Set([expected]));
      });
    }
  });
}
