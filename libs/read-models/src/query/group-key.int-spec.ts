import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import { Kysely, SqliteDialect } from '../store/kysely-runtime.js';
import { COMPLAINT_GROUP_BYS, summarizeComplaints } from '../complaints/complaints-summary.queries.js';
import { allReadModelMigrations } from '../projections.js';
import { SATISFACTION_GROUP_BYS, summarizeSatisfaction } from '../satisfaction/satisfaction-summary.queries.js';
import { SLA_GROUP_BYS, summarizeSla } from '../sla/sla-summary.queries.js';
import { migrateReadModels } from '../store/migrations.js';
import { openReadModelDb } from '../store/read-model-database.js';

const NOW = '2026-03-04T05:00:00.000Z';

/**
 * Every grouped summary, on SQLite: none may walk a whole index of the grouped column (`SCAN t USING
 * INDEX`), which reads every row through the index one at a time (`groupKey`); reading a covering
 * index alone (`USING COVERING INDEX`) is the fast way. The tables are empty; SQLite's planner
 * chooses the same plans for them as for millions of rows.
 */
describe('the summaries group without walking an index of the grouped column (SQLite)', () => {
  let dir: string;
  let raw: Database.Database;
  let logged: Kysely<any>;
  const queries: CompiledQuery[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casetrail-group-key-'));
    const file = join(dir, 'read-models.sqlite');
    const db = openReadModelDb({ kind: 'sqlite', file });
    await migrateReadModels(db, allReadModelMigrations());
    await db.destroy();
    raw = new Database(file, { readonly: true });
    logged = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }), log: (event) => void (event.level === 'query' && queries.push(event.query)) });
  });
  afterAll(async () => {
    await logged.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const plansOf = async (summarise: () => Promise<unknown>): Promise<string[]> => {
    queries.length = 0;
    await summarise();
    return queries.map((q) => raw.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])).map((row) => (row as { detail: string }).detail).join(' | '));
  };

  it.each([
    ...SLA_GROUP_BYS.map((groupBy) => [`SLA by ${groupBy}`, () => summarizeSla(logged, { groupBy }, NOW)] as const),
    ...SATISFACTION_GROUP_BYS.map((groupBy) => [`satisfaction by ${groupBy}`, () => summarizeSatisfaction(logged, groupBy, {})] as const),
    ...COMPLAINT_GROUP_BYS.map((groupBy) => [`complaints by ${groupBy}`, () => summarizeComplaints(logged, groupBy, {})] as const),
  ])('%s', async (_, summarise) => {
    const plans = await plansOf(summarise);
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(plan).not.toMatch(/SCAN \w+ USING INDEX/);
  });
});
