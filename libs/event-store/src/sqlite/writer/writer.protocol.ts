import type { QueuedAppend } from '../batch-writer.js';
import type { AppendOutcome } from '../sqlite-append.js';
import type { TransferredError } from './transferred-error.js';

/** What the writer thread is started with. */
export interface WriterData {
  /** The events file, already migrated by the store that starts the writer. */
  readonly file: string;
  readonly busyTimeoutMs: number;
}

export type NumberedAppend = QueuedAppend & { readonly id: number };

/** Store → writer: appends accepted during one turn, in order; `close` once nothing more will come. */
export type ToWriter = { readonly type: 'append'; readonly appends: readonly NumberedAppend[] } | { readonly type: 'close' };

export type WriterResult =
  | { readonly id: number; readonly ok: true; readonly outcome: AppendOutcome }
  | { readonly id: number; readonly ok: false; readonly error: TransferredError };

/** Writer → store: the results of one committed batch, in order. */
export interface FromWriter {
  readonly type: 'settled';
  readonly results: readonly WriterResult[];
}
