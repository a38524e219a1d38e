import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from '../store/kysely-runtime.js';
import pg from 'pg';
import { allReadModelMigrations } from '../projections.js';
import { DEFAULT_DATABASE_URL } from '../store/read-model-config.js';
import { migrateReadModels, type Migrations } from '../store/migrations.js';
import { openReadModelDb, type ReadModelDb } from '../store/read-model-database.js';

export interface TestReadModelDb {
  readonly db: ReadModelDb;
  readonly kind: 'sqlite' | 'postgres';
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated read-model database for one test: a temp SQLite file, or — when the suite
 * runs with `READ_MODEL_DB=postgres` (`npm run test:postgres`) — a schema of its own in the real
 * PostgreSQL at `DATABASE_URL`, dropped afterwards. The same tests run against both.
 */
export async function testReadModelDb(migrations: Migrations = allReadModelMigrations()): Promise<TestReadModelDb> {
  if (process.env['READ_MODEL_DB'] === 'postgres') {
    const url = process.env['DATABASE_URL'] || DEFAULT_DATABASE_URL;
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    const db = new Kysely<any>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` }) }),
    });
    try {
      await migrateReadModels(db, migrations, schema);
    } catch (error) {
      await db.destroy();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
      throw error;
    }
    return {
      db,
      kind: 'postgres',
      dispose: async () => {
        await db.destroy();
        await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
        await admin.destroy();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'casetrail-rm-'));
  const db = openReadModelDb({ kind: 'sqlite', file: join(dir, 'read-models.sqlite') });
  await migrateReadModels(db, migrations);
  return {
    db,
    kind: 'sqlite',
    dispose: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
