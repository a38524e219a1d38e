import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from '../store/kysely-runtime.js';
import { caseStreamId } from '#casetrail/domain';
import { SqliteEventStore } from '#casetrail/event-store';
import { appendGenerated, toNewEvents } from '../../../../bench/generator/append-generated.js';
import { generateCases } from '../../../../bench/generator/case-generator.js';
import { ALL_PROJECTIONS, allReadModelMigrations } from '../projections.js';
import { migrateReadModels } from '../store/migrations.js';
import { openReadModelDb, type ReadModelDb } from '../store/read-model-database.js';
import { applyBatch, ProjectionFailure } from './apply-batch.js';
import { readCheckpoint } from './checkpoints.js';
import { rebuildReadModelFile, ReadModelFileInUseError } from './rebuild-file.js';
import type { RebuildProgress } from './rebuild.js';
import { digestProjection, type TableDigest } from './table-digest.js';

const digestAll = async (db: ReadModelDb): Promise<TableDigest[]> => (await Promise.all(ALL_PROJECTIONS.map((p) => digestProjection(db, p)))).flat();

const schemaOf = async (db: ReadModelDb): Promise<string[]> =>
  (await sql<{ name: string }>`select type || ' ' || name as name from sqlite_master order by name`.execute(db)).rows.map((r) => r.name);

