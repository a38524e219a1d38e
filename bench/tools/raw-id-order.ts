/**
 * Raw better-sqlite3 inserts of the events table's rows, 64 per transaction (synchronous=FULL, the
 * store's own schema), with random (v4) event ids against time-ordered (v7) ones:
 * `node --conditions=source --import tsx bench/tools/raw-id-order.ts [rows] [runs]`.
 * Shows what the order of ids costs the unique event-id index, without casetrail around it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { uuidV7 } from '#casetrail/event-store';
import { configure, migrate } from '../../libs/event-store/src/sqlite/sqlite-schema.js';
import { planStreams } from '../lib/append-plan.js';
import { perSecond } from '../lib/stats.js';
import { tempDir } from '../lib/temp-dir.js';

const rows = Number(process.argv[2] ?? 40_000);
const runs = Number(process.argv[3] ?? 3);
const temp = tempDir('raw-id-order');
try {
  for (const [name, nextId] of [['random (v4)', randomUUID], ['time-ordered (v7)', () => uuidV7()]] as const) {
    const db = new Database(temp.file(`${name.split(' ')[0]}.sqlite`));
    configure(db, 5000);
    migrate(db);
    const insert = db.prepare('INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insertMany = db.transaction((batch: unknown[][]) => {
      for (const row of batch) insert.run(...row);
    });
    let position = 1;
    const figures: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const batch: unknown[][] = [];
      for (const stream of planStreams(rows, 9000 + run, `r${run}`, nextId)) {
        stream.events.forEach((event, revision) =>
          batch.push([position++, stream.streamId, revision, event.metadata.eventId, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), randomBytes(32).toString('hex')]),
        );
      }
      const start = process.hrtime.bigint();
      for (let i = 0; i < batch.length; i += 64) insertMany(batch.slice(i, i + 64));
      figures.push(Math.round(perSecond(batch.length, start)));
    }
    db.close();
    console.log(`${name}: ${figures.join(', ')} rows/s (64 rows per transaction, ${runs} runs into one file)`);
  }
} finally {
  temp.remove();
}
