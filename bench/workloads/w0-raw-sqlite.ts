import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { configure, migrate } from '../../libs/event-store/src/sqlite/sqlite-schema.js';
import { planStreams, type PlannedStream } from '../lib/append-plan.js';
import type { SizeProfile } from '../lib/sizes.js';
import { figure, perSecond, type Figure } from '../lib/stats.js';
import { tempDir } from '../lib/temp-dir.js';

interface Row {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  hash: string;
}

/** The events table's row shape, with the JSON and hash work done up front: only the insert is timed. */
function toRows(streams: readonly PlannedStream[], firstPosition: number): Row[] {
  const rows: Row[] = [];
  let position = firstPosition;
  for (const stream of streams) {
    stream.events.forEach((event, revision) => {
      rows.push({
        position: position++,
        stream_id: stream.streamId,
        revision,
        event_id: event.metadata.eventId,
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify({ ...event.metadata, recordedAt: new Date().toISOString(), prevHash: randomBytes(32).toString('hex') }),
        hash: randomBytes(32).toString('hex'),
      });
    });
  }
  return rows;
}

export interface RawSqlite {
  oneRowPerTx(run: number): Promise<number>;
  batch1000(run: number): Promise<number>;
  /** The batch size a group commit of W1's 64 concurrent appenders can reach at most. */
  batch64(run: number): Promise<number>;
  close(): void;
}

/**
 * W0, the physical limit: better-sqlite3 inserting the event store's own rows into the event
 * store's own schema and file settings (WAL, synchronous = FULL), with nothing else around them.
 * Rows (JSON already serialised, hashes made up) are prepared before the clock starts. Event ids
 * are time-ordered, as the service makes them, unless `nextId` says otherwise.
 */
export function openRawSqlite(size: SizeProfile, nextId?: () => string): RawSqlite {
  const temp = tempDir('w0');
  const db = new Database(temp.file('events.sqlite'));
  configure(db, 5000);
  migrate(db);
  const insert = db.prepare<[Row]>(
    'INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, hash) VALUES (@position, @stream_id, @revision, @event_id, @type, @data, @metadata, @hash)',
  );
  const insertMany = db.transaction((rows: readonly Row[]) => {
    for (const row of rows) insert.run(row);
  });
  const batches = (rows: readonly Row[], perTransaction: number): number => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < rows.length; i += perTransaction) insertMany(rows.slice(i, i + perTransaction));
    return perSecond(rows.length, start);
  };
  let position = 1;
  const rowsFor = (count: number, run: number, kind: string): Row[] => {
    const rows = toRows(planStreams(count, 9000 + run, `raw-${kind}${run}`, nextId), position).slice(0, count);
    position += rows.length;
    return rows;
  };
  return {
    oneRowPerTx: async (run) => {
      const rows = rowsFor(size.singleAppends, run, 'one');
      const start = process.hrtime.bigint();
      for (const row of rows) insert.run(row); // autocommit: one transaction, one WAL fsync per row
      return perSecond(rows.length, start);
    },
    batch1000: async (run) => batches(rowsFor(size.concurrentEvents * 2, run, 'batch'), 1000),
    batch64: async (run) => batches(rowsFor(size.concurrentEvents, run, 'batch64-'), 64),
    close: () => {
      db.close();
      temp.remove();
    },
  };
}

export const rawFigures = (oneRowPerTx: number[], batch1000: number[], batch64: number[]): Record<string, Figure> => ({
  oneRowPerTx: figure('rows inserted, one row per transaction (synchronous=FULL)', 'rows/s', oneRowPerTx),
  batch1000: figure('rows inserted, 1,000 rows per transaction (synchronous=FULL)', 'rows/s', batch1000),
  batch64: figure('rows inserted, 64 rows per transaction (synchronous=FULL): the largest batch W1\'s 64 appenders can form', 'rows/s', batch64),
});
