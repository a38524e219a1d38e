import type { RebuildProgress } from './rebuild.js';

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
