import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import sqlite3 from 'sqlite3';
import { appendEventByEvent, countEvents, planStreams, type PlannedStream } from '../lib/append-plan.js';
import type { SizeProfile } from '../lib/sizes.js';
import { figure, perSecond, repeat, type Figure } from '../lib/stats.js';
import { tempDir } from '../lib/temp-dir.js';

/** `PRAGMA synchronous` as a fresh sqlite3 connection in WAL sees it: the setting every Emmett operation runs with. */
function emmettSynchronous(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file);
    db.get('PRAGMA journal_mode', () =>
      db.get('PRAGMA synchronous', (error: Error | null, row: { synchronous: number }) => {
        db.close();
        if (error) reject(error);
        else resolve(row.synchronous);
      }),
    );
  });
}

/**
 * W2, the peer: Emmett's SQLite event store (0.38.5, on `sqlite3`) with the same events, one per
 * append with its expected stream version, then reading the same case streams back.
 *
 * Durability: Emmett sets `journal_mode = WAL` on every connection it opens; it does not set
 * `synchronous`, and the `sqlite3` build's default in WAL is FULL (`DEFAULT_WAL_SYNCHRONOUS=2`),
 * checked here on the same file, so both stores fsync the WAL on every commit. Emmett opens and
 * closes a connection per operation, so it is run with one appender only: concurrent operations
 * share (and close) one connection.
 */
export async function emmett(size: SizeProfile): Promise<Record<string, Figure>> {
  const temp = tempDir('w2');
  const file = temp.file('emmett.sqlite');
  const store = getSQLiteEventStore({ fileName: file, schema: { autoMigration: 'CreateOrUpdate' } });
  let busyRetries = 0;
  const append = async (stream: PlannedStream, i: number) => {
    const { type, data, metadata } = stream.events[i]!;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await store.appendToStream(stream.streamId, [{ type, data, metadata: { ...metadata } }], {
          expectedStreamVersion: i === 0 ? STREAM_DOES_NOT_EXIST : BigInt(i),
        });
        return;
      } catch (error) {
        // Emmett 0.38.5 now and then fails its own COMMIT with "SQL statements in progress" (a
        // RETURNING statement read with db.get is not finished yet); the append was rolled back.
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= 5) throw error;
        busyRetries += 1;
      }
    }
  };
  const appends = Math.max(300, Math.round(size.singleAppends / 6));
  // Emmett console.logs every error it rethrows (see busyRetries); keep the bench output readable.
  const log = console.log;
  console.log = () => {};
  try {
    const single = await repeat(size.runs, async (run) => {
      const streams = planStreams(appends, 1000 + run, `w2s${run}`);
      const start = process.hrtime.bigint();
      await appendEventByEvent(streams, 1, append);
      return perSecond(countEvents(streams), start);
    });
    const synchronous = await emmettSynchronous(file);
    const readable = planStreams(400, 3000, 'w2r');
    await appendEventByEvent(readable, 1, append);
    const reads = await repeat(size.runs, async () => {
      const start = process.hrtime.bigint();
      let events = 0;
      for (let i = 0; i < 1_000; i += 1) events += (await store.readStream(readable[i % readable.length]!.streamId)).events.length;
      return perSecond(events, start);
    });
    return {
      singleAppends: figure('Emmett SQLite: single-event appends, one appender (expected stream version)', 'events/s', single, {
        busyRetries,
        durability: `journal_mode=WAL (set by Emmett), synchronous=${synchronous === 2 ? 'FULL' : synchronous} (sqlite3 default in WAL, checked; nothing changed)`,
      }),
      readStream: figure('Emmett SQLite: case streams read whole', 'events/s', reads),
    };
  } finally {
    console.log = log;
    temp.remove();
  }
}
