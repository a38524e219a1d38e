import { Global, Inject, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { CASE_POLICIES, EVENT_STORE, PROJECTION_HOST, READ_MODEL_DB, type CasePolicies } from '#casetrail/application';
import type { EventStore } from '#casetrail/event-store';
import {
  ALL_PROJECTIONS,
  allReadModelMigrations,
  migrateReadModels,
  openReadModelDb,
  ProjectionHost,
  type ReadModelDb,
  type ReadModelDbConfig,
} from '#casetrail/read-models';
import { CheckpointWriterModule } from './checkpoints/checkpoint-writer.module.js';
import { warrantyProcessManager } from './process-managers/index.js';

export interface ProjectorOptions {
  readonly readModelDb: ReadModelDbConfig;
  /** Run the projections here (embedded and projector processes) or only serve queries (API replicas). */
  readonly runProjections: boolean;
}

/**
 * The read-model database and the projections that keep it current. In the embedded profile the
 * API process imports it with `runProjections: true`, so one `npm start` does everything.
 */
@Global()
@Module({})
export class ProjectorModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');

  constructor(
    @Inject(PROJECTION_HOST) private readonly host: ProjectionHost,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject('PROJECTOR_OPTIONS') private readonly options: ProjectorOptions,
  ) {}

  static forRoot(options: ProjectorOptions): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [CheckpointWriterModule.forRoot({ run: options.runProjections })],
      providers: [
        { provide: 'PROJECTOR_OPTIONS', useValue: options },
        {
          provide: READ_MODEL_DB,
          useFactory: async () => {
            const db = openReadModelDb(options.readModelDb);
            await migrateReadModels(db, allReadModelMigrations());
            return db;
          },
        },
        {
          provide: PROJECTION_HOST,
          inject: [EVENT_STORE, READ_MODEL_DB, CASE_POLICIES],
          // The process managers ride along with the projections: same subscription, checkpoints, leases and health.
          useFactory: (store: EventStore, db: ReadModelDb, policies: CasePolicies) =>
            new ProjectionHost([...ALL_PROJECTIONS, warrantyProcessManager(store, policies.warranty)], store, db, {
              error: (message, context) => new Logger('Projections').error({ msg: message, ...context }),
            }),
        },
      ],
      exports: [READ_MODEL_DB, PROJECTION_HOST],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.runProjections) return;
    await this.host.start();
    this.logger.log(`Projections running: ${this.host.statuses().map((s) => `${s.name}@${s.position}`).join(', ') || 'none'}`);
  }

  /** Projections stop before the event store closes, so no subscription dies mid-read. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.host.stop();
    await this.db.destroy();
  }
}
