import type { EventStore, EventSubscription } from '#casetrail/event-store';
import type { ReadModelDb } from '../store/read-model-database.js';
import { applyOrLocate, ProjectionFailure } from './apply-batch.js';
import { DEFAULT_BATCH_PACE, paceAfter, type BatchPace } from './batch-pace.js';
import { readCheckpoint, recordFailure, startOf } from './checkpoints.js';
import { LeaseLostError, ProjectionLease } from './projection-lease.js';
import type { Projection } from './projection.js';

/** `standby`: another projector holds this projection's lease; this one takes over when it lapses. */
export type ProjectionState = 'starting' | 'standby' | 'running' | 'failed' | 'stopped';

export interface ProjectionStatus {
  readonly name: string;
  readonly state: ProjectionState;
  readonly position: number;
  readonly failedPosition?: number;
  readonly error?: string;
}

export interface RunnerLogger {
  error(message: string, context?: Record<string, unknown>): void;
  log?(message: string, context?: Record<string, unknown>): void;
}

export interface RunnerOptions {
  readonly maxBatchSize?: number;
  readonly leaseTtlMs?: number;
  /**
   * After a batch that did not fill up, how long to wait before reading again (`batch-pace.ts`).
   * Under a stream of commands each projection then commits one transaction per interval instead of
   * one per group commit, with the events of the interval in it; an idle projection answers its next
   * event at once.
   */
  readonly pace?: BatchPace;
}

const DEFAULT_MAX_BATCH = 500;

/**
 * Keeps one projection up to date from the store's subscription, from its own checkpoint, in
 * batches — while it holds the projection's lease. A failing event stops this projection only,
 * recorded with its position and error.
 */
export class ProjectionRunner {
  private state: ProjectionState = 'starting';
  private position = 0;
  private failure?: { position: number; error: string };
  private subscription?: EventSubscription;
  private consuming?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private readonly lease: ProjectionLease;
  private readonly waiters = new Set<{ position: number; resolve: () => void }>();

  constructor(
    readonly projection: Projection,
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
    private readonly logger: RunnerLogger,
    private readonly options: RunnerOptions = {},
  ) {
    this.lease = new ProjectionLease(db, projection.name, options.leaseTtlMs);
  }

  /** Runs now if the lease is free; otherwise waits on standby and returns. */
  async start(): Promise<void> {
    this.position = startOf(await readCheckpoint(this.db, this.projection.name));
    await this.tryToRun();
  }

  status(): ProjectionStatus {
    return {
      name: this.projection.name,
      state: this.state,
      position: this.position,
      ...(this.failure ? { failedPosition: this.failure.position, error: this.failure.error } : {}),
    };
  }

  /** Resolves once the projection has handled `position` (tests and read-your-writes callers). */
  waitFor(position: number): Promise<void> {
    if (this.position >= position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ position, resolve }));
  }

  async stop(): Promise<void> {
    const wasRunning = this.state === 'running';
    if (this.state !== 'failed') this.state = 'stopped';
    clearTimeout(this.timer);
    await this.subscription?.close();
    await this.consuming;
    if (wasRunning) await this.lease.release().catch(() => undefined);
  }

  private async tryToRun(): Promise<void> {
    if (this.state === 'stopped') return;
    if (!(await this.lease.tryAcquire())) {
      this.state = 'standby';
      this.schedule(() => this.tryToRun(), this.lease.renewEveryMs);
      return;
    }
    // A projection that failed before is retried: the fix is usually a new deployment.
    this.advance(startOf(await readCheckpoint(this.db, this.projection.name)));
    this.state = 'running';
    this.failure = undefined;
    this.subscription = this.store.subscribeToAll({ after: this.position, maxBatchSize: this.options.maxBatchSize ?? DEFAULT_MAX_BATCH });
    this.consuming = this.consume(this.subscription);
    this.schedule(() => this.renew(), this.lease.renewEveryMs);
  }

  private async renew(): Promise<void> {
    if (this.state !== 'running') return;
    if (await this.lease.tryAcquire().catch(() => false)) this.schedule(() => this.renew(), this.lease.renewEveryMs);
    else await this.fallBack();
  }

  /** Lost the lease (stalled past it, or the database was unreachable): stand by again. */
  private async fallBack(): Promise<void> {
    this.state = 'standby';
    await this.subscription?.close();
    await this.consuming;
    this.schedule(() => this.tryToRun(), this.lease.renewEveryMs);
  }

  private schedule(work: () => Promise<void>, ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void work().catch((e: unknown) => this.logger.error(`Projection ${this.projection.name}: ${String(e)}`)), ms);
    this.timer.unref();
  }

  private async consume(subscription: EventSubscription): Promise<void> {
    const maxBatchSize = this.options.maxBatchSize ?? DEFAULT_MAX_BATCH;
    const pace = this.options.pace ?? DEFAULT_BATCH_PACE;
    try {
      for await (const batch of subscription) {
        this.advance(await applyOrLocate(this.db, this.projection, batch, (trx) => this.lease.fence(trx)));
        const waitMs = batch.length < maxBatchSize ? paceAfter(batch.length, pace) : 0;
        if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    } catch (error) {
      if (error instanceof LeaseLostError) {
        if (this.state === 'running') void this.fallBack();
        return;
      }
      await this.fail(error);
      await subscription.close();
    }
  }

  private async fail(error: unknown): Promise<void> {
    const position = error instanceof ProjectionFailure ? error.position : this.position + 1;
    const cause = error instanceof ProjectionFailure ? error.cause : error;
    const message = cause instanceof Error ? cause.message : String(cause);
    await recordFailure(this.db, this.projection.name, { position, error: message }).catch(() => undefined);
    // Events before the culprit were committed one by one: report the position they reached.
    this.advance(startOf(await readCheckpoint(this.db, this.projection.name).catch(() => undefined)));
    clearTimeout(this.timer);
    this.state = 'failed';
    this.failure = { position, error: message };
    this.logger.error(`Projection ${this.projection.name} stopped at position ${position}: ${message}`, {
      projection: this.projection.name,
      position,
    });
  }

  private advance(position: number): void {
    this.position = Math.max(this.position, position);
    for (const waiter of [...this.waiters]) {
      if (waiter.position <= this.position) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