describe('rebuilding the embedded read-model file', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let live: TableDigest[];
  let schema: string[];

  /** Opens the read-model file, runs `read` on it and closes it again, as the service would leave it. */
  const inspect = async <T>(read: (db: ReadModelDb) => Promise<T>): Promise<T> => {
    const db = openReadModelDb({ kind: 'sqlite', file });
    try {
      return await read(db);
    } finally {
      await db.destroy();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casetrail-rebuild-file-'));
    file = join(dir, 'read-models.sqlite');
    store = SqliteEventStore.open(join(dir, 'events.sqlite'), { clock: { now: () => Date.now() } });
    for (const generated of generateCases(60, { seed: 5, start: Date.parse('2026-06-01T00:00:00Z'), spanDays: 10 })) await appendGenerated(store, generated);
    const events = await store.readAll();
    [live, schema] = await inspect(async (db) => {
      await migrateReadModels(db, allReadModelMigrations());
      for (const projection of ALL_PROJECTIONS) {
        for (let i = 0; i < events.length; i += 9) await applyBatch(db, projection, events.slice(i, i + 9));
      }
      return [await digestAll(db), await schemaOf(db)];
    });
  }, 60_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the file with one holding the live rows, every index, and every checkpoint at the head', async () => {
    expect(live.find((d) => d.table === 'sla_clocks')!.rows).toBeGreaterThan(0);
    await rebuildReadModelFile(store, file, undefined, { batchSize: 40 });
    const head = await store.headPosition();
    await inspect(async (db) => {
      expect(await digestAll(db)).toEqual(live);
      expect(await schemaOf(db)).toEqual(schema);
      for (const projection of ALL_PROJECTIONS) expect((await readCheckpoint(db, projection.name))?.position).toBe(head);
      expect((await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)).rows[0]!.journal_mode).toBe('wal');
    });
    expect(existsSync(`${file}.rebuilding`)).toBe(false);
  }, 60_000);

  it('rebuilds the same file with some projections on a second thread that reads the events file itself', async () => {
    const progress: RebuildProgress[] = [];
    await rebuildReadModelFile(store, file, (p) => progress.push(p), { batchSize: 40, eventsFile: join(dir, 'events.sqlite') });
    const head = await store.headPosition();
    await inspect(async (db) => {
      expect(await digestAll(db)).toEqual(live);
      expect(await schemaOf(db)).toEqual(schema);
      for (const projection of ALL_PROJECTIONS) expect((await readCheckpoint(db, projection.name))?.position).toBe(head);
      expect((await sql<{ name: string }>`select name from sqlite_master where name = 'rebuild_deferred_indexes'`.execute(db)).rows).toEqual([]);
      // The part's tables arrive with the indexes it built: each index must hold exactly its table's rows.
      expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows).toEqual([{ integrity_check: 'ok' }]);
    });
    // The progress covers both threads' projections and ends at the head.
    expect(Object.keys(progress[progress.length - 1]!.applyMs).sort()).toEqual(ALL_PROJECTIONS.map((p) => p.name).sort());
    expect(progress[progress.length - 1]!.position).toBe(head);
    expect(progress.every((p, i) => i === 0 || p.events >= progress[i - 1]!.events)).toBe(true);
    expect(existsSync(`${file}.rebuilding`) || existsSync(`${file}.rebuilding.part`)).toBe(false);
  }, 60_000);

  it('fails with the projection and position the second thread stopped on, and leaves no file behind', async () => {
    const other = mkdtempSync(join(tmpdir(), 'casetrail-rebuild-part-'));
    const broken = SqliteEventStore.open(join(other, 'events.sqlite'), { clock: { now: () => Date.now() } });
    try {
      // A case without its report: the SLA and case-summary projections refuse it; audit and product units do not.
      const part = ['sla', 'case-summary', 'complaints', 'satisfaction'];
      const [generated] = generateCases(1, { seed: 9, start: Date.parse('2026-06-01T00:00:00Z'), spanDays: 2 });
      await broken.appendToStream(caseStreamId(generated!.caseId), toNewEvents(generated!).slice(1), { expectedRevision: 'no-stream' });
      const target = join(other, 'read-models.sqlite');
      const failure = await rebuildReadModelFile(broken, target, undefined, { eventsFile: join(other, 'events.sqlite'), part }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ProjectionFailure);
      expect(part).toContain((failure as ProjectionFailure).projection);
      expect((failure as ProjectionFailure).position).toBe(1);
      expect(existsSync(target) || existsSync(`${target}.rebuilding`) || existsSync(`${target}.rebuilding.part`)).toBe(false);
    } finally {
      await broken.close();
      rmSync(other, { recursive: true, force: true });
    }
  }, 60_000);

  it('leaves the old file as it was when the rebuild stops part-way, and starts the new file over next time', async () => {
    // Rows the rebuild does not write: if the old file were touched, they would be gone.
    await inspect((db) => sql`update case_summary set status = 'untouched'`.execute(db));
    const before = await inspect(digestAll);
    const stop = new Error('stopped');
    await expect(
      rebuildReadModelFile(store, file, () => {
        throw stop;
      }, { batchSize: 40 }),
    ).rejects.toBe(stop);
    expect(await inspect(digestAll)).toEqual(before);
    expect(existsSync(`${file}.rebuilding`)).toBe(false);

    writeFileSync(`${file}.rebuilding`, 'what a killed rebuild left');
    await rebuildReadModelFile(store, file, undefined, { batchSize: 40 });
    expect(await inspect(digestAll)).toEqual(live);
  }, 60_000);

  it('refuses to replace a file another connection holds open, and leaves it as it was', async () => {
    const service = new Database(file);
    service.pragma('journal_mode = WAL');
    try {
      await expect(rebuildReadModelFile(store, file)).rejects.toBeInstanceOf(ReadModelFileInUseError);
    } finally {
      service.close();
    }
    expect(await inspect(digestAll)).toEqual(live);
    expect(existsSync(`${file}.rebuilding`)).toBe(false);
  }, 60_000);

  it('refuses to replace the file when another connection opened it while the rebuild ran', async () => {
    let service: Database.Database | undefined;
    const opening = (): void => {
      if (service) return;
      service = new Database(file);
      service.pragma('journal_mode = WAL');
    };
    try {
      await expect(rebuildReadModelFile(store, file, opening, { batchSize: 40 })).rejects.toBeInstanceOf(ReadModelFileInUseError);
    } finally {
      service?.close();
    }
    expect(service).toBeDefined();
    expect(await inspect(digestAll)).toEqual(live);
    expect(existsSync(`${file}.rebuilding`)).toBe(false);
  }, 60_000);

  it('takes in the log a crashed process left behind, rather than taking it for a running service', async () => {
    const crash = `const db = new (require('better-sqlite3'))(process.argv[1]); db.prepare("update case_summary set status = 'crashed'").run(); process.exit(0);`;
    expect(spawnSync(process.execPath, ['-e', crash, file]).status).toBe(0);
    expect(existsSync(`${file}-wal`)).toBe(true);
    await rebuildReadModelFile(store, file);
    expect(await inspect(digestAll)).toEqual(live);
  }, 60_000);

  it('creates the file when there is none', async () => {
    rmSync(file);
    await rebuildReadModelFile(store, file);
    expect(await inspect(digestAll)).toEqual(live);
  }, 60_000);
});
