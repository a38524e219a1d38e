/**
 * Child process for `crash.int-spec.ts`: appends batches of 3 events to a few streams as fast as
 * it can and prints one line per append *after* its promise resolved, i.e. per acknowledgement.
 * The parent kills it with SIGKILL mid-loop. Run as:
 *   node --conditions=source --import tsx crash-writer.ts <dbfile>
 */
import { randomUUID } from 'node:crypto';
import { systemClock } from '#casetrail/domain';
import type { NewEvent } from '../../event-store.port.js';
import { SqliteEventStore } from '../sqlite-event-store.js';

const STREAMS = 5;
const file = process.argv[2];
if (!file) throw new Error('usage: crash-writer.ts <dbfile>');

const store = SqliteEventStore.open(file, { clock: systemClock });
const revisions = Array.from({ length: STREAMS }, () => -1);

const event = (stream: number, index: number): NewEvent => ({
  type: 'CrashTested.v1',
  data: { stream, index, padding: 'x'.repeat(200) },
  metadata: {
    eventId: randomUUID(),
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: null,
    actor: { id: 'crash-writer', role: 'admin' },
    occurredAt: new Date().toISOString(),
  },
});

for (let i = 0; ; i += 1) {
  const stream = i % STREAMS;
  const streamId = `CrashTest-${stream}`;
  const current = revisions[stream]!;
  const result = await store.appendToStream(streamId, [0, 1, 2].map((n) => event(stream, current + 1 + n)), {
    expectedRevision: current < 0 ? 'no-stream' : current,
  });
  revisions[stream] = result.revision;
  // Pipes are written synchronously on Linux, so a printed line really left the process.
  process.stdout.write(`${JSON.stringify({ streamId, revision: result.revision, position: result.position })}\n`);
}
