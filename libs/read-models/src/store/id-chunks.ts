/** Ids per `in (…)` list of a read: far inside SQLite's and PostgreSQL's bound-parameter limits. */
const IDS_PER_LIST = 200;

/** The ids a batch touches, cut into `in`-list sized slices. */
export function idChunks<T>(ids: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_LIST) out.push(ids.slice(i, i + IDS_PER_LIST));
  return out;
}
