/**
 * The writer thread of a `SqliteEventStore` opened with `writer: 'thread'` (see `WriterThread`):
 * its own connection to the events file, the same `BatchWriter` as the inline mode. Appends
 * arriving in one turn of this thread's event loop are committed together, and their results go
 * back in one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { BatchWriter } from '../batch-writer.js';
import { configure } from '../sqlite-schema.js';
import { prepareStatements } from '../sqlite-statements.js';
import { TurnBatcher } from '../turn-batcher.js';
import { transferError } from './transferred-error.js';
import type { FromWriter, NumberedAppend, ToWriter, WriterData, WriterResult } from './writer.protocol.js';

const port = parentPort!;
const { file, busyTimeoutMs } = workerData as WriterData;
const db = new Database(file);
configure(db, busyTimeoutMs);
const writer = new BatchWriter(db, prepareStatements(db));

const batcher = new TurnBatcher<NumberedAppend>((appends) => {
  const results = writer.write(appends).map(
    (settled, i): WriterResult =>
      settled.ok ? { id: appends[i]!.id, ok: true, outcome: settled.outcome } : { id: appends[i]!.id, ok: false, error: transferError(settled.error) },
  );
  port.postMessage({ type: 'settled', results } satisfies FromWriter);
});

port.on('message', (message: ToWriter) => {
  if (message.type === 'append') {
    for (const append of message.appends) batcher.push(append);
    return;
  }
  batcher.flush();
  db.close();
  port.close();
});
