import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { systemClock } from '#casetrail/domain';
import { CHECKPOINT_PUBLIC_KEY_FILE, CheckpointStore, checkpointsFileIn, SqliteEventStore, type EventStore } from '#casetrail/event-store';
import { allReadModelMigrations, migrateReadModels, openReadModelDb, readModelDbConfig, type ReadModelDb, type ReadModelDbConfig } from '#casetrail/read-models';

/** The stores of the embedded profile, found through CASETRAIL_DATA_DIR like the service finds them. */
export interface CliContext {
  readonly dataDir: string;
  readonly store: EventStore;
  /** Where the read models are (READ_MODEL_DB), for commands that work on the file itself. */
  readonly readModels: ReadModelDbConfig;
  readonly db: () => Promise<ReadModelDb>;
  /** The signed checkpoints beside the store, `null` when none were ever written. */
  readonly checkpoints: () => CheckpointStore | null;
  readonly eventsFile: string;
  /** Where the service publishes the checkpoint public key (`checkpoint-key.pub.pem`). */
  readonly publicKeyFile: string;
  close(): Promise<void>;
}

export function openCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const dataDir = resolve(env['CASETRAIL_DATA_DIR'] ?? './data');
  const file = join(dataDir, 'events.sqlite');
  if (!existsSync(file)) throw new Error(`No event store at ${file} (set CASETRAIL_DATA_DIR)`);
  const store = SqliteEventStore.open(file, { clock: systemClock });
  let db: ReadModelDb | undefined;
  let checkpoints: CheckpointStore | null | undefined;
  const readModels = readModelDbConfig(env, dataDir);
  return {
    dataDir,
    store,
    readModels,
    eventsFile: file,
    publicKeyFile: join(dataDir, CHECKPOINT_PUBLIC_KEY_FILE),
    checkpoints: () => (checkpoints === undefined ? (checkpoints = CheckpointStore.openExisting(checkpointsFileIn(dataDir))) : checkpoints),
    db: async () => {
      if (!db) {
        db = openReadModelDb(readModels);
        await migrateReadModels(db, allReadModelMigrations());
      }
      return db;
    },
    close: async () => {
      await db?.destroy();
      checkpoints?.close();
      await store.close();
    },
  };
}
