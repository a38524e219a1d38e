import { Worker } from 'node:worker_threads';
import type { ProjectionStatus, RunningProjections } from '#casetrail/read-models';
import type { FromWorker, ProjectionWorkerData, ToWorker } from './projection-worker.protocol.js';

/** Where the worker's log lines go (its projections' failures, the checkpoint writer's news). */
export interface WorkerLog {
  error(message: string, context?: Record<string, unknown>): void;
  log(message: string, context?: Record<string, unknown>): void;
  debug(message: string, context?: Record<string, unknown>): void;
}

/** A worker that does not confirm its stop within this time is terminated. */
const STOP_TIMEOUT_MS = 10_000;

/**
 * The worker's V8 heap: its live set is a few batches (tens of MB); without bounds V8 lets each
 * isolate's heap grow lazily to well over 100 MB, which cost the embedded server ~80 MB of RSS.
 */
const HEAP_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 12 };

/**
 * Runs the read-model projections on a worker thread of this process (`CASETRAIL_PROJECTIONS=worker`,
 * the embedded default): on two cores, the API's thread then spends nothing on read-model writes.
 * `local` runs beside it on this thread whatever must append through the API's store (the
 * warranty process manager). Statuses are mirrored from the worker; `waitFor` asks it.
 */
export class WorkerProjectionHost implements RunningProjections {
  private worker?: Worker;
  private remote: ProjectionStatus[];
  private readonly waits = new Map<number, () => void>();
  private nextWait = 0;
  private stopping = false;
  private stopped?: () => void;

  constructor(
    names: readonly string[],
    private readonly data: ProjectionWorkerData,
    private readonly local: RunningProjections,
    private readonly logger: WorkerLog,
  ) {
    this.remote = names.map((name) => ({ name, state: 'starting', position: 0 }));
  }

  async start(): Promise<void> {
    if (import.meta.url.endsWith('.ts')) throw new Error('CASETRAIL_PROJECTIONS=worker runs the built code (npm run build); use inline from sources');
    const worker = new Worker(new URL('./projection-worker.js', import.meta.url), { workerData: this.data, resourceLimits: HEAP_LIMITS });
    this.worker = worker;
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'started') resolve();
        else this.receive(message);
      });
      worker.on('error', (error) => {
        reject(error);
        this.lost(error.message);
      });
      worker.on('exit', (code) => {
        reject(new Error(`the projection worker exited with code ${code} while starting`));
        this.stopped?.();
        if (!this.stopping) this.lost(`the projection worker exited with code ${code}`);
      });
    });
    await this.local.start();
  }

  statuses(): ProjectionStatus[] {
    return [...this.remote, ...this.local.statuses()];
  }

  async waitFor(position: number): Promise<void> {
    await Promise.all([this.local.waitFor(position), this.remoteWaitFor(position)]);
  }

  async stop(): Promise<void> {
    await this.local.stop();
    const worker = this.worker;
    if (!worker || this.stopping) return;
    this.stopping = true;
    const done = new Promise<void>((resolve) => (this.stopped = resolve));
    this.post({ type: 'stop' });
    const timeout = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
    await done;
    clearTimeout(timeout);
    await worker.terminate();
  }

  private receive(message: Exclude<FromWorker, { type: 'started' }>): void {
    switch (message.type) {
      case 'statuses':
        this.remote = [...message.statuses];
        return;
      case 'reached':
        this.waits.get(message.id)?.();
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
      this.waits.set(id, () => {
        this.waits.delete(id);
        resolve();
      });
      this.post({ type: 'waitFor', id, position });
    });
  }

  /** The worker died: its projections show as failed, so /health reports degraded. */
  private lost(error: string): void {
    this.remote = this.remote.map((s) => ({ ...s, state: 'failed', error }));
    this.logger.error(`Projections stopped: ${error}`);
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }
}
