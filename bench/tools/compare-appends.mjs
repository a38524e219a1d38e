// Before/after of the event store on W1's appends, with the built code of two checkouts:
// node bench/tools/compare-appends.mjs <rootA> <rootB>. Alternates A and B, three rounds.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const roots = process.argv.slice(2);
const event = (i) => ({
  type: 'ProgressUpdateSent.v1',
  data: { kind: 'progress', channel: 'sms', message: `Parts ordered, update ${i}`, sentTo: 'customer' },
  metadata: { eventId: randomUUID(), commandId: randomUUID(), correlationId: randomUUID(), causationId: null, actor: { id: 'agent-7', role: 'agent' }, occurredAt: new Date().toISOString() },
});
async function measure(root, appenders, total) {
  const { SqliteEventStore } = await import(join(root, 'dist/libs/event-store/src/index.js'));
  const dir = mkdtempSync(join(tmpdir(), 'casetrail-compare-'));
  const store = SqliteEventStore.open(join(dir, 'events.sqlite'), { clock: { now: () => Date.now() } });
  const perAppender = Math.ceil(total / appenders);
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: appenders }, async (_, a) => {
    for (let r = 0; r < perAppender; r += 1) await store.appendToStream(`ServiceCase-${a}`, [event(r)], { expectedRevision: r === 0 ? 'no-stream' : r - 1 });
  }));
  const rate = (perAppender * appenders) / (Number(process.hrtime.bigint() - start) / 1e9);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return Math.round(rate);
}
for (let round = 1; round <= 3; round += 1) {
  for (const root of roots) {
    console.log(JSON.stringify({ round, root, single: await measure(root, 1, 1500), concurrent64: await measure(root, 64, 10_000) }));
  }
}
