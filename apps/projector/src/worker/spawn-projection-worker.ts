import { Worker } from 'node:worker_threads';

/**
 * The worker's V8 heap: its live set is a few batches (tens of MB); without bounds V8 lets each
 * isolate's heap grow lazily to well over 100 MB, which cost the embedded server ~80 MB of RSS.
 * The young generation holds only where node runs without `--max-semi-space-size`: that flag sets
 * every isolate's semi-spaces, a worker's included (`npm start` gives 4 MB).
 */
const HEAP_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 12 };

export const PROJECTION_WORKER_SCRIPT = new URL('./projection-worker.js', import.meta.url);

interface Spare {
  readonly worker: Worker;
  readonly script: string;
  alive: boolean;
}

let spare: Spare | undefined;

/**
 * Starts a projection worker before anything asks for one. It loads its code (~0.4 s of a core)
 * while the calling thread loads the server's, then waits for the `start` message that tells it
 * what to open, so nothing is opened before the API's thread has migrated the files. The built
 * server calls this first thing; the first `spawnProjectionWorker` takes it. It does not keep
 * the process alive on its own.
 *
 * This file imports nothing but `node:worker_threads`, so a caller can spawn before loading the rest.
 */
export function prewarmProjectionWorker(script: URL = PROJECTION_WORKER_SCRIPT): Worker {
  if (spare) return spare.worker;
  const worker = new Worker(script, { resourceLimits: HEAP_LIMITS });
  const prewarmed: Spare = { worker, script: script.href, alive: true };
  // A failure before it is taken is seen again by the worker spawned in its place.
  const dead = (): void => {
    prewarmed.alive = false;
  };
  worker.on('error', dead).on('exit', dead).unref();
  spare = prewarmed;
  return worker;
}

/** The prewarmed worker if it runs `script` and is still alive, else a new one; it still needs its `start` message. */
export function spawnProjectionWorker(script: URL = PROJECTION_WORKER_SCRIPT): Worker {
  const taken = spare;
  spare = undefined;
  if (taken?.alive && taken.script === script.href) {
    taken.worker.removeAllListeners().ref();
    return taken.worker;
  }
  void taken?.worker.terminate();
  return new Worker(script, { resourceLimits: HEAP_LIMITS });
}

/** Stops a prewarmed worker nothing took (projections inline, off, or on another event store). */
export async function discardPrewarmedWorker(): Promise<void> {
  const left = spare;
  spare = undefined;
  await left?.worker.terminate();
}
