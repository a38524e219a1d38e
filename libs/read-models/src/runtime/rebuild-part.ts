import type { Worker } from 'node:worker_threads';
import { sql } from '../store/kysely-runtime.js';
import { START, startWorker, workerEntry } from '#casetrail/event-store';
import type { ReadModelDb } from '../store/read-model-database.js';
import { ProjectionFailure } from './apply-batch.js';
import { removeWithSideFiles } from './new-file.js';
import type { Projection } from './projection.js';
import type { FromRebuildPart, RebuildPartData } from './rebuild-part.protocol.js';
import type { RebuildProgress } from './rebuild.js';
import { deferIndexes, restoreIndexes } from './rebuild-sqlite.js';

/**
 * The second thread's V8 heap: its live set is a batch or two (or a chunk of cases' clocks), and
 * without bounds V8 lets a heap grow lazily well past 100 MB before collecting.
 */
const HEAP_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 12 };

const ENTRY = workerEntry(import.meta.url, 'rebuild-part.worker');

/**
 * Some projections of a whole-file rebuild, rebuilt on a second thread into a part file of their
 * own: on two cores the main thread's replay no longer waits for their `apply`, and the part's
 * rows are copied into the new file once both threads are through (`copyInto`). The thread reads
 * the events file itself, up to the same position as the main thread.
 */
export class RebuildPart {
  private readonly worker: Worker;
  private readonly finished: Promise<void>;
  private failure: Error | undefined;
  private ended = false;
  private progress: RebuildProgress;

  constructor(
    private readonly projections: readonly Projection[],
    private readonly file: string,
    eventsFile: string,
    upTo: number,
    batchSize?: number,
  ) {
    this.progress = { position: START, head: upTo, events: 0, applyMs: Object.fromEntries(projections.map((p) => [p.name, 0])) };
    const data: RebuildPartData = { eventsFile, file, projections: projections.map((p) => p.name), upTo, ...(batchSize === undefined ? {} : { batchSize }) };
    this.worker = startWorker(ENTRY, { workerData: data, resourceLimits: HEAP_LIMITS });
    this.finished = new Promise<void>((resolve, reject) => {
      let done = false;
      this.worker.on('message', (message: FromRebuildPart) => {
        if (message.type === 'progress') this.progress = message.progress;
        else if (message.type === 'done') done = true;
        else reject((this.failure = revive(message)));
      });
      this.worker.on('error', (error) => reject((this.failure = error)));
      this.worker.on('exit', (code) => {
        this.ended = true;
        if (done) resolve();
        else reject((this.failure ??= new Error(`the rebuild's second thread exited with code ${code}`)));
      });
    });
    // Awaited by `copyInto`; until then a failure is seen through `merge`, not as an unhandled rejection.
    this.finished.catch(() => undefined);
  }

  get tables(): string[] {
    return this.projections.flatMap((p) => p.tables.map((t) => t.name));
  }

  /** The part's progress merged into the main thread's: the slower position, both threads' apply times. */
  merge(main: RebuildProgress): RebuildProgress {
    if (this.failure) throw this.failure;
    const part = this.progress;
    return {
      position: Math.min(main.position, part.position),
      head: main.head,
      events: Math.min(main.events, part.events),
      applyMs: { ...main.applyMs, ...part.applyMs },
    };
  }

  /**
   * Waits for the part, then copies its tables and its projections' checkpoints into `db`, with
   * the tables' indexes deferred, so the copied rows are indexed once.
   */
  async copyInto(db: ReadModelDb): Promise<void> {
    await this.finished;
    await sql`attach database ${this.file} as part`.execute(db);
    try {
      await db.transaction().execute(async (trx) => {
        await deferIndexes(trx, this.tables);
        for (const table of this.tables) await sql`insert into main.${sql.id(table)} select * from part.${sql.id(table)}`.execute(trx);
        const names = this.projections.map((p) => p.name);
        await sql`insert or replace into main.projection_checkpoints select * from part.projection_checkpoints where name in (${sql.join(names)})`.execute(trx);
      });
    } finally {
      await sql`detach database part`.execute(db);
    }
    await restoreIndexes(db);
  }

  /** Stops the thread if it still runs (the main thread failed), and deletes the part file. */
  async close(): Promise<void> {
    if (!this.ended) await this.worker.terminate();
    removeWithSideFiles(this.file);
  }
}

function revive(message: Extract<FromRebuildPart, { type: 'failed' }>): Error {
  if (message.projection === undefined || message.position === undefined) return new Error(message.message);
  return new ProjectionFailure(message.projection, message.position, new Error(message.message));
}
