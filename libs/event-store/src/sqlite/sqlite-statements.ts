import type Database from 'better-sqlite3';
import { STORED_JSON, type StoredJson } from '../hash-chain/event-hash.js';
import type { Position, RecordedEvent, StoredMetadata } from '../event-store.port.js';

export interface EventRow {
  readonly position: number;
  readonly stream_id: string;
  readonly revision: number;
  readonly event_id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly hash: string;
}

export interface IdempotencyRow {
  readonly key: string;
  readonly fingerprint: string;
  readonly response: string;
}

const COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, hash';

/**
 * A limit bound at run time. SQLite (3.53, as better-sqlite3 ships it) plans a bare `LIMIT ?` with
 * the bound value, so binding that parameter again (every call) re-prepares the statement: a read
 * of a missing stream took 8.3 µs against 1.6 µs. `? + 0` is evaluated at run time instead.
 */
export const BOUND_LIMIT = 'LIMIT ? + 0';

/** An event row as the reads return it: `COLUMNS` in order. */
export type EventTuple = readonly [number, string, number, string, string, string, string, string];

/**
 * Reads return arrays (`raw`), made into rows here: better-sqlite3 builds a row object property by
 * property (600k events read in 1.5 s as objects, 0.95 s as arrays; read and parsed, 2.9 s against
 * 2.3 s this way).
 */
export const rowOf = (t: EventTuple): EventRow => ({
  position: t[0],
  stream_id: t[1],
  revision: t[2],
  event_id: t[3],
  type: t[4],
  data: t[5],
  metadata: t[6],
  hash: t[7],
});

/** Every statement the store runs, prepared once when the file is opened. */
export function prepareStatements(db: Database.Database) {
  return {
    streamHead: db.prepare<[string], { revision: number; hash: string }>(
      'SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    ),
    eventsAfterRevision: db.prepare<[string, number, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision > ? ORDER BY revision ${BOUND_LIMIT}`,
    ),
    headPosition: db.prepare<[], { head: number }>('SELECT coalesce(max(position), 0) AS head FROM events'),
    // Positional: binding an object by name cost ~0.7 µs more per row (inserts of W1's events, alternating).
    insertEvent: db.prepare<[number, string, number, string, string, string, string, string]>(`INSERT INTO events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    readForwards: db.prepare<[string, number, number], EventTuple>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ${BOUND_LIMIT}`,
    ).raw(true),
    readBackwards: db.prepare<[string, number, number], EventTuple>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC ${BOUND_LIMIT}`,
    ).raw(true),
    readAll: db.prepare<[Position, number], EventTuple>(
      `SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position ${BOUND_LIMIT}`,
    ).raw(true),
    findIdempotency: db.prepare<[string], IdempotencyRow>('SELECT key, fingerprint, response FROM idempotency WHERE key = ?'),
    insertIdempotency: db.prepare<[{ key: string; fingerprint: string; response: string; recorded_at: string }]>(
      'INSERT INTO idempotency (key, fingerprint, response, recorded_at) VALUES (@key, @fingerprint, @response, @recorded_at)',
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

/** The event with the text it was stored as, which is what was hashed: verification hashes it again without re-serialising. */
const withStoredJson = (event: RecordedEvent, data: string, metadata: string): RecordedEvent => {
  const stored: StoredJson = { data, metadata };
  return Object.defineProperty(event, STORED_JSON, { value: stored, enumerable: false });
};

export const toRecordedEvent = (row: EventRow): RecordedEvent =>
  withStoredJson(
    {
      streamId: row.stream_id,
      revision: row.revision,
      position: row.position,
      type: row.type,
      data: JSON.parse(row.data) as Record<string, unknown>,
      metadata: JSON.parse(row.metadata) as StoredMetadata,
      hash: row.hash,
    },
    row.data,
    row.metadata,
  );

/** The recorded event of a row, parsed and nothing more: its text is garbage as soon as it is parsed. */
export const parsedOf = (t: EventTuple): RecordedEvent => ({
  streamId: t[1],
  revision: t[2],
  position: t[0],
  type: t[4],
  data: JSON.parse(t[5]) as Record<string, unknown>,
  metadata: JSON.parse(t[6]) as StoredMetadata,
  hash: t[7],
});

/** The recorded event of a row as the reads return it when asked, with its stored text. */
export const recordedOf = (t: EventTuple): RecordedEvent => withStoredJson(parsedOf(t), t[5], t[6]);
