import { START, type EventSubscription, type Position, type RecordedEvent } from '../event-store.port.js';
import type { AppendNotifier } from './append-notifier.js';

export type ReadPage = (after: Position, maxCount: number) => Promise<readonly RecordedEvent[]>;

export interface CatchUpOptions {
  readonly after?: Position;
  readonly maxBatchSize?: number;
}

/**
 * A catch-up subscription over any store that can read the global order in pages and notify
 * appends in-process: it reads pages until it is caught up, then sleeps on the notifier.
 *
 * The `dirty` flag is cleared *before* each read, so an append that commits while a read is
 * in flight is not lost: the loop reads again instead of waiting for an append that already
 * happened.
 */
export class CatchUpSubscription implements EventSubscription {
  private closed = false;
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly readPage: ReadPage,
    private readonly notifier: AppendNotifier,
    private readonly options: CatchUpOptions = {},
    private readonly onClose: (subscription: CatchUpSubscription) => void = () => {},
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<readonly RecordedEvent[]> {
    const maxBatchSize = this.options.maxBatchSize ?? 500;
    let checkpoint = this.options.after ?? START;
    let dirty = false;
    let wake: (() => void) | null = null;
    const stopListening = this.notifier.listen(() => {
      dirty = true;
      wake?.();
    });
    const waker = () => wake?.();
    this.wakers.add(waker);
    try {
      while (!this.closed) {
        dirty = false;
        const batch = await this.readPage(checkpoint, maxBatchSize);
        if (this.closed) return;
        if (batch.length > 0) {
          checkpoint = batch[batch.length - 1]!.position;
          yield batch;
          // Reads are synchronous underneath and every await here resolves as a microtask: without
          // a turn of the event loop, catching up on millions of events would starve HTTP and timers.
          await new Promise<void>((resolve) => setImmediate(resolve));
          continue;
        }
        if (!dirty) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    } finally {
      stopListening();
      this.wakers.delete(waker);
    }
  }

  /** Ends every iteration of this subscription promptly, even one waiting for an append. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const waker of [...this.wakers]) waker();
    this.onClose(this);
  }
}
