import type { EventStore } from '../event-store.port.js';
import { describeAppendContract } from './append.contract.js';
import { describeIdempotencyContract } from './idempotency.contract.js';
import { describeReadContract } from './read.contract.js';
import { describeSubscriptionContract } from './subscription.contract.js';

export interface StoreFixture {
  readonly store: EventStore;
  dispose(): Promise<void>;
}

/**
 * The behaviour every `EventStore` adapter must show (DESIGN §8). An adapter's integration spec
 * calls this with a factory; each test gets a fresh fixture. Tests use their own stream ids and
 * positions relative to the head, so the factory may hand out a shared, non-empty store.
 */
export function describeEventStoreContract(name: string, factory: () => Promise<StoreFixture>): void {
  describe(`${name} (event store contract)`, () => {
    let fixture: StoreFixture | null = null;
    const store = (): EventStore => {
      if (!fixture) throw new Error('The store fixture is not ready');
      return fixture.store;
    };

    beforeEach(async () => {
      fixture = await factory();
    });
    afterEach(async () => {
      await fixture?.dispose();
      fixture = null;
    });

    describeAppendContract(store);
    describeIdempotencyContract(store);
    describeReadContract(store);
    describeSubscriptionContract(store);
  });
}
