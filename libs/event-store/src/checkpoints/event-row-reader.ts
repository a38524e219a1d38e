import type Database from 'better-sqlite3';
import type { Position, ReadAllOptions, RecordedEvent, StoredMetadata } from '../event-store.port.js';

/** A stored row whose JSON no longer parses: still verified (and failed), never a crash of the verifier. */
export interface UnreadableRow {
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
  readonly column: 'data' | 'metadata';
}

interface Row {
  readonly position: number;
  readonly stream_id: string;
  readonly revision: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly hash: string;
}

/**
 * Reads the SQLite event table in global order for verification, tolerating rows edited behind
 * the store's back (a hex editor ignores `CHECK (json_valid(…))`). An unparseable column is kept
 * as its raw text, so the event's hash no longer matches and the chain names its revision.
 */
export class EventRowReader {
  readonly unreadable: UnreadableRow[] = [];
  private readonly page: Database.Statement<[number, number], Row>;

  constructor(db: Database.Database) {
    this.page = db.prepare('SELECT position, stream_id, revision, type, data, metadata, hash FROM events WHERE position > ? ORDER BY position LIMIT ?');
  }

  async readAll({ after = 0, maxCount = 1000 }: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    return this.page.all(after, maxCount).map((row) => this.toEvent(row));
  }

  private toEvent(row: Row): RecordedEvent {
    const parse = (column: 'data' | 'metadata'): Record<string, unknown> => {
      try {
        const value: unknown = JSON.parse(row[column]);
        if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
      } catch {
        // recorded below
      }
      this.unreadable.push({ streamId: row.stream_id, revision: row.revision, position: row.position, column });
      return { $unreadable: row[column] };
    };
    return {
      streamId: row.stream_id,
      revision: row.revision,
      position: row.position,
      type: row.type,
      data: parse('data'),
      metadata: parse('metadata') as unknown as StoredMetadata,
      hash: row.hash,
    };
  }
}
