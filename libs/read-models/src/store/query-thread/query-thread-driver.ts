import type { DatabaseConnection, Dialect, Driver, Kysely } from 'kysely';
import { CompiledQuery, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from '../kysely-runtime.js';
import { QueryThread, ReadModelsUnavailableError } from './query-thread.js';

const BEGIN = CompiledQuery.raw('begin');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

/**
 * A Kysely driver for the read API on the embedded SQLite file: each connection is a worker thread
 * with a connection of its own (`QueryThread`). better-sqlite3 runs a statement to its end on the
 * calling thread, so on the API's thread one analyst's summary over a year of clocks (7–16 s at
 * size M) stopped every command and health check until it was done. Up to `size` threads are
 * started as queries arrive at once; a query that finds them all busy waits for the first free one.
 */
export class QueryThreadDriver implements Driver {
  private readonly idle: QueryThread[] = [];
  private readonly all = new Set<QueryThread>();
  private readonly waiting: { resolve: (thread: DatabaseConnection) => void; reject: (error: Error) => void }[] = [];
  private destroyed = false;

  constructor(
    private readonly file: string,
    private readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`query threads must be a whole number >= 1, not ${size}`);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.destroyed) throw new ReadModelsUnavailableError('the query threads have been closed');
    for (const thread of this.all) if (!thread.alive) this.all.delete(thread);
    for (let thread = this.idle.pop(); thread; thread = this.idle.pop()) if (thread.alive) return thread;
    if (this.all.size < this.size) {
      const thread = new QueryThread(this.file);
      this.all.add(thread);
      return thread;
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const thread = connection as QueryThread;
    const next = this.waiting.shift();
    if (!thread.alive) {
      this.all.delete(thread);
      // The thread died: whoever waits gets a new one.
      if (next) this.acquireConnection().then(next.resolve, next.reject);
      return;
    }
    if (next) next.resolve(thread);
    else this.idle.push(thread);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(BEGIN);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(COMMIT);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(ROLLBACK);
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new ReadModelsUnavailableError('the query threads have been closed'));
    await Promise.all([...this.all].map((thread) => thread.close()));
    this.all.clear();
    this.idle.length = 0;
  }
}

/** SQLite's dialect on `QueryThreadDriver`: the same SQL the in-thread driver compiles. */
export class QueryThreadDialect implements Dialect {
  constructor(
    private readonly file: string,
    private readonly size: number,
  ) {}

  createDriver(): Driver {
    return new QueryThreadDriver(this.file, this.size);
  }

  createQueryCompiler(): SqliteQueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): SqliteAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<any>): SqliteIntrospector {
    return new SqliteIntrospector(db);
  }
}
