import type Database from 'better-sqlite3';
import type { Clock } from '#casetrail/domain';
import type { AppendOptions, NewEvent } from '../event-store.port.js';
import { appendInTransaction, type AppendOutcome } from './sqlite-append.js';
import { translateSqliteError } from './sqlite-errors.js';
import type { EventRow, Statements } from './sqlite-statements.js';

interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly options: AppendOptions;
  readonly resolve: (outcome: AppendOutcome) => void;
  readonly reject: (error: unknown) => void;
}

type Settled = { readonly ok: true; readonly outcome: AppendOutcome } | { readonly ok: false; readonly error: unknown };

/** Bounds one transaction's size, so a burst of appends is answered in slices rather than all at the very end. */
const MAX_BATCH = 1000;

/**
 * Group commit: appends queue up and are written together in one IMMEDIATE transaction, so a
 * burst shares one WAL fsync. better-sqlite3 blocks the thread while it commits, so "arriving
 * while a commit is in progress" means arriving before the batch runs: it is flushed on
 * `setImmediate`, after the event loop has handled every request already read from the sockets.
 *
 * Each append runs in its own SAVEPOINT and is checked against its own expected revision: a
 * refused append rolls back alone and fails alone. Every promise settles only after COMMIT has
 * returned (synchronous = FULL: the WAL is on disk). When the whole transaction fails (write
 * lock not obtained, I/O error at commit, or SQLite aborting the transaction under an append),
 * every append of the batch fails with that error and nothing of the batch is kept.
 */
export class GroupCommit {
  private queue: PendingAppend[] = [];
  private scheduled: ReturnType<typeof setImmediate> | null = null;
  private readonly single: (streamId: string, events: readonly NewEvent[], options: AppendOptions) => AppendOutcome;
  private readonly batch: (pending: readonly PendingAppend[]) => Settled[];

  constructor(
    db: Database.Database,
    statements: Statements,
    clock: Clock,
    private readonly onWritten: (rows: readonly EventRow[]) => void,
  ) {
    const one = db.transaction((streamId: string, events: readonly NewEvent[], options: AppendOptions) =>
      appendInTransaction(statements, { streamId, events, options, recordedAt: new Date(clock.now()).toISOString() }),
    );
    // IMMEDIATE takes the write lock up front: a deferred transaction that reads and then
    // writes can fail with SQLITE_BUSY at once instead of honouring the busy timeout.
    this.single = one.immediate;
    // Called inside the batch's transaction, `one` runs as a SAVEPOINT (better-sqlite3 nests that way).
    this.batch = db.transaction((pending: readonly PendingAppend[]): Settled[] =>
      pending.map(({ streamId, events, options }): Settled => {
        try {
          return { ok: true, outcome: one(streamId, events, options) };
        } catch (error) {
          // SQLite rolled the whole transaction back (SQLITE_FULL, IOERR…): fail the batch as a whole.
          if (!db.inTransaction) throw error;
          return { ok: false, error };
        }
      }),
    ).immediate;
  }

  enqueue(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ streamId, events, options, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits everything queued, now. Also called by `close`, so an accepted append is never dropped. */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    while (this.queue.length > 0) {
      const pending = this.queue.length <= MAX_BATCH ? this.queue : this.queue.slice(0, MAX_BATCH);
      this.queue = this.queue.length <= MAX_BATCH ? [] : this.queue.slice(MAX_BATCH);
      this.commit(pending);
    }
  }

  private commit(pending: readonly PendingAppend[]): void {
    let settled: Settled[];
    try {
      settled = pending.length === 1 ? [this.commitOne(pending[0]!)] : this.batch(pending);
    } catch (error) {
      const translated = translateSqliteError(error);
      for (const append of pending) append.reject(translated);
      return;
    }
    const written: EventRow[] = [];
    settled.forEach((result, i) => {
      if (result.ok) {
        written.push(...result.outcome.written);
        pending[i]!.resolve(result.outcome);
      } else {
        pending[i]!.reject(translateSqliteError(result.error));
      }
    });
    if (written.length > 0) this.onWritten(written);
  }

  /** A lone append needs no SAVEPOINT: its own transaction is the unit that commits or rolls back. */
  private commitOne({ streamId, events, options }: PendingAppend): Settled {
    try {
      return { ok: true, outcome: this.single(streamId, events, options) };
    } catch (error) {
      return { ok: false, error };
    }
  }
}
