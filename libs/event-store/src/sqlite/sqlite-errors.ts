import { DomainError } from '#casetrail/domain';
import { StoreUnavailableError } from '../event-store.errors.js';

/**
 * SQLite result codes that mean the file cannot be used right now (locked past the busy
 * timeout, disk full or failing, gone, read-only, damaged). The write transaction has been
 * rolled back when they surface, so the caller may safely retry later.
 */
const UNAVAILABLE = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_PROTOCOL'];

export function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** Turns a failure into the port's error family where one applies; anything else is a bug and passes through. */
export function translateSqliteError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = sqliteCode(error);
  if (code && UNAVAILABLE.some((prefix) => code === prefix || code.startsWith(`${prefix}_`))) {
    return new StoreUnavailableError(`${code} (${(error as Error).message})`);
  }
  // better-sqlite3 throws a TypeError once the connection is closed.
  if (error instanceof TypeError && /database connection is not open/i.test(error.message)) {
    return new StoreUnavailableError('the database connection is closed');
  }
  return error;
}
