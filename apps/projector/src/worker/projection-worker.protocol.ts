import type { ProjectionStatus, ReadModelDbConfig } from '#casetrail/read-models';

/** What the worker needs to open its own connections: nothing but plain data crosses the thread boundary. */
export interface ProjectionWorkerData {
  readonly eventsFile: string;
  /** For the checkpoint writer, which runs here too: its file and signing key live in the data folder. */
  readonly dataDir: string;
  readonly readModelDb: ReadModelDbConfig;
  /** Nice levels the worker's thread runs below the API's (`CASETRAIL_PROJECTION_NICE`; 0 keeps it level). */
  readonly nice: number;
}

export type ToWorker =
  /** The first message: a worker loads its code, then waits for this to know what to open. */
  | { readonly type: 'start'; readonly data: ProjectionWorkerData }
  | { readonly type: 'waitFor'; readonly id: number; readonly position: number }
  | { readonly type: 'stop' };

export type FromWorker =
  | { readonly type: 'started' }
  | { readonly type: 'statuses'; readonly statuses: readonly ProjectionStatus[] }
  | { readonly type: 'reached'; readonly id: number }
  | { readonly type: 'log'; readonly level: 'log' | 'debug' | 'error'; readonly message: string; readonly context?: Record<string, unknown> }
  | { readonly type: 'stopped' };
