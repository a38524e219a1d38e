import type { RawBuilder } from 'kysely';
import { sql } from '../store/kysely-runtime.js';

/**
 * A summary's group key: the text column as an expression (`column || ''`; NULL stays NULL on
 * SQLite and PostgreSQL), not the bare column. Given a bare column with an index, SQLite walks that
 * index to meet the groups in order and reads each row through it one at a time; scanning the table
 * and sorting is several times faster (at size M: SLA clocks by region 16.9 s against 8.4 s,
 * satisfaction repairs by technician 2.12 s against 0.54 s). Group by the same expression. Where
 * an index covers the whole query (complaint cases counted per model or month), keep the bare
 * column: SQLite then reads that index alone (0.13 s against 0.42 s at M).
 */
export const groupKey = (column: string): RawBuilder<string | null> => sql<string | null>`${sql.ref(column)} || ''`;
