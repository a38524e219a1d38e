// A stand-in for projection-worker.js in worker-projection-host.int-spec.ts: the first one started
// (no marker file yet) reports position 1 and dies; the next reports position 5 and answers waits.
import { existsSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const marker = workerData.eventsFile;
const first = !existsSync(marker);
writeFileSync(marker, 'started once');
parentPort.postMessage({ type: 'statuses', statuses: [{ name: 'fake', state: 'running', position: first ? 1 : 5 }] });
parentPort.postMessage({ type: 'started' });
parentPort.on('message', (message) => {
  if (message.type === 'stop') parentPort.postMessage({ type: 'stopped' });
  else if (!first) parentPort.postMessage({ type: 'reached', id: message.id });
});
if (first) setTimeout(() => process.exit(3), 50);
