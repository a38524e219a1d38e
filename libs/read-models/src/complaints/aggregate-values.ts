/**
 * SQL aggregates come back as numbers from SQLite but as strings from PostgreSQL (count and sum
 * are bigint, avg is numeric), and sum/avg/max over no rows are null: convert in one place.
 */
export const countOf = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

export const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** Rounded for display; targets are compared on the exact ratio before rounding. */
export const rounded = (value: number | null, digits: number): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** A share or rate whose denominator is zero is unknown, not zero. */
export const ratioOrNull = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

/** Group keys in a stable order: text ascending (months chronologically), the null group last. */
export const byKey = <T extends { key: string | null }>(a: T, b: T): number =>
  a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1;
