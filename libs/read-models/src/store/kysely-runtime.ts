import { createRequire } from 'node:module';
import type * as K from 'kysely';

/**
 * Kysely's values, from its CommonJS build. Imported as ESM, kysely is ~260 files, each through
 * Node 20's ESM loader (resolved, opened and read asynchronously, then linked); required as
 * CommonJS the same files load synchronously. The server's start, spawn to `/health` on the S
 * store with builds taking turns (`bench/tools/startup-runs.ts`, 8 starts a side twice): 1,545 →
 * 1,457 and 1,599 → 1,492 ms. Every value import of kysely goes through here, so one copy is
 * loaded; types still come from `'kysely'` (erased at build).
 */
const kysely = createRequire(import.meta.url)('kysely') as typeof K;

export const { CompiledQuery, Migrator, PostgresDialect, SqliteAdapter, SqliteDialect, SqliteIntrospector, SqliteQueryCompiler, sql } = kysely;
export const Kysely = kysely.Kysely;
// The values its importers also use as types: the type shares the name, as an import of the class would give.
export type Kysely<DB> = K.Kysely<DB>;
export type CompiledQuery<O = unknown> = K.CompiledQuery<O>;
export type SqliteAdapter = K.SqliteAdapter;
export type SqliteIntrospector = K.SqliteIntrospector;
export type SqliteQueryCompiler = K.SqliteQueryCompiler;
