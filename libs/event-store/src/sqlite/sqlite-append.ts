import { DuplicateEventIdError } from '../duplicate-event-id.error.js';
import { IdempotencyKeyTakenError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type { AppendOptions, AppendResult, NewEvent, Position, StoredMetadata } from '../event-store.port.js';
import { canonicalJson } from '../hash-chain/canonical-json.js';
import { hashOfCanonicalParts } from '../hash-chain/event-hash.js';
import { sqliteCode } from './sqlite-errors.js';
import type { EventRow, Statements } from './sqlite-statements.js';
import type { StreamHeadSource } from './stream-heads.js';

export interface AppendOutcome {
  readonly result: AppendResult;
  /** The rows inserted, in position order; none when the append was a retry of one already stored. */
  readonly written: readonly EventRow[];
}

interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly options: AppendOptions;
  readonly recordedAt: string;
}

/**
 * The body of the append transaction: check the expected revision against the stream's head
 * (from `heads`, told of what was written), or recognise a retry, claim the idempotency key, then
 * write the events after `head`, the file's last position (the caller holds the write lock, so it
 * cannot move under it). Any throw rolls all of it back.
 *
 * The refusals (`WrongExpectedRevisionError`, `IdempotencyKeyTakenError`) are thrown before
 * anything is written: `BatchWriter` relies on that to run a batch without a savepoint per append.
 */
export function appendInTransaction(
  statements: Statements,
  heads: StreamHeadSource,
  { streamId, events, options, recordedAt }: AppendRequest,
  head: Position,
): AppendOutcome {
  const last = heads.get(streamId);
  const current = last?.revision ?? -1;
  const expected = options.expectedRevision === 'no-stream' ? -1 : options.expectedRevision;
  if (current !== expected) {
    const retried = current > expected ? findRetriedAppend(statements, streamId, expected, events) : null;
    if (retried) return { result: retried, written: [] };
    throw new WrongExpectedRevisionError(streamId, options.expectedRevision, current);
  }
  const { idempotency } = options;
  if (idempotency) {
    if (statements.findIdempotency.get(idempotency.key)) throw new IdempotencyKeyTakenError(idempotency.key);
    statements.insertIdempotency.run({
      key: idempotency.key,
      fingerprint: idempotency.fingerprint,
      response: JSON.stringify(idempotency.response ?? null),
      recorded_at: recordedAt,
    });
  }
  try {
    const written: EventRow[] = [];
    const result = writeEvents(statements, { streamId, events, recordedAt, head, after: last }, written);
    heads.wrote(streamId, { revision: result.revision, hash: written[written.length - 1]!.hash }, result.position);
    return { result, written };
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' && /event_id/.test((error as Error).message)) {
      throw new DuplicateEventIdError(streamId);
    }
    throw error;
  }
}

/**
 * ESDB-style idempotence: when the stream has moved past `expected` and the events right after
 * it carry exactly these ids and types, this append already happened (a retry after a lost
 * answer), so its original result is returned and nothing is written. Runs inside the append's
 * transaction.
 */
export function findRetriedAppend(
  statements: Statements,
  streamId: string,
  expected: number,
  events: readonly NewEvent[],
): AppendResult | null {
  const stored = statements.eventsAfterRevision.all(streamId, expected, events.length);
  if (stored.length !== events.length) return null;
  const same = stored.every((row, i) => row.event_id === events[i]!.metadata.eventId && row.type === events[i]!.type);
  const last = stored[stored.length - 1]!;
  return same ? { revision: last.revision, position: last.position } : null;
}

interface WriteEvents {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly recordedAt: string;
  /** The file's last position. */
  readonly head: Position;
  /** The stream's last event, or `null` for a new stream. */
  readonly after: { readonly revision: number; readonly hash: string } | null;
}

/**
 * Inserts the events at the next revisions and positions, chaining each hash to the one before.
 * Data and metadata are stored as the very canonical JSON the hash covers: each is serialised
 * once per event, and the stored bytes are exactly the hashed ones.
 */
function writeEvents(statements: Statements, { streamId, events, recordedAt, head, after }: WriteEvents, written: EventRow[]): AppendResult {
  let position = head;
  let revision = after?.revision ?? -1;
  let prevHash = after?.hash ?? null;
  for (const event of events) {
    position += 1;
    revision += 1;
    const metadata: StoredMetadata = { ...event.metadata, recordedAt, prevHash };
    const data = canonicalJson(event.data);
    const metadataJson = canonicalJson(metadata);
    const hash = hashOfCanonicalParts(prevHash, event.type, data, metadataJson);
    const row: EventRow = { position, stream_id: streamId, revision, event_id: event.metadata.eventId, type: event.type, data, metadata: metadataJson, hash };
    statements.insertEvent.run(position, streamId, revision, row.event_id, event.type, data, metadataJson, hash);
    written.push(row);
    prevHash = hash;
  }
  return { revision, position };
}
