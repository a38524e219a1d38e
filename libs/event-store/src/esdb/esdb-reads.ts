import { START, type Position, type ReadStreamOptions, type RecordedEvent } from '../event-store.port.js';
import { BACKWARDS, END, FORWARDS, type AllStreamResolvedEvent, type EsdbClient, type ResolvedEvent } from './esdb-client.js';
import { isStreamNotFound, translateEsdbError } from './esdb-errors.js';
import { toEsdbPosition, toPosition } from './esdb-positions.js';
import { isCasetrailStream, toRecordedEvent } from './esdb-recorded-event.js';
import type { Semaphore } from './esdb-semaphore.js';

/** `$all` is read in pages this size; most of a production `$all` is casetrail's own events. */
const PAGE = 256;

/**
 * Reads over the client, each call inside the concurrency gate. `$all` also holds system events
 * and the idempotency streams, and the client offers no server-side filter on reads, so `$all`
 * is paged and filtered here: `maxCount` counts casetrail events, not records scanned.
 */
export class EsdbReads {
  constructor(
    private readonly client: EsdbClient,
    private readonly gate: Semaphore,
  ) {}

  /** Raw events of any stream, casetrail's or not; a missing stream reads as none. */
  async raw(streamId: string, { direction, fromRevision, maxCount }: ReadStreamOptions = {}): Promise<ResolvedEvent[]> {
    if (maxCount === 0) return [];
    const backwards = direction === 'backwards';
    const read = () =>
      this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: fromRevision === undefined ? (backwards ? END : BigInt(0)) : BigInt(fromRevision),
        ...(maxCount === undefined ? {} : { maxCount }),
      });
    try {
      return await this.gate.run(() => collect(read()));
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw translateEsdbError(error);
    }
  }

  async stream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return (await this.raw(streamId, options)).map(toRecordedEvent);
  }

  /** The stream's newest event, or `null` for a stream that does not exist. */
  async last(streamId: string): Promise<RecordedEvent | null> {
    return (await this.stream(streamId, { direction: 'backwards', maxCount: 1 }))[0] ?? null;
  }

  /** Casetrail events strictly after `after`, forwards. EventStoreDB reads from a position inclusively, so the boundary is skipped. */
  async all(after: Position = START, maxCount = Number.POSITIVE_INFINITY): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    let seen = after;
    while (found.length < maxCount) {
      const page = await this.page({ fromPosition: seen === START ? 'start' : toEsdbPosition(seen), direction: FORWARDS });
      for (const resolved of page) {
        const position = toPosition(resolved.event?.position);
        if (position <= seen) continue;
        seen = position;
        if (isCasetrailStream(resolved.event!.streamId) && found.length < maxCount) found.push(toRecordedEvent(resolved));
      }
      if (page.length < PAGE) break;
    }
    return found;
  }

  /** Commit position of the newest casetrail event, `START` when there is none. */
  async head(): Promise<Position> {
    let before: Position | null = null;
    for (;;) {
      const page = await this.page({ fromPosition: before === null ? END : toEsdbPosition(before), direction: BACKWARDS });
      for (const resolved of page) {
        const position = toPosition(resolved.event?.position);
        if (before !== null && position >= before) continue;
        if (isCasetrailStream(resolved.event!.streamId)) return position;
        before = position;
      }
      if (page.length < PAGE) return START;
    }
  }

  private async page(options: Pick<Parameters<EsdbClient['readAll']>[0] & object, 'fromPosition' | 'direction'>): Promise<AllStreamResolvedEvent[]> {
    try {
      return await this.gate.run(() => collect(this.client.readAll({ ...options, maxCount: PAGE })));
    } catch (error) {
      throw translateEsdbError(error);
    }
  }
}

async function collect<E>(read: AsyncIterable<E>): Promise<E[]> {
  const events: E[] = [];
  for await (const event of read) events.push(event);
  return events;
}
