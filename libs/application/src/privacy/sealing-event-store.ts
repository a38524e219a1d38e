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
} from '#casetrail/event-store';
import type { CustomerKeyStore } from './key-store/customer-key-store.port.js';
import { PersonalDataSealer } from './personal-data-sealer.js';

const CASE_STREAM = 'ServiceCase-';

/**
 * The event store as the application sees it: appends to case streams are sealed first, so no
 * writer — command handler, process manager, a future import — can put a customer's personal data
 * into the store in plaintext. Reads pass through untouched: the store keeps, and hands out,
 * ciphertext; opening it is a decision per reader (`PersonalDataReader`).
 */
export class SealingEventStore implements EventStore {
  private readonly sealer: PersonalDataSealer;

  constructor(
    private readonly inner: EventStore,
    keys: CustomerKeyStore,
  ) {
    this.sealer = new PersonalDataSealer(keys, inner);
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const sealed = streamId.startsWith(CASE_STREAM) ? await this.sealer.seal(streamId, events) : events;
    return this.inner.appendToStream(streamId, sealed, options);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<readonly RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions): EventSubscription {
    return this.inner.subscribeToAll(options);
  }

  findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null> {
    return this.inner.findIdempotencyRecord(key);
  }

  headPosition(): Promise<Position> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
