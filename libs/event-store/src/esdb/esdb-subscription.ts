import { StoreUnavailableError } from '../event-store.errors.js';
import { START, type EventSubscription, type RecordedEvent, type SubscribeOptions } from '../event-store.port.js';
import { START as ESDB_START, streamNameFilter, type AllStreamResolvedEvent, type EsdbClient } from './esdb-client.js';
import { translateEsdbError } from './esdb-errors.js';
import { toEsdbPosition, toPosition } from './esdb-positions.js';
import { CASETRAIL_STREAM_PREFIXES, isCasetrailStream, toRecordedEvent } from './esdb-recorded-event.js';

/**
 * A catch-up subscription to `$all`, filtered on the server to casetrail's stream prefixes so
 * system events and idempotency streams never travel. Events the client has already buffered
 * when the consumer asks are handed over together as one batch. Each iteration opens its own
 * server subscription; `close()` ends every one of them at once.
 */
export class EsdbSubscription implements EventSubscription {
  private closed = false;
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly client: EsdbClient,
    private readonly options: SubscribeOptions,
    private readonly onClose: (subscription: EsdbSubscription) => void,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<readonly RecordedEvent[]> {
    const maxBatchSize = this.options.maxBatchSize ?? 500;
    let checkpoint = this.options.after ?? START;
    const subscription = this.client.subscribeToAll({
      fromPosition: checkpoint === START ? ESDB_START : toEsdbPosition(checkpoint),
      filter: streamNameFilter({ prefixes: [...CASETRAIL_STREAM_PREFIXES] }),
    });
    let failure: unknown = null;
    let ended = false;
    let wake: (() => void) | null = null;
    const signal = () => wake?.();
    subscription.on('readable', signal);
    subscription.on('end', () => ((ended = true), signal()));
    subscription.on('error', (error: unknown) => ((failure = error), signal()));
    this.wakers.add(signal);
    try {
      while (!this.closed) {
        if (failure) throw translateEsdbError(failure);
        const batch: RecordedEvent[] = [];
        let resolved: AllStreamResolvedEvent | null;
        while (batch.length < maxBatchSize && (resolved = subscription.read() as AllStreamResolvedEvent | null) !== null) {
          // Whether the server starts a subscription at or after `fromPosition`, the port's
          // checkpoint is exclusive: anything at or before it has been handled already.
          const position = toPosition(resolved.event?.position);
          if (position <= checkpoint || !isCasetrailStream(resolved.event!.streamId)) continue;
          checkpoint = position;
          batch.push(toRecordedEvent(resolved));
        }
        if (batch.length > 0) {
          yield batch;
          continue;
        }
        if (ended) throw new StoreUnavailableError('EventStoreDB ended the subscription');
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    } finally {
      this.wakers.delete(signal);
      await subscription.unsubscribe().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const waker of [...this.wakers]) waker();
    this.onClose(this);
  }
}
