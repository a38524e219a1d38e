/**
 * What a query thread is given: the read-model file it opens for reading, and its connection's page
 * cache in KiB (`PAGE_CACHE_KIB`, passed in so the thread loads no more than better-sqlite3: with
 * the event store's modules imported for it, each thread took ~29 MB of RSS).
 */
export interface QueryThreadData {
  readonly file: string;
  readonly cacheKiB: number;
}

/** One statement for a query thread, as Kysely compiled it. */
export interface QueryRequest {
  readonly id: number;
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

export type QueryReply =
  | { readonly id: number; readonly rows: unknown[] }
  | { readonly id: number; readonly changes: number; readonly lastInsertRowid: number | bigint }
  /** `code` is SQLite's (`SQLITE_BUSY`, `SQLITE_READONLY`…), as better-sqlite3 gives it. */
  | { readonly id: number; readonly error: { readonly message: string; readonly code?: string } };
