import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE } from '#casetrail/application';
import type { CheckpointWriter, EventStore } from '#casetrail/event-store';
import { APP_CONFIG, loadConfig, type AppConfig } from '../../../api/src/platform/index.js';
import { startCheckpointWriter, type RunningCheckpointWriter } from './start-checkpoint-writer.js';

export const CHECKPOINT_WRITER_OPTIONS = Symbol('CHECKPOINT_WRITER_OPTIONS');

/**
 * Runs the checkpoint writer where the projections run on this thread: in the API process
 * (`inline`) or in the projector (production); with projections on a worker thread, the worker
 * runs it. It stops before the event store closes and signs what it saw last.
 */
@Injectable()
export class CheckpointWriterHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Checkpoints');
  private started: RunningCheckpointWriter | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CHECKPOINT_WRITER_OPTIONS) private readonly options: { readonly run: boolean },
    // The projector process has no HTTP platform, so no APP_CONFIG: it reads the same variables itself.
    @Optional() @Inject(APP_CONFIG) private readonly appConfig?: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.run) return;
    const dataDir = (this.appConfig ?? loadConfig(process.env)).dataDir;
    this.started = startCheckpointWriter(this.store, dataDir, process.env, {
      log: (message) => this.logger.log(message),
      debug: (message) => this.logger.debug(message),
      error: (message) => this.logger.error(message),
    });
  }

  /** For tests and health: the writer once it runs. */
  get running(): CheckpointWriter | null {
    return this.started?.writer ?? null;
  }

  async beforeApplicationShutdown(): Promise<void> {
    const running = this.started;
    this.started = null;
    await running?.stop();
  }
}
