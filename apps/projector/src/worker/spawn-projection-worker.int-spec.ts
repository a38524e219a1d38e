import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { discardPrewarmedWorker, prewarmProjectionWorker, spawnProjectionWorker } from './spawn-projection-worker.js';

const IDLE = new URL('./testing/idle-worker.mjs', import.meta.url);
const CRASHING = new URL('./testing/crashing-worker.mjs', import.meta.url);

const answer = async (worker: Worker, message: unknown = 'ping'): Promise<unknown> => {
  const reply = once(worker, 'message');
  worker.postMessage(message);
  return (await reply)[0];
};

describe('spawnProjectionWorker', () => {
  const started: Worker[] = [];
  afterEach(async () => {
    await discardPrewarmedWorker();
    await Promise.all(started.splice(0).map((worker) => worker.terminate()));
  });

  it('hands over the worker prewarmed for the same script, once', async () => {
    const prewarmed = prewarmProjectionWorker(IDLE);
    const taken = spawnProjectionWorker(IDLE);
    const next = spawnProjectionWorker(IDLE);
    started.push(taken, next);
    expect(taken).toBe(prewarmed);
    expect(next).not.toBe(prewarmed);
    expect(await answer(taken)).toBe(prewarmed.threadId);
  });

  it('starts a new worker in place of a prewarmed one that died, and of one for another script', async () => {
    const dead = prewarmProjectionWorker(IDLE);
    const exited = once(dead, 'exit');
    dead.postMessage('exit');
    await exited;
    const fresh = spawnProjectionWorker(IDLE);
    started.push(fresh);
    expect(fresh).not.toBe(dead);
    expect(await answer(fresh)).toBe(fresh.threadId);

    const other = prewarmProjectionWorker(CRASHING);
    const stopped = once(other, 'exit');
    const idle = spawnProjectionWorker(IDLE);
    started.push(idle);
    expect(idle).not.toBe(other);
    await stopped; // the prewarmed one was terminated, not left running
  });

  it('terminates a prewarmed worker that nothing took', async () => {
    const prewarmed = prewarmProjectionWorker(IDLE);
    const exited = once(prewarmed, 'exit');
    await discardPrewarmedWorker();
    await exited;
    const fresh = spawnProjectionWorker(IDLE);
    started.push(fresh);
    expect(fresh).not.toBe(prewarmed);
  });
});
