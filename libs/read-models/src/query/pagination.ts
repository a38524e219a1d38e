import type { SelectQueryBuilder } from 'kysely';
import { DomainError } from '#casetrail/domain';
import { runTimeLimit } from './run-time-limit.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque; pass it back as `cursor` for the next page. Null on the last page. */
  readonly nextCursor: string | null;
}

export type CursorValue = string | number;

const invalidCursor = (): DomainError =>
  new DomainError('REQUEST.INVALID', 'invalid', 'The query is invalid', { errors: [{ field: 'cursor', message: 'is not a cursor this list issued' }] });

/** A cursor is the sort key of the last row served, so pages stay stable while rows are added. */
export const encodeCursor = (values: readonly CursorValue[]): string => Buffer.from(JSON.stringify(values)).toString('base64url');

export function decodeCursor(cursor: string, arity: number): CursorValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return values as CursorValue[];
    }
  } catch {
    // fall through
  }
  throw invalidCursor();
}

/** Every list goes through `keysetPage`, so no caller can ask the database for an unbounded page. */
export function assertPageLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new DomainError('REQUEST.INVALID', 'invalid', 'The query is invalid', {
      errors: [{ field: 'limit', message: `must be a whole number from 1 to ${MAX_LIMIT}` }],
    });
  }
}

/**
 * Keyset pagination over `keys` (the last one unique), all in the same direction. Fetches one row
 * more than asked to know whether another page follows.
 */
export async function keysetPage<Row extends Record<string, unknown>>(
  query: SelectQueryBuilder<any, any, Row>,
  keys: readonly string[],
  direction: 'asc' | 'desc',
  cursor: string | undefined,
  limit: number,
): Promise<Page<Row>> {
  assertPageLimit(limit);
  let q = query as SelectQueryBuilder<any, any, any>;
  if (cursor !== undefined) {
    const after = decodeCursor(cursor, keys.length);
    const op = direction === 'asc' ? '>' : '<';
    q = q.where((eb) =>
      eb.or(keys.map((key, i) => eb.and([...keys.slice(0, i).map((k, j) => eb(k, '=', after[j])), eb(key, op, after[i])]))),
    );
  }
  for (const key of keys) q = q.orderBy(key, direction);
  const rows = (await q.limit(runTimeLimit(limit + 1)).execute()) as Row[];
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(keys.map((k) => last[lastSegment(k)] as CursorValue)) : null;
  return { items, nextCursor };
}

/** `t.column` → `column`, as rows are keyed. */
const lastSegment = (key: string): string => key.slice(key.lastIndexOf('.') + 1);
