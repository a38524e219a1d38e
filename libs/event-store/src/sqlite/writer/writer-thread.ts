import type { Worker } from 'node:worker_threads';
import { StoreUnavailableError } from '../../event-store.errors.js';
import { runsFromSource, startWorker, workerEntry } from '../../threads/start-worker.js';
import type { QueuedAppend } from '../batch-writer.js';
import type { AppendOutcome } from '../sqlite-append.js';
import type { Appender } from '../sqlite-group-commit.js';
import type { EventRow } from '../sqlite-statements.js';
import { TurnBatcher } from '../turn-batcher.js';
import { reviveError } from './transferred-error.js';
import type { FromWriter, NumberedAppend, WriterData } from './writer.protocol.js';

interface Waiting {
  readonly resolve: (outcome: AppendOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/** The writer keeps little for long (one turn's appends): a small young generation keeps its memory small; the old one has room for a burst. */
const HEAP_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 1 };
const ENTRY = workerEntry(import.meta.url, 'sqlite-writer.worker');

/**
 * Group commit on a writer thread. better-sqlite3 blocks the thread it runs on, and on a busy
 * store a batch's inserts, WAL writes and fsync take milliseconds: on the API's thread every
 * request waits that long. Here the appends accepted in one turn go to the writer in one message,
 * the writer commits them together (`BatchWriter`), and the results come back in one message.
 * This thread only sends events and receives rows: it goes on parsing, validating and deciding
 * while the disk works.
 *
 * The writer is started on the first append and again after it died. If it dies, the appends it
 * held fail with `StoreUnavailableError`; one it had already committed stays stored, as after a
 * lost answer from any remote store, and a retry with the same Idempotency-Key finds it.
 */
export class WriterThread implements Appender {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();
  private readonly outbox = new TurnBatcher<NumberedAppend>((appends) => {
    const worker = this.start();
    // The writer keeps the process alive only while it holds appends, as an in-flight write would.
    worker.ref();
    worker.postMessage({ type: 'append', appends });
  });

  constructor(
    private readonly data: WriterData,
    private readonly onWritten: (rows: readonly EventRow[]) => void,
    private readonly entry: URL = ENTRY,
  ) {}

  enqueue(append: QueuedAppend): Promise<AppendOutcome> {
    return new Promise((resolve, reject) => {
      const id = (this.nextId += 1);
      this.waiting.set(id, { resolve, reject });
      this.outbox.push({ ...append, id });
    });
  }

  /** Sends what is waiting, lets the writer answer it and stop. */
  async close(): Promise<void> {
    this.outbox.flush();
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.ref();
    worker.postMessage({ type: 'close' });
    await exited;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // From the sources, tsx compiles in the worker: more than the writer's own small heap.
    const worker = startWorker(this.entry, { workerData: this.data, ...(runsFromSource(this.entry) ? {} : { resourceLimits: HEAP_LIMITS }) });
    worker.on('message', (message: FromWriter) => this.settle(message));
    worker.on('error', (error) => this.lost(worker, error.message));
    worker.on('exit', (code) => this.lost(worker, `it exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  private settle({ results }: FromWriter): void {
    const written: EventRow[] = [];
    for (const result of results) {
      const waiting = this.waiting.get(result.id);
      if (!waiting) continue;
      this.waiting.delete(result.id);
      if (result.ok) {
        written.push(...result.outcome.written);
        waiting.resolve(result.outcome);
      } else {
        waiting.reject(reviveError(result.error));
      }
    }
    if (this.waiting.size === 0) this.worker?.unref();
    if (written.length > 0) this.onWritten(written);
  }

  private lost(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const error = new StoreUnavailableError(`the writer thread stopped (${why})`);
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
