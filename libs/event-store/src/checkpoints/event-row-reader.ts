import type Database from 'better-sqlite3';
import type { Position, ReadAllOptions, RecordedEvent, StoredMetadata } from '../event-store.port.js';
import { BOUND_LIMIT } from '../sqlite/sqlite-statements.js';

/** A stored row whose JSON no longer parses: still verified (and failed), never a crash of the verifier. */
export interface UnreadableRow {
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
  readonly column: 'data' | 'metadata';
}

/** position, stream_id, revision, type, data, metadata, hash: arrays are cheaper to read than row objects (see `rowOf`). */
type Row = readonly [number, string, number, string, string, string, string];

/**
 * Reads the SQLite event table in global order for verification, tolerating rows edited behind
 * the store's back (a hex editor ignores `CHECK (json_valid(…))`). An unparseable column is kept
 * as its raw text, so the event's hash no longer matches and the chain names its revision.
 */
export class EventRowReader {
  readonly unreadable: UnreadableRow[] = [];
  private readonly page: Database.Statement<[number, number], Row>;

  constructor(db: Database.Database) {
    this.page = db
      .prepare<[number, number], Row>(`SELECT position, stream_id, revision, type, data, metadata, hash FROM events WHERE position > ? ORDER BY position ${BOUND_LIMIT}`)
      .raw(true);
  }

  async readAll({ after = 0, maxCount = 1000 }: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    return this.page.all(after, maxCount).map((row) => this.toEvent(row));
  }

  private toEvent([position, streamId, revision, type, data, metadata, hash]: Row): RecordedEvent {
    const parse = (column: 'data' | 'metadata', text: string): Record<string, unknown> => {
      try {
        const value: unknown = JSON.parse(text);
        if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
      } catch {
        // recorded below
      }
      this.unreadable.push({ streamId, revision, position, column });
      return { $unreadable: text };
    };
    return {
      streamId,
      revision,
      position,
      type,
      data: parse('data', data),
      metadata: parse('metadata', metadata) as unknown as StoredMetadata,
      hash,
    };
  }
}
