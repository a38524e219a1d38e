// A writer thread that dies on the first appends it receives, without answering (for the
// WriterThread tests): what an out-of-memory writer would look like to the store.
import { parentPort } from 'node:worker_threads';

parentPort.once('message', () => process.exit(7));
