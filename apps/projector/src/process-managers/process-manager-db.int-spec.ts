import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  allReadModelMigrations,
  migrateReadModels,
  openReadModelDb,
  readCheckpoint,
  recordFailure,
  writeCheckpoint,
  type ReadModelDb,
  type RunningProjections,
} from '#casetrail/read-models';
import { closingOnStop, openProcessManagerDb } from './process-manager-db.js';

describe('openProcessManagerDb', () => {
  let dir: string;
  let readModels: ReadModelDb;
  const opened: ReadModelDb[] = [];
  const open = async (names: string[]) => {
    const db = await openProcessManagerDb(dir, readModels, names);
    opened.push(db);
    return db;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casetrail-pm-db-'));
    readModels = openReadModelDb({ kind: 'sqlite', file: join(dir, 'read-models.sqlite') });
    await migrateReadModels(readModels, allReadModelMigrations());
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.destroy()));
    await readModels.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts a process manager from the checkpoint it left in the read-model file', async () => {
    await writeCheckpoint(readModels, 'pm', 42);
    const db = await open(['pm', 'new-pm']);
    expect((await readCheckpoint(db, 'pm'))?.position).toBe(42);
    expect(await readCheckpoint(db, 'new-pm')).toBeUndefined();
  });

  it('keeps its own checkpoint once it has one, and never writes to the read-model file', async () => {
    await writeCheckpoint(readModels, 'pm', 42);
    await writeCheckpoint(await open(['pm']), 'pm', 50);
    await opened.pop()!.destroy();
    expect((await readCheckpoint(await open(['pm']), 'pm'))?.position).toBe(50);
    expect((await readCheckpoint(readModels, 'pm'))?.position).toBe(42);
  });

  it('does not carry over a failed checkpoint: the failure is looked at again from the start', async () => {
    await recordFailure(readModels, 'pm', { position: 7, error: 'boom' });
    expect(await readCheckpoint(await open(['pm']), 'pm')).toBeUndefined();
  });

  it('closes its file when the host it serves stops', async () => {
    const db = await openProcessManagerDb(dir, readModels, []);
    const stopped: string[] = [];
    const host: RunningProjections = { start: async () => {}, statuses: () => [], waitFor: async () => {}, stop: async () => void stopped.push('host') };
    await closingOnStop(host, db).stop();
    expect(stopped).toEqual(['host']);
    await expect(readCheckpoint(db, 'pm')).rejects.toThrow(/destroyed/);
  });
});
