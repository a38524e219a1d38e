import type { Kysely } from 'kysely';

/** Lengths of an `in (…)` list of a read, largest far inside SQLite's and PostgreSQL's bound-parameter limits. */
const LIST_LENGTHS = [1, 4, 16, 64, 200] as const;
const LONGEST = LIST_LENGTHS[LIST_LENGTHS.length - 1];

/**
 * The ids a batch touches, cut into `in`-list slices, each padded to one of a few lengths by
 * repeating its last id (a list means the same with a duplicate in it). Each length is a statement
 * text of its own, prepared once and kept by the statement cache (128 texts): cut to any length, a
 * rebuild's batches prepared a new statement for nearly every last slice (1 % of its main thread).
 */
export function idChunks<T>(ids: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < ids.length; i += LONGEST) {
    const chunk = ids.slice(i, i + LONGEST);
    const length = LIST_LENGTHS.find((l) => l >= chunk.length)!;
    while (chunk.length < length) chunk.push(chunk[chunk.length - 1]!);
    out.push(chunk);
  }
  return out;
}

/** The rows of `table` whose `column` is one of `keys` (distinct), read in `idChunks` lists. */
export async function selectIn<R>(db: Kysely<any>, table: string, column: string, keys: readonly unknown[]): Promise<R[]> {
  const rows: R[] = [];
  for (const ids of idChunks(keys)) {
    for (const row of await db.selectFrom(table).selectAll().where(column, 'in', ids).execute()) rows.push(row as R);
  }
  return rows;
}
