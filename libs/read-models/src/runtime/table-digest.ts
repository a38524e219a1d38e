import { createHash } from 'node:crypto';
import { sql } from '../store/kysely-runtime.js';
import { canonicalJson } from '#casetrail/event-store';
import { runTimeLimit } from '../query/run-time-limit.js';
import type { ReadModelDb } from '../store/read-model-database.js';
import type { Projection, ProjectionTable } from './projection.js';

export interface TableDigest {
  readonly table: string;
  readonly rows: number;
  readonly sha256: string;
}

const PAGE = 5_000;

/**
 * SHA-256 over every row of a projection's tables in key order: equal digests mean a rebuild
 * equals the live projection row for row. Reads in keyset pages, so memory stays flat and each
 * page starts at its key in the primary-key index: with `OFFSET` pages every page skipped past
 * all the rows before it, and the digests after a size-M rebuild took 1,128 s (249 s now), three
 * times as long as the rebuild itself.
 */
export async function digestProjection(db: ReadModelDb, projection: Projection, pageSize = PAGE): Promise<TableDigest[]> {
  const digests: TableDigest[] = [];
  for (const table of projection.tables) digests.push(await digestTable(db, table, pageSize));
  return digests;
}

async function digestTable(db: ReadModelDb, table: ProjectionTable, pageSize: number): Promise<TableDigest> {
  const hash = createHash('sha256');
  const keys = sql.join(table.key.map((column) => sql.ref(column)));
  let rows = 0;
  let after: unknown[] | null = null;
  for (;;) {
    let query = db.selectFrom(table.name).selectAll();
    // A row-value comparison, ordered as the `ORDER BY` below: the key is the table's primary key.
    if (after) query = query.where(sql<boolean>`(${keys}) > (${sql.join(after)})`);
    for (const column of table.key) query = query.orderBy(column);
    const page = await query.limit(runTimeLimit(pageSize)).execute();
    const columns = page.length > 0 ? rowColumns(page[0]!) : [];
    for (const row of page) hash.update(canonicalRow(columns, row));
    rows += page.length;
    if (page.length < pageSize) break;
    const last = page[page.length - 1]!;
    after = table.key.map((column) => last[column]);
  }
  return { table: table.name, rows, sha256: hash.digest('hex') };
}

/** A row's columns in canonical JSON's key order, each quoted once for the page. */
const rowColumns = (row: Record<string, unknown>): [string, string][] =>
  Object.keys(row)
    .sort()
    .map((name) => [name, JSON.stringify(name)]);

/**
 * `canonicalJson(row)` and a newline, for a row of scalars: the same text, without sorting and
 * quoting the keys again for every row. A driver may hand a whole number back as a bigint; it is
 * digested as the number it is.
 */
function canonicalRow(columns: readonly [string, string][], row: Record<string, unknown>): string {
  let text = '{';
  for (let i = 0; i < columns.length; i += 1) {
    const [name, quoted] = columns[i]!;
    const value = row[name];
    text += (i === 0 ? '' : ',') + quoted + ':' + canonicalJson(typeof value === 'bigint' ? Number(value) : value);
  }
  return text + '}\n';
}
