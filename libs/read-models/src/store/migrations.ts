import type { Migration } from 'kysely';
import { Migrator } from './kysely-runtime.js';
import type { ReadModelDb } from './read-model-database.js';

export type Migrations = Readonly<Record<string, Migration>>;

/**
 * Applies every read model's migrations in name order. Names are prefixed with the read model
 * (`case-summary/0001_create`) so each read model owns its own sequence.
 */
export async function migrateReadModels(db: ReadModelDb, migrations: Migrations, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    migrationTableName: 'read_model_migrations',
    migrationLockTableName: 'read_model_migrations_lock',
    // On PostgreSQL the bookkeeping tables must live in the schema being migrated; without it
    // Kysely looks for them across every schema on the search path.
    ...(schema ? { migrationTableSchema: schema } : {}),
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Read-model migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
