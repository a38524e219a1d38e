import { discardPrewarmedWorker, prewarmProjectionWorker } from '../../projector/src/worker/spawn-projection-worker.js';

// The projection worker loads its code on the second core while this thread loads the server's,
// which is why the server is imported only now (README, Decisions: "The projection worker is spawned first").
prewarmProjectionWorker();
const { startApi } = await import('./start-api.js');
await startApi();
// Not taken when the projections run inline, off, or on another event store.
await discardPrewarmedWorker();
