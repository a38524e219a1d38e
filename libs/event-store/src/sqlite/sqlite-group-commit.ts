import type { AppendOutcome } from './sqlite-append.js';
import { BatchWriter, type QueuedAppend } from './batch-writer.js';
import type { EventRow } from './sqlite-statements.js';
import { TurnBatcher } from './turn-batcher.js';

/** How the store hands its appends to the file: on its own thread (`GroupCommit`) or a writer thread (`WriterThread`). */
export interface Appender {
  enqueue(append: QueuedAppend): Promise<AppendOutcome>;
  /** Settles everything accepted, then lets go of the file. */
  close(): Promise<void>;
}

interface Pending {
  readonly append: QueuedAppend;
  readonly resolve: (outcome: AppendOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit on the store's own thread: appends arriving in one event-loop turn are written
 * together by `BatchWriter`. better-sqlite3 blocks the thread while it commits, so "arriving
 * while a commit is in progress" means arriving before the batch runs. Every promise settles only
 * after COMMIT has returned (synchronous = FULL: the WAL is on disk).
 */
export class GroupCommit implements Appender {
  private readonly batcher: TurnBatcher<Pending>;

  constructor(writer: BatchWriter, onWritten: (rows: readonly EventRow[]) => void) {
    this.batcher = new TurnBatcher((pending) => {
      const settled = writer.write(pending.map((p) => p.append));
      settled.forEach((result, i) => (result.ok ? pending[i]!.resolve(result.outcome) : pending[i]!.reject(result.error)));
      const written = BatchWriter.written(settled);
      if (written.length > 0) onWritten(written);
    });
  }

  enqueue(append: QueuedAppend): Promise<AppendOutcome> {
    return new Promise((resolve, reject) => this.batcher.push({ append, resolve, reject }));
  }

  async close(): Promise<void> {
    this.batcher.flush();
  }
}
