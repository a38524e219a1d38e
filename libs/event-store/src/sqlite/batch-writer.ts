import type Database from 'better-sqlite3';
import { IdempotencyKeyTakenError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type { AppendOptions, NewEvent, Position } from '../event-store.port.js';
import { appendInTransaction, type AppendOutcome } from './sqlite-append.js';
import { translateSqliteError } from './sqlite-errors.js';
import type { EventRow, Statements } from './sqlite-statements.js';
import { headsFromFile, StreamHeads, type StreamHeadSource } from './stream-heads.js';

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
 * writes can fail with SQLITE_BUSY at once instead of honouring the busy timeout. Holding the
 * lock, the batch reads the file's head position once and counts on from it.
 *
 * Each append is checked against its own expected revision: a refused append fails alone. A
 * refusal is decided before the append writes anything, so a batch first runs without savepoints
 * (two statements fewer per append). Should an append fail after it began writing (a repeated
 * event id), that transaction is rolled back and the batch runs again with a SAVEPOINT per
 * append, so the failed one rolls back alone. When the whole transaction fails (write lock not
 * obtained, I/O error at commit, or SQLite aborting the transaction under an append), every
 * append of the batch fails with that error and nothing of the batch is kept. Errors come back
 * translated into the port's family.
 *
 * Stream heads come from `StreamHeads`, which remembers what committed transactions wrote; the
 * savepoint path reads them from the file instead, since one of its appends may roll back alone.
 */
export class BatchWriter {
  private readonly heads: StreamHeads;
  private readonly single: (append: QueuedAppend) => AppendOutcome;
  private readonly direct: (appends: readonly QueuedAppend[]) => Settled[];
  private readonly withSavepoints: (appends: readonly QueuedAppend[]) => Settled[];

  constructor(db: Database.Database, statements: Statements) {
    const readHead = (streamId: string) => statements.streamHead.get(streamId) ?? null;
    const heads = (this.heads = new StreamHeads(readHead));
    /** The file's head position, read once the transaction holds the write lock. */
    const begin = (): Position => {
      const head = statements.headPosition.get()!.head;
      heads.begin(head);
      return head;
    };
    const appendWith =
      (source: StreamHeadSource) =>
      (append: QueuedAppend, head: Position): AppendOutcome =>
        appendInTransaction(statements, source, append, head);
    const appendAfter = appendWith(heads);
    /** Each append after the one before it; `failed` settles an append that threw, or throws to end the transaction. */
    const inTurn = (run: typeof appendAfter, failed: (error: unknown) => Settled) =>
      db.transaction((appends: readonly QueuedAppend[]): Settled[] => {
        let head = begin();
        return appends.map((append): Settled => {
          try {
            const outcome = run(append, head);
            if (outcome.written.length > 0) head = outcome.written[outcome.written.length - 1]!.position; // a recognised retry writes nothing
            return { ok: true, outcome };
          } catch (error) {
            return failed(error);
          }
        });
      }).immediate;
    this.single = db.transaction((append: QueuedAppend) => appendAfter(append, begin())).immediate;
    this.direct = inTurn(appendAfter, (error) => {
      if (error instanceof WrongExpectedRevisionError || error instanceof IdempotencyKeyTakenError) return { ok: false, error };
      throw new PartlyWritten(error);
    });
    // Called inside the batch's transaction, a transaction function runs as a SAVEPOINT (better-sqlite3 nests that way).
    this.withSavepoints = inTurn(db.transaction(appendWith(headsFromFile(readHead))), (error) => {
      // SQLite rolled the whole transaction back (SQLITE_FULL, IOERR…): fail the batch as a whole.
      if (!db.inTransaction) throw error;
      return { ok: false, error: translateSqliteError(error) };
    });
  }

  /** Settles every append, in order; returns once everything written has been committed. */
  write(appends: readonly QueuedAppend[]): Settled[] {
    const settled: Settled[] = [];
    for (let i = 0; i < appends.length; i += MAX_BATCH) settled.push(...this.commit(appends.slice(i, i + MAX_BATCH)));
    return settled;
  }

  /** The rows a batch wrote, in position order. */
  static written(settled: readonly Settled[]): EventRow[] {
    const rows: EventRow[] = [];
    for (const result of settled) if (result.ok) for (const row of result.outcome.written) rows.push(row);
    return rows;
  }

  private commit(appends: readonly QueuedAppend[]): Settled[] {
    try {
      // A lone append needs no SAVEPOINT: its own transaction is the unit that commits or rolls back.
      if (appends.length === 1) {
        const outcome = this.single(appends[0]!);
        this.heads.committed();
        return [{ ok: true, outcome }];
      }
      try {
        const settled = this.direct(appends);
        this.heads.committed();
        return settled;
      } catch (error) {
        this.heads.forget();
        if (!(error instanceof PartlyWritten)) throw error;
        return this.withSavepoints(appends);
      }
    } catch (error) {
      this.heads.forget();
      const translated = translateSqliteError(error);
      return appends.map(() => ({ ok: false, error: translated }));
    }
  }
}

/** An append failed after it began writing: the batch must run again with savepoints. */
class PartlyWritten extends Error {
  constructor(override readonly cause: unknown) {
    super('an append of the batch failed after writing', { cause });
  }
}
