// Starts a worker thread's TypeScript entry when casetrail runs from its sources (tests, `npm run
// cli`): the built server starts the compiled `.js` entry directly and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
