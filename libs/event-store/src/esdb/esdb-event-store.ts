import type { Clock } from '#casetrail/domain';
import { StoreUnavailableError } from '../event-store.errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventSubscription,
  IdempotencyRecord,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port.js';
import { EsdbAppender } from './esdb-append.js';
import { EventStoreDBClient, type EsdbClient } from './esdb-client.js';
import { EsdbReads } from './esdb-reads.js';
import { Semaphore } from './esdb-semaphore.js';
import { EsdbSubscription } from './esdb-subscription.js';

export interface EsdbEventStoreOptions {
  readonly clock: Clock;
  /** Calls in flight at once on this client (subscriptions not counted: they are long-lived). Default 32. */
  readonly maxConcurrency?: number;
}

/**
 * The production event store: EventStoreDB through `@eventstore/db-client` (DESIGN §8). Streams,
 * event types and metadata are casetrail's own (§2), so `$ce-ServiceCase` and friends work on the
 * server; the hash chain (§6) lives in each event's metadata. See `EsdbAppender` for appends and
 * `EsdbIdempotency` for how idempotency records live without cross-stream transactions.
 */
export class EsdbEventStore implements EventStore {
  private closed = false;
  private readonly reads: EsdbReads;
  private readonly appender: EsdbAppender;
  private readonly subscriptions = new Set<EsdbSubscription>();

  private constructor(
    private readonly client: EsdbClient,
    options: EsdbEventStoreOptions,
  ) {
    const gate = new Semaphore(options.maxConcurrency ?? 32);
    this.reads = new EsdbReads(client, gate);
    this.appender = new EsdbAppender(client, gate, this.reads, options.clock);
  }

  /**
   * Makes no call yet: the client connects on first use, so a store started before its server
   * answers with `StoreUnavailableError` until the server is up, and then just works.
   */
  static async connect(connectionString: string, options: EsdbEventStoreOptions): Promise<EsdbEventStore> {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return this.open(() => this.appender.append(streamId, events, options));
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    return this.open(() => this.reads.stream(streamId, options));
  }

  readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    const { maxCount } = options;
    if (maxCount !== undefined && !(Number.isInteger(maxCount) && maxCount >= 0)) {
      return Promise.reject(new RangeError(`maxCount must be a whole number >= 0, not ${maxCount}`));
    }
    return this.open(() => this.reads.all(options.after, options.maxCount));
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    const subscription = new EsdbSubscription(this.client, options, (closed) => this.subscriptions.delete(closed));
    this.subscriptions.add(subscription);
    return subscription;
  }

  findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null> {
    return this.open(() => this.appender.idempotency.find(key));
  }

  headPosition(): Promise<Position> {
    return this.open(() => this.reads.head());
  }

  /** Ends every subscription first, so they finish cleanly instead of failing on a closed channel. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async open<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailableError('the event store has been closed');
    return work();
  }
}
