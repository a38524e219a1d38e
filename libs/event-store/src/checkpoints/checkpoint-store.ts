import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Position } from '../event-store.port.js';
import { boundPageCache } from '../sqlite/page-cache.js';
import type { Checkpoint } from './checkpoint.js';

export const CHECKPOINTS_FILE = 'checkpoints.sqlite';

export const checkpointsFileIn = (dataDir: string): string => join(dataDir, CHECKPOINTS_FILE);

interface CheckpointRow {
  readonly seq: number;
  readonly position: number;
  readonly digest: string;
  readonly event_count: number;
  readonly created_at: string;
  readonly key_id: string;
  readonly signature: string;
}

const toCheckpoint = (row: CheckpointRow): Checkpoint => ({
  seq: row.seq,
  position: row.position,
  digest: row.digest,
  eventCount: row.event_count,
  createdAt: row.created_at,
  keyId: row.key_id,
  signature: row.signature,
});

/**
 * Signed checkpoints in their own SQLite file, never in the event store: whoever deletes the
 * store's tail must not delete the checkpoints that prove it existed along with it.
 */
export class CheckpointStore {
  private constructor(private readonly db: Database.Database) {}

  static open(file: string): CheckpointStore {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    boundPageCache(db);
    db.exec(`CREATE TABLE IF NOT EXISTS checkpoints (
      seq         INTEGER PRIMARY KEY,
      position    INTEGER NOT NULL UNIQUE,
      digest      TEXT    NOT NULL,
      event_count INTEGER NOT NULL,
      created_at  TEXT    NOT NULL,
      key_id      TEXT    NOT NULL,
      signature   TEXT    NOT NULL
    ) STRICT`);
    return new CheckpointStore(db);
  }

  /** For verification: `null` when no checkpoint was ever written there. */
  static openExisting(file: string): CheckpointStore | null {
    return existsSync(file) ? CheckpointStore.open(file) : null;
  }

  /** Refuses anything but the next sequence number, so two writers cannot both extend the list. */
  append(checkpoint: Checkpoint): void {
    this.db.transaction(() => {
      const last = this.last();
      if (checkpoint.seq !== (last?.seq ?? 0) + 1) {
        throw new Error(`Checkpoint ${checkpoint.seq} does not follow checkpoint ${last?.seq ?? 0}`);
      }
      this.db
        .prepare(`INSERT INTO checkpoints (seq, position, digest, event_count, created_at, key_id, signature)
                  VALUES (@seq, @position, @digest, @eventCount, @createdAt, @keyId, @signature)`)
        .run(checkpoint);
    }).immediate();
  }

  last(): Checkpoint | null {
    const row = this.db.prepare<[], CheckpointRow>('SELECT * FROM checkpoints ORDER BY seq DESC LIMIT 1').get();
    return row ? toCheckpoint(row) : null;
  }

  all(): Checkpoint[] {
    return this.db.prepare<[], CheckpointRow>('SELECT * FROM checkpoints ORDER BY seq').all().map(toCheckpoint);
  }

  /** The first checkpoint covering `position`: at it or after it. */
  firstAtOrAfter(position: Position): Checkpoint | null {
    const row = this.db.prepare<[number], CheckpointRow>('SELECT * FROM checkpoints WHERE position >= ? ORDER BY position LIMIT 1').get(position);
    return row ? toCheckpoint(row) : null;
  }

  /** The last checkpoint strictly before `position`, from which a digest can be carried forward. */
  lastBefore(position: Position): Checkpoint | null {
    const row = this.db.prepare<[number], CheckpointRow>('SELECT * FROM checkpoints WHERE position < ? ORDER BY position DESC LIMIT 1').get(position);
    return row ? toCheckpoint(row) : null;
  }

  close(): void {
    this.db.close();
  }
}
