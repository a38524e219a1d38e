/**
 * A query thread (`QueryThreadDriver`): runs the read API's statements on a connection of its own
 * to the read-model file, so that however long an analyst's query takes, the API's thread goes on
 * serving. The connection is `query_only`: a statement that would write fails here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { LruMap } from '../lru-map.js';
import type { QueryReply, QueryRequest, QueryThreadData } from './query-thread.protocol.js';

/** Distinct statement texts kept prepared: the read API's queries vary only with their filters. */
const STATEMENTS = 64;

const port = parentPort!;
const { file, cacheKiB } = workerData as QueryThreadData;
const db = new Database(file);
db.pragma('busy_timeout = 5000');
db.pragma('query_only = true');
db.pragma(`cache_size = -${Math.trunc(cacheKiB)}`);
const statements = new LruMap<string, Database.Statement>(STATEMENTS);

function run({ id, sql, parameters }: QueryRequest): QueryReply {
  try {
    let statement = statements.get(sql);
    if (statement === undefined) statements.set(sql, (statement = db.prepare(sql)));
    if (statement.reader) return { id, rows: statement.all(...parameters) };
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return { id, changes, lastInsertRowid };
  } catch (error) {
    const { message, code } = error as { message?: string; code?: unknown };
    return { id, error: { message: message ?? String(error), ...(typeof code === 'string' ? { code } : {}) } };
  }
}

port.on('message', (request: QueryRequest) => port.postMessage(run(request)));
