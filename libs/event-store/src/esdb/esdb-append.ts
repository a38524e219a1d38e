import type { Clock } from '#casetrail/domain';
import { WrongExpectedRevisionError } from '../event-store.errors.js';
import type { AppendOptions, AppendResult, ExpectedRevision, NewEvent } from '../event-store.port.js';
import { NO_STREAM, type EsdbClient } from './esdb-client.js';
import { translateEsdbError } from './esdb-errors.js';
import { EsdbIdempotency, type ClaimedAppend } from './esdb-idempotency.js';
import { toPosition } from './esdb-positions.js';
import type { EsdbReads } from './esdb-reads.js';
import { prepareEvents, toEventData, type PreparedEvent } from './esdb-recorded-event.js';
import type { Semaphore } from './esdb-semaphore.js';

type Identified = Pick<NewEvent, 'type'> & { readonly metadata: { readonly eventId: string } };

/**
 * Appends with an exact expected revision, never "any". The stream's last event is read first
 * for its revision and hash; the expected revision sent with the write guarantees that event is
 * still the previous one when the write lands, so the hash chain cannot fork.
 */
export class EsdbAppender {
  readonly idempotency: EsdbIdempotency;

  constructor(
    private readonly client: EsdbClient,
    private readonly gate: Semaphore,
    private readonly reads: EsdbReads,
    private readonly clock: Clock,
  ) {
    this.idempotency = new EsdbIdempotency(client, gate, reads, (claimed) => this.complete(claimed));
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError(`An append to ${streamId} must carry at least one event`);
    const { expectedRevision } = options;
    if (expectedRevision !== 'no-stream' && !(Number.isInteger(expectedRevision) && expectedRevision >= 0)) {
      throw new RangeError(`Expected revision must be 'no-stream' or a revision >= 0, not ${String(expectedRevision)}`);
    }
    const head = await this.reads.last(streamId);
    const current = head?.revision ?? -1;
    const expected = expectedRevision === 'no-stream' ? -1 : expectedRevision;
    if (current !== expected) {
      const retried = current > expected ? await this.retried(streamId, expected, events) : null;
      if (retried) return retried;
      throw new WrongExpectedRevisionError(streamId, expectedRevision, current);
    }
    const prepared = prepareEvents(events, head?.hash ?? null, new Date(this.clock.now()).toISOString());
    const { idempotency } = options;
    const claim = idempotency ? await this.idempotency.claim(idempotency, { streamId, expectedRevision: expected, events: prepared }) : null;
    try {
      return await this.write(streamId, expectedRevision, prepared);
    } catch (error) {
      // Refused, so nothing was written: free the key. After any other failure the write may
      // have landed; the claim stays, and whoever finds it completes or releases it.
      if (idempotency && claim !== null && error instanceof WrongExpectedRevisionError) await this.idempotency.release(idempotency.key, claim);
      throw error;
    }
  }

  /**
   * Recognises a retry, as EventStoreDB does but stricter: the events right after `expected`
   * carry these ids AND these types. EventStoreDB compares ids only, so the check is made here,
   * and a retry is answered with the original revision and position.
   */
  private async retried(streamId: string, expected: number, events: readonly Identified[]): Promise<AppendResult | null> {
    const stored = await this.reads.stream(streamId, { fromRevision: expected + 1, maxCount: events.length });
    if (stored.length !== events.length) return null;
    const same = stored.every((event, i) => event.metadata.eventId === events[i]!.metadata.eventId && event.type === events[i]!.type);
    const last = stored[stored.length - 1]!;
    return same ? { revision: last.revision, position: last.position } : null;
  }

  private async write(streamId: string, expected: ExpectedRevision, prepared: readonly PreparedEvent[]): Promise<AppendResult> {
    let result;
    try {
      result = await this.gate.run(() =>
        this.client.appendToStream(streamId, prepared.map(toEventData), {
          expectedRevision: expected === 'no-stream' ? NO_STREAM : BigInt(expected),
        }),
      );
    } catch (error) {
      throw translateEsdbError(error, { streamId, expected });
    }
    const revision = Number(result.nextExpectedRevision);
    // A single self-committed event's position is the one the server answers with; for several,
    // servers have differed on whether that is the first or the last, so the last is read back.
    if (prepared.length === 1 && result.position) return { revision, position: toPosition(result.position) };
    const [last] = await this.reads.stream(streamId, { fromRevision: revision, maxCount: 1 });
    if (!last) throw new Error(`EventStoreDB acknowledged ${streamId}@${revision} but does not return it`);
    return { revision, position: last.position };
  }

  /** Completes a claimed append found by a later look-up (see `EsdbIdempotency`). */
  private async complete({ streamId, expectedRevision, events }: ClaimedAppend): Promise<boolean> {
    if (await this.retried(streamId, expectedRevision, events)) return true;
    try {
      await this.write(streamId, expectedRevision < 0 ? 'no-stream' : expectedRevision, events);
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }
}
