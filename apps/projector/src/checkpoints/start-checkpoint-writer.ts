import { CheckpointStore, CheckpointWriter, checkpointsFileIn, loadCheckpointKeys, type EventStore } from '#casetrail/event-store';
import { loadCheckpointConfig } from './checkpoint-config.js';

export interface CheckpointLog {
  log(message: string): void;
  debug(message: string): void;
  error(message: string): void;
}

export interface RunningCheckpointWriter {
  readonly writer: CheckpointWriter;
  stop(): Promise<void>;
}

/**
 * Starts the signed-checkpoint writer over `store` as configured by the environment (see
 * `loadCheckpointConfig`), or returns `null` when checkpoints are off or no key can be had. Used
 * by the Nest host (inline, projector process) and by the projection worker thread.
 */
export function startCheckpointWriter(store: EventStore, dataDir: string, env: NodeJS.ProcessEnv, log: CheckpointLog): RunningCheckpointWriter | null {
  const config = loadCheckpointConfig(env, dataDir);
  if (!config.enabled) return null;
  let keys;
  try {
    keys = loadCheckpointKeys(config.key);
  } catch (error) {
    log.error(`Checkpoints are OFF, a deleted tail or stream will go unnoticed: ${(error as Error).message}`);
    return null;
  }
  if (keys.generated) log.log(`Generated the checkpoint signing key (id ${keys.keyId}) in ${dataDir}; its public key:\n${keys.publicKeyPem}`);
  const checkpoints = CheckpointStore.open(checkpointsFileIn(dataDir));
  const writer = new CheckpointWriter(store, checkpoints, keys, {
    everyEvents: config.everyEvents,
    everyMs: config.everyMs,
    onCheckpoint: (cp) => log.debug(`Checkpoint ${cp.seq} at position ${cp.position}`),
    onError: (error) => log.error(`The checkpoint writer stopped: ${error instanceof Error ? error.stack : String(error)}`),
  });
  writer.start();
  return {
    writer,
    stop: async () => {
      try {
        await writer.stop();
      } finally {
        checkpoints.close();
      }
    },
  };
}
