import type Database from 'better-sqlite3';
import type { AppendOptions, NewEvent } from '../event-store.port.js';
import { appendInTransaction, type AppendOutcome } from './sqlite-append.js';
import { translateSqliteError } from './sqlite-errors.js';
import type { EventRow, Statements } from './sqlite-statements.js';

/** One append waiting for its transaction; `recordedAt` is stamped when the store accepted it. */
export interface QueuedAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly options: AppendOptions;
  readonly recordedAt: string;
}

export type Settled = { readonly ok: true; readonly outcome: AppendOutcome } | { readonly ok: false; readonly error: unknown };

/** Bounds one transaction's size, so a burst of appends is answered in slices rather than all at the very end. */
const MAX_BATCH = 1000;

/**
 * Writes a batch of appends in one IMMEDIATE transaction, so they share one WAL fsync (group
 * commit). IMMEDIATE takes the write lock up front: a deferred transaction that reads and then
 * writes can fail with SQLITE_BUSY at once instead of honouring the busy timeout.
 *
 * Each append runs in its own SAVEPOINT and is checked against its own expected revision: a
 * refused append rolls back alone and fails alone. When the whole transaction fails (write lock
 * not obtained, I/O error at commit, or SQLite aborting the transaction under an append), every
 * append of the batch fails with that error and nothing of the batch is kept. Errors come back
 * translated into the port's family.
 */
export class BatchWriter {
  private readonly single: (append: QueuedAppend) => AppendOutcome;
  private readonly batch: (appends: readonly QueuedAppend[]) => Settled[];

  constructor(db: Database.Database, statements: Statements) {
    const one = db.transaction((append: QueuedAppend) => appendInTransaction(statements, append));
    this.single = one.immediate;
    // Called inside the batch's transaction, `one` runs as a SAVEPOINT (better-sqlite3 nests that way).
    this.batch = db.transaction((appends: readonly QueuedAppend[]): Settled[] =>
      appends.map((append): Settled => {
        try {
          return { ok: true, outcome: one(append) };
        } catch (error) {
          // SQLite rolled the whole transaction back (SQLITE_FULL, IOERR…): fail the batch as a whole.
          if (!db.inTransaction) throw error;
          return { ok: false, error: translateSqliteError(error) };
        }
      }),
    ).immediate;
  }

  /** Settles every append, in order; returns once everything written has been committed. */
  write(appends: readonly QueuedAppend[]): Settled[] {
    const settled: Settled[] = [];
    for (let i = 0; i < appends.length; i += MAX_BATCH) settled.push(...this.commit(appends.slice(i, i + MAX_BATCH)));
    return settled;
  }

  /** The rows a batch wrote, in position order. */
  static written(settled: readonly Settled[]): EventRow[] {
    return settled.flatMap((result) => (result.ok ? result.outcome.written : []));
  }

  private commit(appends: readonly QueuedAppend[]): Settled[] {
    try {
      // A lone append needs no SAVEPOINT: its own transaction is the unit that commits or rolls back.
      return appends.length === 1 ? [{ ok: true, outcome: this.single(appends[0]!) }] : this.batch(appends);
    } catch (error) {
      const translated = translateSqliteError(error);
      return appends.map(() => ({ ok: false, error: translated }));
    }
  }
}
