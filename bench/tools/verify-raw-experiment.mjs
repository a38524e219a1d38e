// Experiment for the report: chain verification hashing the stored (canonical) text directly,
// without JSON.parse + canonicalJson. Not a verifier: it trusts that rows were stored canonical.
// node bench/tools/verify-raw-experiment.mjs <events.sqlite>
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
const db = new Database(process.argv[2], { readonly: true });
const page = db.prepare('SELECT position, stream_id, revision, type, data, metadata, hash FROM events WHERE position > ? ORDER BY position LIMIT 1000').raw();
const heads = new Map();
let after = 0, events = 0, bad = 0;
const t = process.hrtime.bigint();
for (;;) {
  const rows = page.all(after);
  for (const [position, stream, revision, type, data, metadata, hash] of rows) {
    const prev = heads.get(stream) ?? null;
    const h = createHash('sha256').update(`${prev ?? ''}\n`).update(`{"data":${data},"metadata":${metadata},"type":${JSON.stringify(type)}}`).digest('hex');
    if (h !== hash) bad += 1;
    heads.set(stream, hash);
    after = position;
    events += 1;
  }
  if (rows.length < 1000) break;
}
console.log({ events, mismatches: bad }, Math.round(events / (Number(process.hrtime.bigint() - t) / 1e9)), 'events/s');
