import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from './kysely-runtime.js';
import { PAGE_CACHE_KIB } from '#casetrail/event-store';
import { openReadModelDb } from './read-model-database.js';

describe('the SQLite read-model database', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'casetrail-rm-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the write lock when a transaction begins, so another connection cannot commit between its read and its write', async () => {
    const file = join(dir, 'read-models.sqlite');
    const db = openReadModelDb({ kind: 'sqlite', file });
    const other = new Database(file);
    other.pragma('busy_timeout = 0');
    try {
      await sql`create table t (n integer)`.execute(db);
      await db.transaction().execute(async (trx) => {
        await sql`select count(*) from t`.execute(trx);
        // Deferred, this would succeed and the write below would then fail with SQLITE_BUSY.
        expect(() => other.prepare('insert into t values (1)').run()).toThrow(/locked|busy/i);
        await sql`insert into t values (2)`.execute(trx);
      });
      expect(other.prepare('select n from t').all()).toEqual([{ n: 2 }]);
    } finally {
      other.close();
      await db.destroy();
    }
  });

  it("bounds its page cache, so the server's memory does not grow with the file (better-sqlite3's default is 16 MB)", async () => {
    const db = openReadModelDb({ kind: 'sqlite', file: join(dir, 'read-models.sqlite') });
    try {
      const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
      expect(rows).toEqual([{ cache_size: -PAGE_CACHE_KIB }]);
      expect(PAGE_CACHE_KIB).toBeLessThan(16_000);
    } finally {
      await db.destroy();
    }
  });
});
