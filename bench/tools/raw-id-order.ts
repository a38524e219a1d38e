/**
 * W0's raw inserts of 64 rows per transaction (synchronous=FULL, the store's own schema), with
 * random (v4) event ids against time-ordered (v7) ones:
 * `node --conditions=source --import tsx bench/tools/raw-id-order.ts [runs]`.
 * Shows what the order of ids costs the unique event-id index, without casetrail around it.
 */
import { randomUUID } from 'node:crypto';
import { SIZES } from '../lib/sizes.js';
import { openRawSqlite } from '../workloads/w0-raw-sqlite.js';

const runs = Number(process.argv[2] ?? 3);
for (const [name, nextId] of [['random (v4)', randomUUID], ['time-ordered (v7)', undefined]] as const) {
  const raw = openRawSqlite(SIZES.S, nextId);
  try {
    const figures: number[] = [];
    for (let run = 0; run < runs; run += 1) figures.push(Math.round(await raw.batch64(run)));
    console.log(`${name}: ${figures.join(', ')} rows/s (64 rows per transaction, ${runs} runs into one file)`);
  } finally {
    raw.close();
  }
}
