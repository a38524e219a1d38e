import { randomBytes } from 'node:crypto';
import { closeSync, fdatasync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { DomainError } from '#casetrail/domain';
import { boundPageCache, TurnBatcher, uuidV7 } from '#casetrail/event-store';
import type { CustomerDataKey, CustomerKeyStore } from './customer-key-store.port.js';
import { KeyWrapper, type Wrapping } from './key-wrapping.js';

interface PendingKey {
  readonly customerId: string;
  readonly resolve: (row: KeyRow) => void;
  readonly reject: (error: unknown) => void;
}

interface KeyRow {
  readonly key_id: string;
  readonly wrapping: Wrapping;
  readonly material: Buffer;
}

/** Makes what was committed so far durable; resolves once it is on disk. */
export type SyncLog = () => Promise<void>;

export class KeyStoreUnavailableError extends DomainError {
  constructor(reason: string) {
    super('KEYS.UNAVAILABLE', 'unavailable', `The customer key store is unavailable: ${reason}; nothing was written`);
  }
}

const syncFd = promisify(fdatasync);

/** A checkpoint is refused while a reader holds an older snapshot; one process owns this file, so that passes quickly. */
const CHECKPOINT_ATTEMPTS = 20;

/**
 * The embedded key store: `<dataDir>/keys.sqlite`, a file of its own so that the event store's
 * files never hold a key. `secure_delete` overwrites a deleted key's bytes in the database pages,
 * and after a delete the WAL is checkpointed with TRUNCATE: the frames that still held the key
 * are copied over by the zeroed pages and the log is cut to nothing. What the file system may keep
 * of released blocks is beyond any database; wrap keys with `CASETRAIL_MASTER_KEY` against that.
 */
export class SqliteCustomerKeyStore implements CustomerKeyStore {
  // Prepared once: preparing costs more than running these one-row statements.
  private readonly selectKey: Database.Statement<[string], KeyRow>;
  private readonly insertKey: Database.Statement<[string, string, Wrapping, Buffer, string]>;
  private readonly deleteKey: Database.Statement<[string]>;
  private readonly insertKeys: (customerIds: readonly string[]) => void;
  private readonly pending = new TurnBatcher<PendingKey>((batch) => this.createPending(batch));
  /** Customers whose new key is committed but maybe not yet on disk, with the sync that puts it there. */
  private readonly unsynced = new Map<string, Promise<void>>();
  /** Set when a sync failed: what the disk holds is then unknown, so no key is handed out until a restart. */
  private broken: KeyStoreUnavailableError | null = null;

  private constructor(
    private readonly db: Database.Database,
    private readonly wrapper: KeyWrapper,
    private readonly syncLog: SyncLog,
    private readonly closeLog: () => void,
  ) {
    this.selectKey = db.prepare('select key_id, wrapping, material from customer_keys where customer_id = ?');
    this.insertKey = db.prepare('insert or ignore into customer_keys (customer_id, key_id, wrapping, material, created_at) values (?, ?, ?, ?, ?)');
    this.deleteKey = db.prepare('delete from customer_keys where customer_id = ?');
    this.insertKeys = db.transaction((customerIds: readonly string[]) => {
      for (const customerId of customerIds) {
        const keyId = uuidV7(); // time-ordered: the unique index on key ids grows at its right edge
        const { wrapping, material } = this.wrapper.wrap(customerId, keyId, randomBytes(32));
        // `or ignore`: another connection, or an earlier report in this batch, may have created it first.
        this.insertKey.run(customerId, keyId, wrapping, material, new Date().toISOString());
      }
    });
  }

  /**
   * `syncLog` is for tests; by default the write-ahead log is synced with `fdatasync` on the libuv
   * pool. A commit at `synchronous = NORMAL` appends to the log without waiting for the disk, so
   * the API's thread goes on serving requests while the disk works (4.7 % of that thread's time at
   * saturation was spent waiting in this file's commits).
   */
  static open(file: string, wrapper: KeyWrapper = KeyWrapper.none(), syncLog?: SyncLog): SqliteCustomerKeyStore {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // NORMAL syncs the log only before a checkpoint copies it into the file: each commit's own sync is `syncLog`.
    db.pragma('synchronous = NORMAL');
    db.pragma('secure_delete = ON');
    boundPageCache(db);
    db.exec(`create table if not exists customer_keys (
      customer_id text primary key,
      key_id text not null unique,
      wrapping text not null,
      material blob not null,
      created_at text not null
    )`);
    if (syncLog) return new SqliteCustomerKeyStore(db, wrapper, syncLog, () => {});
    // Opened once the log exists (the table's creation wrote it): a checkpoint truncates it in place, never replaces it.
    const log = openSync(`${file}-wal`, 'r+');
    return new SqliteCustomerKeyStore(db, wrapper, () => syncFd(log), () => closeSync(log));
  }

  async currentKey(customerId: string): Promise<CustomerDataKey> {
    if (this.broken) throw this.broken;
    const existing = this.row(customerId);
    if (!existing) return this.toKey(customerId, await this.createKey(customerId));
    // Created by a request still waiting for its sync: not handed out before it is on disk.
    await this.unsynced.get(customerId);
    return this.toKey(customerId, existing);
  }

  async findKey(customerId: string, keyId: string): Promise<CustomerDataKey | null> {
    const row = this.row(customerId);
    return row && row.key_id === keyId ? this.toKey(customerId, row) : null;
  }

  async deleteKeys(customerId: string): Promise<number> {
    const { changes } = this.deleteKey.run(customerId);
    for (let attempt = 1; ; attempt++) {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (result?.busy === 0) return changes;
      if (attempt >= CHECKPOINT_ATTEMPTS) throw new Error('keys.sqlite: the WAL could not be truncated after deleting a key; erase again');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.pending.flush();
    await Promise.allSettled(this.unsynced.values());
    this.closeLog();
    this.db.close();
  }

  /**
   * New keys are written like appends to the event store: those asked for in one turn of the
   * event loop share one transaction and one sync, so a burst of reports pays one fsync. A key is
   * handed out only after its sync: it must be on disk before any event sealed with it.
   */
  private createKey(customerId: string): Promise<KeyRow> {
    return new Promise((resolve, reject) => this.pending.push({ customerId, resolve, reject }));
  }

  private createPending(batch: readonly PendingKey[]): void {
    try {
      this.insertKeys(batch.map((p) => p.customerId));
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    // The row read back is the one kept, whoever created it.
    const rows = batch.map((p) => this.row(p.customerId)!);
    const synced = this.syncLog().then(
      () => {
        for (const [i, p] of batch.entries()) p.resolve(rows[i]!);
      },
      (error: unknown) => {
        this.broken ??= new KeyStoreUnavailableError(`keys.sqlite could not be synced to disk (${error instanceof Error ? error.message : String(error)})`);
        for (const p of batch) p.reject(this.broken);
        throw this.broken;
      },
    );
    for (const p of batch) this.unsynced.set(p.customerId, synced);
    void synced
      .catch(() => undefined)
      .finally(() => {
        for (const p of batch) if (this.unsynced.get(p.customerId) === synced) this.unsynced.delete(p.customerId);
      });
  }

  private row(customerId: string): KeyRow | undefined {
    return this.selectKey.get(customerId);
  }

  private toKey(customerId: string, row: KeyRow): CustomerDataKey {
    return { customerId, keyId: row.key_id, key: this.wrapper.unwrap(customerId, row.key_id, row) };
  }
}
