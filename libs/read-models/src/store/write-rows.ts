import { CompiledQuery, type DialectAdapter, type Kysely } from 'kysely';

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

/** Compiled statement texts per dialect (the placeholders differ), by table, columns, conflict and size. */
const texts = new WeakMap<DialectAdapter, Map<string, string>>();

function textOf(db: Kysely<any>, table: string, key: readonly string[], columns: readonly string[], onConflict: OnConflict, size: number): string {
  const adapter = db.getExecutor().adapter;
  const cached = texts.get(adapter) ?? texts.set(adapter, new Map()).get(adapter)!;
  const id = `${table}|${key.join()}|${columns.join()}|${onConflict}|${size}`;
  let text = cached.get(id);
  if (text === undefined) {
    const row = Object.fromEntries(columns.map((c) => [c, null]));
    const updated = columns.filter((c) => !key.includes(c));
    const query = db
      .insertInto(table)
      .values(Array.from({ length: size }, () => row))
      .onConflict((oc) =>
        onConflict === 'nothing' || updated.length === 0
          ? oc.columns([...key]).doNothing()
          : oc.columns([...key]).doUpdateSet((eb) => Object.fromEntries(updated.map((c) => [c, eb.ref(`excluded.${c}`)]))),
      )
      .compile();
    if (query.parameters.length !== size * columns.length) throw new Error(`unexpected parameters in the insert into ${table}`);
    text = query.sql;
    cached.set(id, text);
  }
  return text;
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
