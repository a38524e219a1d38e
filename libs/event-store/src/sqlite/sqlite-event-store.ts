import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Clock } from '#casetrail/domain';
import { StoreUnavailableError } from '../event-store.errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventSubscription,
  IdempotencyRecord,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port.js';
import { START } from '../event-store.port.js';
import { AppendNotifier } from '../subscription/append-notifier.js';
import { CatchUpSubscription } from '../subscription/catch-up-subscription.js';
import { RecentEvents } from './recent-events.js';
import { translateSqliteError } from './sqlite-errors.js';
import { BatchWriter } from './batch-writer.js';
import { GroupCommit, type Appender } from './sqlite-group-commit.js';
import { configure, migrate } from './sqlite-schema.js';
import { parsedOf, prepareStatements, recordedOf, rowOf, type EventRow, type Statements } from './sqlite-statements.js';
import { WriterThread } from './writer/writer-thread.js';

export interface SqliteEventStoreOptions {
  readonly clock: Clock;
  /** How long an append waits for another process's write lock before `StoreUnavailableError`. */
  readonly busyTimeoutMs?: number;
  /**
   * Where appends are written: `inline` on the caller's thread (default), or `thread` on a writer
   * thread of their own, so the caller's thread goes on serving while SQLite writes and fsyncs.
   */
  readonly writer?: 'inline' | 'thread';
}

/**
 * The embedded event store: one SQLite file (DESIGN §8). The methods are async although
 * better-sqlite3 is synchronous, so that appends can be group-committed (`GroupCommit`).
 * Subscribers are woken in-process, on every thread: stores on the same file tell each other of
 * their commits over a `BroadcastChannel`, so projections in a worker thread follow the API's
 * appends at once. An append made by another process reaches them at their next wake-up.
 */
export class SqliteEventStore implements EventStore {
  private closed = false;
  private readonly notifier = new AppendNotifier();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly appender: Appender;
  private readonly recent = new RecentEvents();
  private readonly siblings: BroadcastChannel | null;
  private stampedAt = Number.NaN;
  private stamp = '';

  private constructor(
    private readonly db: Database.Database,
    private readonly statements: Statements,
    private readonly clock: Clock,
    file: string,
    options: SqliteEventStoreOptions,
  ) {
    const onWritten = (rows: readonly EventRow[]): void => {
      this.recent.add(rows);
      this.notifier.notify();
      this.siblings?.postMessage(rows[rows.length - 1]!.position);
    };
    this.appender =
      options.writer === 'thread' && file !== ':memory:'
        ? new WriterThread({ file: resolve(file), busyTimeoutMs: busyTimeoutOf(options) }, onWritten)
        : new GroupCommit(new BatchWriter(db, statements), onWritten);
    this.siblings = file === ':memory:' ? null : new BroadcastChannel(`casetrail-events:${resolve(file)}`);
    if (this.siblings) {
      this.siblings.onmessage = () => this.notifier.notify();
      // A store waiting for its siblings must not keep the process alive.
      this.siblings.unref();
    }
  }

  static open(file: string, options: SqliteEventStoreOptions): SqliteEventStore {
    let db: Database.Database | undefined;
    try {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      db = new Database(file);
      configure(db, busyTimeoutOf(options));
      migrate(db);
      return new SqliteEventStore(db, prepareStatements(db), options.clock, file, options);
    } catch (error) {
      db?.close();
      throw translateSqliteError(error);
    }
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError(`An append to ${streamId} must carry at least one event`);
    const expected = options.expectedRevision;
    if (expected !== 'no-stream' && !(Number.isInteger(expected) && expected >= 0)) {
      throw new RangeError(`Expected revision must be 'no-stream' or a revision >= 0, not ${String(expected)}`);
    }
    if (this.closed) throw new StoreUnavailableError('the event store has been closed');
    return (await this.appender.enqueue({ streamId, events, options, recordedAt: this.recordedAt() })).result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    const limit = toLimit(options.maxCount);
    return this.guard(() => {
      const rows =
        options.direction === 'backwards'
          ? this.statements.readBackwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
          : this.statements.readForwards.all(streamId, options.fromRevision ?? 0, limit);
      return rows.map(options.storedJson ? recordedOf : parsedOf);
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    const limit = toLimit(options.maxCount);
    const after = options.after ?? START;
    return this.guard(() => {
      const head = this.statements.headPosition.get()!.head;
      const held = this.recent.read(after, limit, head) ?? this.catchUpRecent(after, limit, head);
      if (held) return held;
      const rows = this.statements.readAll.all(after, limit);
      const recorded = options.storedJson ? recordedOf : parsedOf;
      if (rows.length === 0 || rows[rows.length - 1]![0] !== head) return rows.map(recorded);
      // The newest events: the next subscriber on this thread reads them from here (with their text, which the held rows keep anyway).
      this.recent.add(rows.map(rowOf));
      return this.recent.read(after, limit, head) ?? rows.map(recorded);
    });
  }

  /**
   * Reads the events committed since the last one held, once for every subscriber on this thread,
   * and serves the read from what is then held. In the projection worker the API's thread commits,
   * so nothing is held from writing: without this, each of six projections read and parsed every
   * event from the file.
   */
  private catchUpRecent(after: Position, limit: number, head: Position): RecordedEvent[] | null {
    const end = this.recent.end();
    if (end === null || !this.recent.holds(after) || head - end > this.recent.capacity) return null;
    this.recent.add(this.statements.readAll.all(end, head - end).map(rowOf));
    return this.recent.read(after, limit, head);
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    const subscription = new CatchUpSubscription(
      (after, maxCount) => this.readAll({ after, maxCount }),
      this.notifier,
      options,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null> {
    const row = this.guard(() => this.statements.findIdempotency.get(key));
    return row ? { key: row.key, fingerprint: row.fingerprint, response: JSON.parse(row.response) as unknown } : null;
  }

  async headPosition(): Promise<Position> {
    return this.guard(() => this.statements.headPosition.get()!.head);
  }

  /** Ends every subscription first, so they finish cleanly instead of failing on a closed file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.appender.close();
    this.siblings?.close();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.db.close();
  }

  /** The clock's now as ISO-8601, formatted once per millisecond: a group commit's appends mostly share one. */
  private recordedAt(): string {
    const now = this.clock.now();
    if (now !== this.stampedAt) {
      this.stampedAt = now;
      this.stamp = new Date(now).toISOString();
    }
    return this.stamp;
  }

  private guard<T>(work: () => T): T {
    if (this.closed) throw new StoreUnavailableError('the event store has been closed');
    try {
      return work();
    } catch (error) {
      throw translateSqliteError(error);
    }
  }
}

const busyTimeoutOf = (options: SqliteEventStoreOptions): number => options.busyTimeoutMs ?? 5000;

/** SQLite reads `LIMIT -1` as "no limit". */
function toLimit(maxCount: number | undefined): number {
  if (maxCount === undefined) return -1;
  if (!Number.isInteger(maxCount) || maxCount < 0) throw new RangeError(`maxCount must be a whole number >= 0, not ${maxCount}`);
  return maxCount;
}
