import type { Transaction } from 'kysely';

/** Keeps a multi-row insert under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;

/**
 * Writes each changed row once: insert, or replace every column on a key conflict. The
 * `excluded` pseudo-table and `ON CONFLICT … DO UPDATE` mean the same on SQLite and PostgreSQL.
 */
export async function upsertRows<Row extends object>(trx: Transaction<any>, table: string, key: keyof Row & string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).filter((c) => c !== key);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as any[])
      .onConflict((oc) => oc.column(key).doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))))
      .execute();
  }
}
