// A stand-in for projection-worker.js in spawn-projection-worker.int-spec.ts: loads, then answers
// each message with its thread id; `exit` ends it with code 7.
import { parentPort, threadId } from 'node:worker_threads';

parentPort.on('message', (message) => {
  if (message === 'exit') process.exit(7);
  parentPort.postMessage(threadId);
});
