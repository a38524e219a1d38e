import { Global, Inject, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { CASE_POLICIES, EVENT_STORE, PROJECTION_HOST, READ_MODEL_DB, READ_MODEL_QUERY_DB, type CasePolicies } from '#casetrail/application';
import type { EventStore } from '#casetrail/event-store';
import {
  ALL_PROJECTIONS,
  allReadModelMigrations,
  migrateReadModels,
  openReadModelDb,
  openReadModelQueryDb,
  ProjectionHost,
  type ReadModelDb,
  type ReadModelDbConfig,
  type RunnerLogger,
  type RunningProjections,
} from '#casetrail/read-models';
import { CheckpointWriterModule } from './checkpoints/checkpoint-writer.module.js';
import { closingOnStop, openProcessManagerDb, warrantyProcessManager } from './process-managers/index.js';
import { WorkerProjectionHost } from './worker/worker-projection-host.js';

/**
 * Where the projections run: `inline` on this process's thread; `worker` on a worker thread of
 * this process (needs the SQLite event store's file and the built code); `off` nowhere (API
 * replicas of the production profile, whose projections run in apps/projector).
 */
export type ProjectionMode = 'inline' | 'worker' | 'off';

export interface ProjectorOptions {
  readonly readModelDb: ReadModelDbConfig;
  readonly projections: ProjectionMode;
  /** The SQLite event store's file and the data folder (checkpoints, their key), for `worker`. */
  readonly eventsFile?: string;
  readonly dataDir?: string;
  /** Threads the read API's queries run on, on SQLite (0: this process's own thread). */
  readonly queryThreads?: number;
  /** Nice levels the `worker` thread runs below this process's own thread (0: level with it). */
  readonly projectionNice?: number;
}

/**
 * The read-model database and the projections that keep it current. In the embedded profile the
 * API process imports it with projections `worker` (or `inline`), so one `npm start` does everything.
 */
@Global()
@Module({})
export class ProjectorModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');

  constructor(
    @Inject(PROJECTION_HOST) private readonly host: RunningProjections,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(READ_MODEL_QUERY_DB) private readonly queryDb: ReadModelDb,
    @Inject('PROJECTOR_OPTIONS') private readonly options: ProjectorOptions,
  ) {}

  static forRoot(options: ProjectorOptions): DynamicModule {
    return {
      module: ProjectorModule,
      // With projections on a worker thread, the worker writes the checkpoints too: catching up on
      // millions of events at the first start must not take the API's thread.
      imports: [CheckpointWriterModule.forRoot({ run: options.projections === 'inline' })],
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
          provide: READ_MODEL_QUERY_DB,
          // After READ_MODEL_DB: the query threads open the file once it has migrated. They start with the first queries.
          inject: [READ_MODEL_DB],
          useFactory: (db: ReadModelDb) => openReadModelQueryDb(options.readModelDb, db, options.queryThreads ?? 0),
        },
        {
          provide: PROJECTION_HOST,
          inject: [EVENT_STORE, READ_MODEL_DB, CASE_POLICIES],
          // The process managers ride along with the projections: same subscription, checkpoints, leases and health.
          useFactory: async (store: EventStore, db: ReadModelDb, policies: CasePolicies): Promise<RunningProjections> => {
            const logger: RunnerLogger = { error: (message, context) => new Logger('Projections').error({ msg: message, ...context }) };
            const warranty = warrantyProcessManager(store, policies.warranty);
            if (options.projections !== 'worker') return new ProjectionHost([...ALL_PROJECTIONS, warranty], store, db, logger);
            if (!options.eventsFile || !options.dataDir) throw new Error('CASETRAIL_PROJECTIONS=worker needs the SQLite event store (EVENT_STORE=sqlite)');
            // The process manager appends through this thread's store (sealing, group commit): it stays here.
            const pmDb = await openProcessManagerDb(options.dataDir, db, [warranty.name]);
            const local = closingOnStop(new ProjectionHost([warranty], store, pmDb, logger), pmDb);
            const workerLog = new Logger('ProjectionWorker');
            return new WorkerProjectionHost(ALL_PROJECTIONS.map((p) => p.name), { eventsFile: options.eventsFile, dataDir: options.dataDir, readModelDb: options.readModelDb, nice: options.projectionNice ?? 0 }, local, {
              error: (message, context) => workerLog.error({ msg: message, ...context }),
              log: (message) => workerLog.log(message),
              debug: (message) => workerLog.debug(message),
            });
          },
        },
      ],
      exports: [READ_MODEL_DB, READ_MODEL_QUERY_DB, PROJECTION_HOST],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.projections === 'off') return;
    await this.host.start();
    this.logger.log(`Projections running: ${this.host.statuses().map((s) => `${s.name}@${s.position}`).join(', ') || 'none'}`);
  }

  /** Projections stop before the event store closes, so no subscription dies mid-read. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.host.stop();
    if (this.queryDb !== this.db) await this.queryDb.destroy();
    await this.db.destroy();
  }
}
