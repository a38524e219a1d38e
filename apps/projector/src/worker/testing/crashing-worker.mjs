// A stand-in for projection-worker.js in worker-projection-host.int-spec.ts: the first one started
// (no marker file yet) reports position 1 and dies; the next reports position 5 and answers waits.
// Like the real one, it learns what to open from its first message, `start`.
import { existsSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

let first = false;
parentPort.on('message', (message) => {
  if (message.type === 'start') {
    const marker = message.data.eventsFile;
    first = !existsSync(marker);
    writeFileSync(marker, 'started once');
    parentPort.postMessage({ type: 'statuses', statuses: [{ name: 'fake', state: 'running', position: first ? 1 : 5 }] });
    parentPort.postMessage({ type: 'started' });
    if (first) setTimeout(() => process.exit(3), 50);
  } else if (message.type === 'stop') parentPort.postMessage({ type: 'stopped' });
  else if (!first) parentPort.postMessage({ type: 'reached', id: message.id });
});
