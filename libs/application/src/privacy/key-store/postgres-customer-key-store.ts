import { randomBytes } from 'node:crypto';
import { uuidV7 } from '#casetrail/event-store';
import { loadPg } from '#casetrail/read-models';
import type pg from 'pg';
import type { CustomerDataKey, CustomerKeyStore } from './customer-key-store.port.js';
import { KeyWrapper, type Wrapping } from './key-wrapping.js';

interface KeyRow {
  readonly key_id: string;
  readonly wrapping: Wrapping;
  readonly material: Buffer;
}

/**
 * The production key store: table `customer_keys` in PostgreSQL (`DATABASE_URL`), beside the
 * read models but never in the event store. PostgreSQL cannot overwrite a deleted row in place:
 * its bytes linger in dead tuples until vacuumed and in WAL archives and backups until they
 * expire. Production therefore sets `CASETRAIL_MASTER_KEY`, so those copies are wrapped keys that
 * open nothing without the master key (and a master-key rotation retires them for good).
 */
export class PostgresCustomerKeyStore implements CustomerKeyStore {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly wrapper: KeyWrapper,
  ) {}

  static async open(config: pg.PoolConfig, wrapper: KeyWrapper = KeyWrapper.none()): Promise<PostgresCustomerKeyStore> {
    const pool = new (loadPg().Pool)({ max: 4, ...config });
    // The API and the projector start together: concurrent `create table if not exists` can collide in the catalog.
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query("select pg_advisory_xact_lock(hashtext('casetrail.customer_keys'))");
      await client.query(`create table if not exists customer_keys (
        customer_id text primary key,
        key_id text not null unique,
        wrapping text not null,
        material bytea not null,
        created_at timestamptz not null default now()
      )`);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      await pool.end();
      throw error;
    } finally {
      client.release();
    }
    return new PostgresCustomerKeyStore(pool, wrapper);
  }

  async currentKey(customerId: string): Promise<CustomerDataKey> {
    const existing = await this.row(customerId);
    if (existing) return this.toKey(customerId, existing);
    const keyId = uuidV7(); // time-ordered: the unique index on key ids grows at its right edge
    const { wrapping, material } = this.wrapper.wrap(customerId, keyId, randomBytes(32));
    // Another replica may create the customer's key at the same moment: the first row wins, both use it.
    await this.pool.query(
      'insert into customer_keys (customer_id, key_id, wrapping, material) values ($1, $2, $3, $4) on conflict (customer_id) do nothing',
      [customerId, keyId, wrapping, material],
    );
    return this.toKey(customerId, (await this.row(customerId))!);
  }

  async findKey(customerId: string, keyId: string): Promise<CustomerDataKey | null> {
    const row = await this.row(customerId);
    return row && row.key_id === keyId ? this.toKey(customerId, row) : null;
  }

  async deleteKeys(customerId: string): Promise<number> {
    const result = await this.pool.query('delete from customer_keys where customer_id = $1', [customerId]);
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async row(customerId: string): Promise<KeyRow | undefined> {
    const result = await this.pool.query<KeyRow>('select key_id, wrapping, material from customer_keys where customer_id = $1', [customerId]);
    return result.rows[0];
  }

  private toKey(customerId: string, row: KeyRow): CustomerDataKey {
    return { customerId, keyId: row.key_id, key: this.wrapper.unwrap(customerId, row.key_id, row) };
  }
}
