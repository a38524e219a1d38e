import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '../../contract/contract-fixtures.js';
import { SqliteEventStore } from '../../sqlite/sqlite-event-store.js';
import { steppingClock } from '../../sqlite/testing/temp-store-file.js';
import { loadCheckpointKeys, type CheckpointKeys } from '../checkpoint-key.js';
import { CheckpointStore, checkpointsFileIn } from '../checkpoint-store.js';
import { CheckpointWriter, type CheckpointWriterOptions } from '../checkpoint-writer.js';

/** A data folder with an event store, a generated key and a checkpoint file, as the embedded profile has. */
export class CheckpointedStore {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'casetrail-checkpoints-'));
  readonly eventsFile = join(this.dataDir, 'events.sqlite');
  readonly keys: CheckpointKeys = loadCheckpointKeys({ dataDir: this.dataDir, generateIfMissing: true });
  store = SqliteEventStore.open(this.eventsFile, { clock: steppingClock() });
  checkpoints = CheckpointStore.open(checkpointsFileIn(this.dataDir));

  /** Appends `streams` streams of `perStream` events each, interleaved so streams spread over the global order. */
  async append(streams: number, perStream: number, prefix = 'ServiceCase-s'): Promise<void> {
    for (let revision = 0; revision < perStream; revision += 1) {
      for (let s = 0; s < streams; s += 1) {
        await this.store.appendToStream(`${prefix}${s}`, [newEvent('Tested.v1', { s, revision })], {
          expectedRevision: revision === 0 ? 'no-stream' : revision - 1,
        });
      }
    }
  }

  writer(options: CheckpointWriterOptions = {}): CheckpointWriter {
    return new CheckpointWriter(this.store, this.checkpoints, this.keys, { onError: (e) => { throw e; }, ...options });
  }

  /** Starts a writer, lets it read everything stored, and stops it (writing the last checkpoint). */
  async runWriter(options: CheckpointWriterOptions = {}): Promise<void> {
    const writer = this.writer(options);
    writer.start();
    await writer.waitFor(await this.store.headPosition());
    await writer.stop();
  }

  async reopen(): Promise<void> {
    await this.store.close();
    this.checkpoints.close();
    this.store = SqliteEventStore.open(this.eventsFile, { clock: steppingClock(Date.parse('2026-04-01T00:00:00Z')) });
    this.checkpoints = CheckpointStore.open(checkpointsFileIn(this.dataDir));
  }

  async dispose(): Promise<void> {
    await this.store.close();
    this.checkpoints.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
