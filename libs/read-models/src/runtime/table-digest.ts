import { createHash } from 'node:crypto';
import { canonicalJson } from '#casetrail/event-store';
import type { ReadModelDb } from '../store/read-model-database.js';
import type { Projection } from './projection.js';

export interface TableDigest {
  readonly table: string;
  readonly rows: number;
  readonly sha256: string;
}

const PAGE = 5_000;

/**
 * SHA-256 over every row of a projection's tables in key order: equal digests mean a rebuild
 * equals the live projection row for row. Reads in keyset pages so memory stays flat.
 */
export async function digestProjection(db: ReadModelDb, projection: Projection): Promise<TableDigest[]> {
  const digests: TableDigest[] = [];
  for (const table of projection.tables) {
    const hash = createHash('sha256');
    let rows = 0;
    for (let offset = 0; ; offset += PAGE) {
      let query = db.selectFrom(table.name).selectAll();
      for (const column of table.key) query = query.orderBy(column);
      const page = await query.limit(PAGE).offset(offset).execute();
      for (const row of page) hash.update(canonicalJson(normalise(row)) + '\n');
      rows += page.length;
      if (page.length < PAGE) break;
    }
    digests.push({ table: table.name, rows, sha256: hash.digest('hex') });
  }
  return digests;
}

/** PostgreSQL returns bigint as string and SQLite as number: digest them alike. */
const normalise = (row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
