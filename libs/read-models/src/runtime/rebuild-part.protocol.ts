import type { RebuildProgress } from './rebuild.js';

/**
 * Each thread's page cache while two replay at once: half the single thread's 32 MB, at the same
 * speed at size M (343-364 s either way), for 14-30 MB less peak RSS (293-299 MB against 313-329 MB,
 * measured while each thread's events connection still kept better-sqlite3's 16 MB cache).
 */
export const PART_CACHE_KIB = 16_384;

/** What the rebuild's second thread is given: it reads the events file itself and writes `file`. */
export interface RebuildPartData {
  readonly eventsFile: string;
  readonly file: string;
  readonly projections: readonly string[];
  readonly upTo: number;
  readonly batchSize?: number;
}

export type FromRebuildPart =
  | { readonly type: 'progress'; readonly progress: RebuildProgress }
  /** `projection` and `position` when a projection failed on an event (`ProjectionFailure`); `message` is then its cause's. */
  | { readonly type: 'failed'; readonly message: string; readonly projection?: string; readonly position?: number }
  | { readonly type: 'done' };
