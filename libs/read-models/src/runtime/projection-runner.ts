import type { EventStore, EventSubscription } from '#casetrail/event-store';
import type { ReadModelDb } from '../store/read-model-database.js';
import { applyOrLocate, ProjectionFailure } from './apply-batch.js';
import { readCheckpoint, recordFailure, startOf } from './checkpoints.js';
import type { Projection } from './projection.js';

export type ProjectionState = 'starting' | 'running' | 'failed' | 'stopped';

export interface ProjectionStatus {
  readonly name: string;
  readonly state: ProjectionState;
  readonly position: number;
  readonly failedPosition?: number;
  readonly error?: string;
}

export interface RunnerLogger {
  error(message: string, context?: Record<string, unknown>): void;
}

/**
 * Keeps one projection up to date from the store's subscription, from its own checkpoint, in
 * batches. A failing event stops this projection only, recorded with its position and error.
 */
export class ProjectionRunner {
  private state: ProjectionState = 'starting';
  private position = 0;
  private failure?: { position: number; error: string };
  private subscription?: EventSubscription;
  private done?: Promise<void>;
  private readonly waiters = new Set<{ position: number; resolve: () => void }>();

  constructor(
    readonly projection: Projection,
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
    private readonly logger: RunnerLogger,
    private readonly maxBatchSize = 500,
  ) {}

  async start(): Promise<void> {
    // A projection that failed before is retried on start: the fix is usually a new deployment.
    this.position = startOf(await readCheckpoint(this.db, this.projection.name));
    this.state = 'running';
    this.subscription = this.store.subscribeToAll({ after: this.position, maxBatchSize: this.maxBatchSize });
    this.done = this.consume(this.subscription);
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
    if (this.state === 'running') this.state = 'stopped';
    await this.subscription?.close();
    await this.done;
  }

  private async consume(subscription: EventSubscription): Promise<void> {
    try {
      for await (const batch of subscription) {
        this.advance(await applyOrLocate(this.db, this.projection, batch));
      }
    } catch (error) {
      const position = error instanceof ProjectionFailure ? error.position : this.position + 1;
      const message = error instanceof ProjectionFailure && error.cause instanceof Error ? error.cause.message : String(error);
      await recordFailure(this.db, this.projection.name, { position, error: message }).catch(() => undefined);
      // Events before the culprit were committed one by one: report the position they reached.
      this.advance(startOf(await readCheckpoint(this.db, this.projection.name).catch(() => undefined)));
      this.stopOnFailure(position, message);
      await subscription.close();
    }
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

  private stopOnFailure(position: number, error: string): void {
    this.state = 'failed';
    this.failure = { position, error };
    this.logger.error(`Projection ${this.projection.name} stopped at position ${position}: ${error}`, {
      projection: this.projection.name,
      position,
    });
  }
}
