import type { KeyObject } from 'node:crypto';
import type { EventStore, EventSubscription, Position, RecordedEvent } from '../event-store.port.js';
import { signCheckpoint, type Checkpoint } from './checkpoint.js';
import type { CheckpointStore } from './checkpoint-store.js';
import { advance, GENESIS_STATE, type DigestState } from './running-digest.js';

export interface CheckpointWriterOptions {
  /** A checkpoint after this many new events (default 1,000) … */
  readonly everyEvents?: number;
  /** … or after this long with at least one new event (default 5 minutes), whichever comes first. */
  readonly everyMs?: number;
  readonly now?: () => number;
  readonly onCheckpoint?: (checkpoint: Checkpoint) => void;
  /** The writer stops on an error (a checkpoint it cannot write must not be skipped silently). */
  readonly onError?: (error: unknown) => void;
}

export interface CheckpointSigner {
  readonly privateKey: KeyObject;
  readonly keyId: string;
}

/**
 * Follows the store's global order, keeps the running digest, and signs a checkpoint every N
 * events or T minutes. It resumes from the digest stored with its last checkpoint, so a restart
 * reads at most the events since then, never the whole store.
 */
export class CheckpointWriter {
  private state: DigestState = GENESIS_STATE;
  private last: Checkpoint | null = null;
  private subscription: EventSubscription | null = null;
  private loop: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly waiters = new Set<{ position: Position; resolve: () => void }>();
  private readonly everyEvents: number;
  private readonly now: () => number;

  constructor(
    private readonly store: Pick<EventStore, 'subscribeToAll'>,
    private readonly checkpoints: CheckpointStore,
    private readonly signer: CheckpointSigner,
    private readonly options: CheckpointWriterOptions = {},
  ) {
    this.everyEvents = options.everyEvents ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** The last checkpoint it resumed from or wrote. */
  get lastCheckpoint(): Checkpoint | null {
    return this.last;
  }

  get position(): Position {
    return this.state.position;
  }

  start(): void {
    this.last = this.checkpoints.last();
    if (this.last) this.state = { position: this.last.position, digest: this.last.digest, eventCount: this.last.eventCount };
    const subscription = this.store.subscribeToAll({ after: this.state.position });
    this.subscription = subscription;
    this.loop = this.consume(subscription);
    this.timer = setInterval(() => this.guarded(() => this.checkpointIfPending()), this.options.everyMs ?? 5 * 60_000);
    this.timer.unref();
  }

  /** Resolves once every event up to `position` is in the running digest. */
  waitFor(position: Position): Promise<void> {
    if (this.state.position >= position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ position, resolve }));
  }

  /** Signs what it has seen since the last checkpoint, so a clean shutdown leaves nothing uncovered. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.subscription?.close();
    await this.loop;
    this.subscription = this.loop = null;
    this.checkpointIfPending();
  }

  /** Writes a checkpoint at the current position when there is anything new since the last. */
  checkpointIfPending(): Checkpoint | null {
    if (this.state.position === (this.last?.position ?? 0)) return null;
    const checkpoint = signCheckpoint(
      {
        seq: (this.last?.seq ?? 0) + 1,
        ...this.state,
        createdAt: new Date(this.now()).toISOString(),
        keyId: this.signer.keyId,
      },
      this.signer.privateKey,
    );
    this.checkpoints.append(checkpoint);
    this.last = checkpoint;
    this.options.onCheckpoint?.(checkpoint);
    return checkpoint;
  }

  private async consume(subscription: EventSubscription): Promise<void> {
    try {
      for await (const batch of subscription) {
        for (const event of batch) this.apply(event);
        for (const waiter of this.waiters) {
          if (waiter.position > this.state.position) continue;
          this.waiters.delete(waiter);
          waiter.resolve();
        }
      }
    } catch (error) {
      this.fail(error);
    }
  }

  private apply(event: RecordedEvent): void {
    this.state = advance(this.state, event);
    if (this.state.eventCount - (this.last?.eventCount ?? 0) >= this.everyEvents) this.checkpointIfPending();
  }

  private guarded(work: () => unknown): void {
    try {
      work();
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    void this.subscription?.close();
    (this.options.onError ?? ((e: unknown) => console.error('checkpoint writer stopped:', e)))(error);
  }
}
