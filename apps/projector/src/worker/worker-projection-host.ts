import type { Worker } from 'node:worker_threads';
import { runsFromSource } from '#casetrail/event-store';
import type { ProjectionStatus, RunningProjections } from '#casetrail/read-models';
import type { FromWorker, ProjectionWorkerData, ToWorker } from './projection-worker.protocol.js';
import { PROJECTION_WORKER_SCRIPT, spawnProjectionWorker } from './spawn-projection-worker.js';

/** Where the worker's log lines go (its projections' failures, the checkpoint writer's news). */
export interface WorkerLog {
  error(message: string, context?: Record<string, unknown>): void;
  log(message: string, context?: Record<string, unknown>): void;
  debug(message: string, context?: Record<string, unknown>): void;
}

/** A worker that does not confirm its stop within this time is terminated. */
const STOP_TIMEOUT_MS = 10_000;

/** A worker that died is started again after this wait, doubled while it keeps dying young. */
const RESTART_BACKOFF_MS = { first: 1_000, max: 60_000, steadyAfter: 60_000 };

/**
 * Runs the read-model projections on a worker thread of this process (`CASETRAIL_PROJECTIONS=worker`,
 * the embedded default): on two cores, the API's thread then spends nothing on read-model writes.
 * `local` runs beside it on this thread whatever must append through the API's store (the
 * warranty process manager). Statuses are mirrored from the worker; `waitFor` asks it.
 *
 * A worker that dies (out of memory, a native fault) shows its projections as failed — /health
 * degraded — and is started again with a growing back-off; it resumes from the checkpoints.
 */
export class WorkerProjectionHost implements RunningProjections {
  private worker?: Worker;
  private remote: ProjectionStatus[];
  private readonly waits = new Map<number, { readonly position: number; readonly resolve: () => void }>();
  private nextWait = 0;
  private stopping = false;
  private stopped?: () => void;
  private restart?: NodeJS.Timeout;
  private backoffMs = RESTART_BACKOFF_MS.first;
  private startedAt = 0;

  constructor(
    names: readonly string[],
    private readonly data: ProjectionWorkerData,
    private readonly local: RunningProjections,
    private readonly logger: WorkerLog,
    private readonly script = PROJECTION_WORKER_SCRIPT,
  ) {
    this.remote = names.map((name) => ({ name, state: 'starting', position: 0 }));
  }

  async start(): Promise<void> {
    if (runsFromSource(this.script)) throw new Error('CASETRAIL_PROJECTIONS=worker runs the built code (npm run build); use inline from sources');
    await this.spawn();
    await this.local.start();
  }

  statuses(): ProjectionStatus[] {
    return [...this.remote, ...this.local.statuses()];
  }

  async waitFor(position: number): Promise<void> {
    await Promise.all([this.local.waitFor(position), this.remoteWaitFor(position)]);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restart);
    await this.local.stop();
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    const done = new Promise<void>((resolve) => (this.stopped = resolve));
    worker.postMessage({ type: 'stop' } satisfies ToWorker);
    const timeout = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
    await done;
    clearTimeout(timeout);
    await worker.terminate();
  }

  /** Starts a worker; resolves once its projections run, rejects if it dies first. */
  private spawn(): Promise<void> {
    // A worker prewarmed by the built server's main has loaded its code already (start-up).
    const worker = spawnProjectionWorker(this.script);
    this.worker = worker;
    worker.postMessage({ type: 'start', data: this.data } satisfies ToWorker);
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type !== 'started') return this.receive(message);
        this.startedAt = Date.now();
        // Waits asked of a worker that died are asked again of this one.
        for (const [id, { position }] of this.waits) worker.postMessage({ type: 'waitFor', id, position } satisfies ToWorker);
        resolve();
      });
      worker.on('error', (error) => {
        reject(error);
        this.lost(error.message);
      });
      worker.on('exit', (code) => {
        reject(new Error(`the projection worker exited with code ${code} while starting`));
        this.stopped?.();
        if (this.stopping || this.worker !== worker) return;
        this.lost(`the projection worker exited with code ${code}`);
        this.scheduleRestart();
      });
    });
  }

  private scheduleRestart(): void {
    this.backoffMs = Date.now() - this.startedAt >= RESTART_BACKOFF_MS.steadyAfter ? RESTART_BACKOFF_MS.first : this.backoffMs;
    const wait = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, RESTART_BACKOFF_MS.max);
    this.logger.log(`Starting the projection worker again in ${wait} ms`);
    this.restart = setTimeout(() => {
      if (this.stopping) return;
      this.spawn().catch((error: unknown) => this.logger.error(`The projection worker did not start again: ${String(error)}`));
    }, wait);
    this.restart.unref();
  }

  private receive(message: Exclude<FromWorker, { type: 'started' }>): void {
    switch (message.type) {
      case 'statuses':
        this.remote = [...message.statuses];
        return;
      case 'reached':
        this.waits.get(message.id)?.resolve();
        return;
      case 'log':
        this.logger[message.level](message.message, message.context);
        return;
      case 'stopped':
        this.stopped?.();
        return;
    }
  }

  private remoteWaitFor(position: number): Promise<void> {
    if (this.remote.every((s) => s.position >= position)) return Promise.resolve();
    return new Promise((resolve) => {
      const id = ++this.nextWait;
      this.waits.set(id, {
        position,
        resolve: () => {
          this.waits.delete(id);
          resolve();
        },
      });
      this.worker?.postMessage({ type: 'waitFor', id, position } satisfies ToWorker);
    });
  }

  /** The worker died: its projections show as failed, so /health reports degraded. */
  private lost(error: string): void {
    this.remote = this.remote.map((s) => ({ ...s, state: 'failed', error }));
    this.logger.error(`Projections stopped: ${error}`);
  }
}
