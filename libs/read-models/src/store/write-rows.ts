import type { DialectAdapter, Kysely } from 'kysely';
import { CompiledQuery } from './kysely-runtime.js';

/**
 * What a key conflict does: `update` replaces every other column (`excluded` is spelled the same on
 * SQLite and PostgreSQL), `nothing` keeps the row already there.
 */
export type OnConflict = 'update' | 'nothing';

/**
 * Rows per statement, largest first: a write is cut into these sizes, so each table has a handful
 * of statement texts, compiled once and prepared once. 256 rows of the widest table (31 columns)
 * stay far below SQLite's and PostgreSQL's bound-parameter limits.
 */
const SIZES = [256, 64, 16, 4, 1] as const;

/** Compiled statement texts per dialect (the placeholders differ), by what each statement does. */
const texts = new WeakMap<DialectAdapter, Map<string, string>>();

/** The text `compile` gives for `id` on this dialect, compiled by Kysely once and checked for its parameter count. */
function cachedText(db: Kysely<any>, id: string, parameters: number, compile: () => CompiledQuery): string {
  const adapter = db.getExecutor().adapter;
  const cached = texts.get(adapter) ?? texts.set(adapter, new Map()).get(adapter)!;
  let text = cached.get(id);
  if (text === undefined) {
    const query = compile();
    if (query.parameters.length !== parameters) throw new Error(`unexpected parameters in ${id}`);
    text = query.sql;
    cached.set(id, text);
  }
  return text;
}

function textOf(db: Kysely<any>, table: string, key: readonly string[], columns: readonly string[], onConflict: OnConflict, size: number): string {
  return cachedText(db, `insert into ${table}|${key.join()}|${columns.join()}|${onConflict}|${size}`, size * columns.length, () => {
    const row = Object.fromEntries(columns.map((c) => [c, null]));
    const updated = columns.filter((c) => !key.includes(c));
    return db
      .insertInto(table)
      .values(Array.from({ length: size }, () => row))
      .onConflict((oc) =>
        onConflict === 'nothing' || updated.length === 0
          ? oc.columns([...key]).doNothing()
          : oc.columns([...key]).doUpdateSet((eb) => Object.fromEntries(updated.map((c) => [c, eb.ref(`excluded.${c}`)]))),
      )
      .compile();
  });
}

/** Every column any row has, in first-seen order, as Kysely itself lists them. */
function columnsOf(rows: readonly object[]): string[] {
  const columns = new Set<string>();
  // `for…in` rather than `Object.keys`: no array per row (rows are plain objects, nothing inherited).
  for (const row of rows) for (const column in row) columns.add(column);
  return [...columns];
}

/**
 * Writes rows with multi-row inserts, resolving key conflicts as `onConflict` says. Statement texts
 * are compiled by Kysely once per size and reused with fresh parameters: building and compiling a
 * query per chunk cost more than the database's work.
 */
export async function writeRows(db: Kysely<any>, table: string, key: readonly string[], rows: readonly object[], onConflict: OnConflict = 'update'): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(rows);
  let done = 0;
  for (const size of SIZES) {
    for (; rows.length - done >= size; done += size) {
      const parameters: unknown[] = new Array(size * columns.length);
      let p = 0;
      for (let i = done; i < done + size; i++) {
        const row = rows[i] as Record<string, unknown>;
        // No read-model column has a default, so a missing value is NULL, as Kysely's DEFAULT would be.
        for (const c of columns) parameters[p++] = row[c] ?? null;
      }
      await db.executeQuery(CompiledQuery.raw(textOf(db, table, key, columns, onConflict, size), parameters));
    }
  }
}

function updateTextOf(db: Kysely<any>, table: string, key: readonly string[], columns: readonly string[]): string {
  return cachedText(db, `update ${table}|${key.join()}|${columns.join()}`, columns.length + key.length, () => {
    let query = db.updateTable(table).set(Object.fromEntries(columns.map((c) => [c, null])));
    for (const k of key) query = query.where(k, '=', null);
    return query.compile();
  });
}

const valueOf = (row: object, column: string): unknown => (row as Record<string, unknown>)[column] ?? null;

/** The columns whose values differ between the stored row and its replacement (a column either lacks is NULL there). */
function changedColumns(stored: object, next: object, key: readonly string[]): string[] {
  const changed: string[] = [];
  for (const column in next) if (!key.includes(column) && valueOf(next, column) !== valueOf(stored, column)) changed.push(column);
  for (const column in stored) if (!(column in next) && !key.includes(column) && valueOf(stored, column) !== null) changed.push(column);
  return changed;
}

/**
 * Writes `rows` given the rows stored under their keys (`storedOf`, as read in the same
 * transaction): new rows are inserted as `writeRows` does, unchanged ones skipped, changed ones
 * updated in the columns that changed only. An UPDATE rewrites the entries of every index on a
 * column it sets, changed or not: a clock row's upsert rewrote all seven of `sla_clocks`' indexes
 * at every event of its case, where mostly `evaluated_at` and `elapsed_seconds` move (a
 * micro-benchmark of that table: 20,000 rows in 1.1 s as upserts, 0.15 s as two-column updates).
 * Values compare with `===`, so one stored in another type (a PostgreSQL bigint as text) only costs
 * an update that was not needed.
 */
export async function writeChangedRows<R extends object>(
  db: Kysely<any>,
  table: string,
  key: readonly string[],
  rows: readonly R[],
  storedOf: (row: R, index: number) => object | undefined,
): Promise<void> {
  const inserted: R[] = [];
  for (const [index, row] of rows.entries()) {
    const stored = storedOf(row, index);
    if (stored === undefined) {
      inserted.push(row);
      continue;
    }
    const columns = changedColumns(stored, row, key);
    if (columns.length === 0) continue;
    const parameters = [...columns.map((c) => valueOf(row, c)), ...key.map((k) => valueOf(row, k))];
    await db.executeQuery(CompiledQuery.raw(updateTextOf(db, table, key, columns), parameters));
  }
  await writeRows(db, table, key, inserted);
}
