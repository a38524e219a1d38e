import type { EventStore } from '#casetrail/event-store';
import type { ReadModelDb } from '../store/read-model-database.js';
import type { Projection } from './projection.js';
import { ProjectionRunner, type ProjectionStatus, type RunnerLogger } from './projection-runner.js';

/** What the API, /health and /metrics see of the projections, on whichever thread they run. */
export interface RunningProjections {
  start(): Promise<void>;
  statuses(): ProjectionStatus[];
  /** Resolves once every projection has handled `position`. */
  waitFor(position: number): Promise<void>;
  stop(): Promise<void>;
}

/** Runs a set of projections side by side, each on its own subscription and checkpoint. */
export class ProjectionHost implements RunningProjections {
  private readonly runners: ProjectionRunner[];

  constructor(projections: readonly Projection[], store: EventStore, db: ReadModelDb, logger: RunnerLogger) {
    this.runners = projections.map((p) => new ProjectionRunner(p, store, db, logger));
  }

  async start(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.start()));
  }

  statuses(): ProjectionStatus[] {
    return this.runners.map((r) => r.status());
  }

  /** Resolves once every projection has handled `position`. */
  async waitFor(position: number): Promise<void> {
    await Promise.all(this.runners.map((r) => r.waitFor(position)));
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
  }
}
