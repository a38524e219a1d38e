import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE } from '#casetrail/application';
import { CheckpointStore, CheckpointWriter, checkpointsFileIn, loadCheckpointKeys, type EventStore } from '#casetrail/event-store';
import { APP_CONFIG, loadConfig, type AppConfig } from '../../../api/src/platform/index.js';
import { loadCheckpointConfig } from './checkpoint-config.js';

export const CHECKPOINT_WRITER_OPTIONS = Symbol('CHECKPOINT_WRITER_OPTIONS');

/**
 * Runs the checkpoint writer where the projections run: in the API process (embedded) or in the
 * projector (production). It stops before the event store closes and signs what it saw last.
 */
@Injectable()
export class CheckpointWriterHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Checkpoints');
  private writer: CheckpointWriter | null = null;
  private checkpoints: CheckpointStore | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CHECKPOINT_WRITER_OPTIONS) private readonly options: { readonly run: boolean },
    // The projector process has no HTTP platform, so no APP_CONFIG: it reads the same variables itself.
    @Optional() @Inject(APP_CONFIG) private readonly appConfig?: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const dataDir = (this.appConfig ?? loadConfig(process.env)).dataDir;
    const config = loadCheckpointConfig(process.env, dataDir);
    if (!this.options.run || !config.enabled) return;
    let keys;
    try {
      keys = loadCheckpointKeys(config.key);
    } catch (error) {
      this.logger.error(`Checkpoints are OFF, a deleted tail or stream will go unnoticed: ${(error as Error).message}`);
      return;
    }
    if (keys.generated) this.logger.log(`Generated the checkpoint signing key (id ${keys.keyId}) in ${dataDir}; its public key:\n${keys.publicKeyPem}`);
    this.checkpoints = CheckpointStore.open(checkpointsFileIn(dataDir));
    this.writer = new CheckpointWriter(this.store, this.checkpoints, keys, {
      everyEvents: config.everyEvents,
      everyMs: config.everyMs,
      onCheckpoint: (cp) => this.logger.debug(`Checkpoint ${cp.seq} at position ${cp.position}`),
      onError: (error) => this.logger.error(`The checkpoint writer stopped: ${error instanceof Error ? error.stack : String(error)}`),
    });
    this.writer.start();
  }

  /** For tests and health: the writer once it runs. */
  get running(): CheckpointWriter | null {
    return this.writer;
  }

  async beforeApplicationShutdown(): Promise<void> {
    try {
      await this.writer?.stop();
    } finally {
      this.checkpoints?.close();
      this.writer = this.checkpoints = null;
    }
  }
}
