import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { TurnBatcher, uuidV7 } from '#casetrail/event-store';
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

  private constructor(
    private readonly db: Database.Database,
    private readonly wrapper: KeyWrapper,
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

  static open(file: string, wrapper: KeyWrapper = KeyWrapper.none()): SqliteCustomerKeyStore {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.exec(`create table if not exists customer_keys (
      customer_id text primary key,
      key_id text not null unique,
      wrapping text not null,
      material blob not null,
      created_at text not null
    )`);
    return new SqliteCustomerKeyStore(db, wrapper);
  }

  async currentKey(customerId: string): Promise<CustomerDataKey> {
    const existing = this.row(customerId);
    if (existing) return this.toKey(customerId, existing);
    return this.toKey(customerId, await this.createKey(customerId));
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
    this.db.close();
  }

  /**
   * New keys are written like appends to the event store: those asked for in one turn of the
   * event loop share one transaction, so a burst of reports pays one fsync (synchronous = FULL: a
   * key must be on disk before the event sealed with it).
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
    for (const p of batch) p.resolve(this.row(p.customerId)!);
  }

  private row(customerId: string): KeyRow | undefined {
    return this.selectKey.get(customerId);
  }

  private toKey(customerId: string, row: KeyRow): CustomerDataKey {
    return { customerId, keyId: row.key_id, key: this.wrapper.unwrap(customerId, row.key_id, row) };
  }
}
