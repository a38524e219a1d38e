import type { Transaction } from 'kysely';
import type { Projection, ProjectedEvent } from '../runtime/projection.js';
import { selectIn } from '../store/select-in.js';
import { writeChangedRows } from '../store/write-rows.js';
import { evolveCaseSummary } from './case-summary.evolve.js';
import { CASE_SUMMARY_TABLE, caseSummaryMigrations, type CaseSummaryRow } from './case-summary.tables.js';

/** PostgreSQL hands bigint back as a string. */
const fromDb = (row: CaseSummaryRow): CaseSummaryRow => ({ ...row, position: Number(row.position) });

async function loadRows(trx: Transaction<any>, caseIds: readonly string[]): Promise<Map<string, CaseSummaryRow>> {
  const found = await selectIn<CaseSummaryRow>(trx, CASE_SUMMARY_TABLE, 'case_id', caseIds);
  return new Map(found.map((row) => [row.case_id, fromDb(row)]));
}

/**
 * The case-summary projection: loads the rows a batch touches once, folds the batch in memory with
 * the pure `evolveCaseSummary`, and writes each changed row once, in the columns that changed.
 */
export const caseSummaryProjection: Projection = {
  name: 'case-summary',
  tables: [{ name: CASE_SUMMARY_TABLE, key: ['case_id'] }],
  migrations: caseSummaryMigrations,
  async apply(trx, events: readonly ProjectedEvent[]) {
    const caseEvents = events.filter((e) => e.caseEvent !== null);
    if (caseEvents.length === 0) return;
    const stored = await loadRows(trx, [...new Set(caseEvents.map((e) => e.caseEvent!.data.caseId))]);
    const rows = new Map(stored);
    const changed = new Map<string, CaseSummaryRow>();
    for (const { recorded, caseEvent } of caseEvents) {
      const id = caseEvent!.data.caseId;
      const before = rows.get(id);
      const after = evolveCaseSummary(before, caseEvent!, recorded);
      if (after !== before) {
        rows.set(id, after);
        changed.set(id, after);
      }
    }
    await writeChangedRows(trx, CASE_SUMMARY_TABLE, ['case_id'], [...changed.values()], (row) => stored.get(row.case_id));
  },
};
