import { statSync } from 'node:fs';
import { join } from 'node:path';
import { checkpointSignatureValid } from './checkpoint.js';
import { CHECKPOINT_KEY_FILE, CHECKPOINT_PUBLIC_KEY_FILE, loadCheckpointKeys } from './checkpoint-key.js';
import { advance, GENESIS_STATE } from './running-digest.js';
import { CheckpointedStore } from './testing/checkpointed-store.js';

describe('the checkpoint writer', () => {
  let t: CheckpointedStore;
  beforeEach(() => (t = new CheckpointedStore()));
  afterEach(() => t.dispose());

  it('signs a checkpoint every N events with the running digest at that position', async () => {
    await t.append(5, 5);
    const writer = t.writer({ everyEvents: 10 });
    writer.start();
    await writer.waitFor(25);
    const checkpoints = t.checkpoints.all();
    expect(checkpoints.map((c) => [c.seq, c.position, c.eventCount])).toEqual([[1, 10, 10], [2, 20, 20]]);
    const all = await t.store.readAll();
    expect(checkpoints[1]!.digest).toBe(all.slice(0, 20).reduce(advance, GENESIS_STATE).digest);
    expect(checkpoints.every((c) => checkpointSignatureValid(c, t.keys.publicKey))).toBe(true);
    await writer.stop();
    expect(t.checkpoints.last()).toMatchObject({ seq: 3, position: 25 });
  });

  it('writes nothing on a timer or at stop when no event came since the last checkpoint', async () => {
    await t.append(2, 5);
    await t.runWriter({ everyEvents: 10 });
    const writer = t.writer({ everyEvents: 10 });
    writer.start();
    expect(writer.checkpointIfPending()).toBeNull();
    await writer.stop();
    expect(t.checkpoints.all()).toHaveLength(1);
  });

  it('checkpoints on the timer once new events exist, before N is reached', async () => {
    await t.append(1, 3);
    const written = new Promise((resolve) => {
      const writer = t.writer({ everyEvents: 1000, everyMs: 20, onCheckpoint: (cp) => void writer.stop().then(() => resolve(cp)) });
      writer.start();
    });
    expect(await written).toMatchObject({ seq: 1, position: 3 });
  });

  it('resumes after a restart from the digest of its last checkpoint, reading only the events since', async () => {
    await t.append(4, 5);
    await t.runWriter({ everyEvents: 7 });
    await t.reopen();
    await t.append(4, 3, 'ProductUnit-u');
    const reads: number[] = [];
    const readAll = t.store.readAll.bind(t.store);
    t.store.readAll = async (options) => {
      reads.push(options?.after ?? 0);
      return readAll(options);
    };
    await t.runWriter({ everyEvents: 7 });
    expect(Math.min(...reads)).toBe(20);
    t.store.readAll = readAll;
    const last = t.checkpoints.last()!;
    expect(last).toMatchObject({ position: 32, eventCount: 32 });
    expect(last.digest).toBe((await t.store.readAll()).reduce(advance, GENESIS_STATE).digest);
  });

  it('keeps a generated key private to its owner and publishes the public half', () => {
    expect(statSync(join(t.dataDir, CHECKPOINT_KEY_FILE)).mode & 0o777).toBe(0o600);
    const again = loadCheckpointKeys({ dataDir: t.dataDir, generateIfMissing: true });
    expect(again).toMatchObject({ keyId: t.keys.keyId, generated: false });
    expect(statSync(join(t.dataDir, CHECKPOINT_PUBLIC_KEY_FILE)).isFile()).toBe(true);
  });

  it('refuses to run without a key outside the embedded profile', () => {
    expect(() => loadCheckpointKeys({ dataDir: join(t.dataDir, 'elsewhere'), generateIfMissing: false })).toThrow(/CASETRAIL_CHECKPOINT_KEY/);
  });
});
