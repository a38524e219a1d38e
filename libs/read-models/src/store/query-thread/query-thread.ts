import type { Worker } from 'node:worker_threads';
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import { DomainError } from '#casetrail/domain';
import { PAGE_CACHE_KIB, startWorker, workerEntry } from '#casetrail/event-store';
import type { QueryReply, QueryRequest, QueryThreadData } from './query-thread.protocol.js';

/** A query thread's V8 heap: it holds one statement's rows at a time (a page of at most 500). */
const HEAP_LIMITS = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 };

const ENTRY = workerEntry(import.meta.url, 'query-thread.worker');

/** The read models cannot be queried now (a query thread died, or waited out another's write lock); the client may retry. */
export class ReadModelsUnavailableError extends DomainError {
  constructor(readonly reason: string) {
    super('READ_MODELS.UNAVAILABLE', 'unavailable', `The read models are unavailable: ${reason}`);
  }
}

/** An error SQLite raised on a query thread, with SQLite's code as better-sqlite3 gives it. */
export class QueryThreadError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'SqliteError';
  }
}

/** Codes of a lock another connection held past the busy timeout: a moment's contention, not a fault. */
const CONTENTION = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);

/**
 * One worker thread and its connection, as one Kysely connection: statements are posted to it and
 * answered in order. A thread that dies fails whatever it still owed, and is not used again.
 */
export class QueryThread implements DatabaseConnection {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (reply: QueryReply) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: ReadModelsUnavailableError | null = null;

  constructor(file: string) {
    this.worker = startWorker(ENTRY, { workerData: { file, cacheKiB: PAGE_CACHE_KIB } satisfies QueryThreadData, resourceLimits: HEAP_LIMITS });
    // Queries waiting on it must not keep a process alive that is otherwise done.
    this.worker.unref();
    this.worker.on('message', (reply: QueryReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiting?.resolve(reply);
    });
    this.worker.on('error', (error) => this.fail(`a query thread failed (${error.message})`));
    this.worker.on('exit', (code) => this.fail(`a query thread stopped (exit code ${code})`));
  }

  get alive(): boolean {
    return this.failure === null;
  }

  async executeQuery<R>({ sql, parameters }: CompiledQuery): Promise<QueryResult<R>> {
    if (this.failure) throw this.failure;
    const id = this.nextId++;
    const reply = await new Promise<QueryReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, sql, parameters } satisfies QueryRequest);
    });
    if ('error' in reply) {
      const { message, code } = reply.error;
      throw code !== undefined && CONTENTION.has(code) ? new ReadModelsUnavailableError(message) : new QueryThreadError(message, code);
    }
    if ('rows' in reply) return { rows: reply.rows as R[] };
    return { numAffectedRows: BigInt(reply.changes), insertId: BigInt(reply.lastInsertRowid), rows: [] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('The read-model query threads do not stream; page with a cursor instead');
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private fail(reason: string): void {
    this.failure ??= new ReadModelsUnavailableError(reason);
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }
}
