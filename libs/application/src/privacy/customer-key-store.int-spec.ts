import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DEFAULT_DATABASE_URL } from '#casetrail/read-models';
import type { CustomerKeyStore } from './key-store/customer-key-store.port.js';
import { KeyWrapper } from './key-store/key-wrapping.js';
import { PostgresCustomerKeyStore } from './key-store/postgres-customer-key-store.js';
import { SqliteCustomerKeyStore } from './key-store/sqlite-customer-key-store.js';

interface Harness {
  open(wrapper?: KeyWrapper): Promise<CustomerKeyStore>;
  dispose(): Promise<void>;
}

const sqlite = (): Harness => {
  const dir = mkdtempSync(join(tmpdir(), 'casetrail-keys-'));
  return { open: async (wrapper) => SqliteCustomerKeyStore.open(join(dir, 'keys.sqlite'), wrapper), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
};

/** A schema of its own in the PostgreSQL the read-model suites use, dropped afterwards. */
const postgres = (url: string): Harness => {
  const schema = `k_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  let created = false;
  return {
    open: async (wrapper) => {
      if (!created) await admin.query(`create schema ${schema}`);
      created = true;
      return PostgresCustomerKeyStore.open({ connectionString: url, options: `-c search_path=${schema}` }, wrapper);
    },
    dispose: async () => {
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    },
  };
};

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const url = process.env['DATABASE_URL'] || DEFAULT_DATABASE_URL;
const pgUp = await reachable(url);
if (!pgUp) console.warn(`customer key store: PostgreSQL not reachable at ${url.replace(/:[^:@/]+@/, ':***@')}: its contract run is SKIPPED`);

const adapters: [string, () => Harness, boolean][] = [
  ['SQLite (keys.sqlite)', sqlite, true],
  ['PostgreSQL (customer_keys)', () => postgres(url), pgUp],
];

describe.each(adapters)('the customer key store on %s', (_name, harness, available) => {
  const maybe = available ? it : it.skip;
  let h: Harness;
  let store: CustomerKeyStore;
  beforeEach(async () => {
    if (!available) return;
    h = harness();
    store = await h.open();
  });
  afterEach(async () => {
    if (!available) return;
    await store.close();
    await h.dispose();
  });

  maybe('creates a 32-byte key on first use and hands out the same one after', async () => {
    const first = await store.currentKey('C-1');
    expect(first.key).toHaveLength(32);
    expect(await store.currentKey('C-1')).toEqual(first);
    expect(await store.findKey('C-1', first.keyId)).toEqual(first);
    expect((await store.currentKey('C-2')).keyId).not.toBe(first.keyId);
  });

  maybe('gives concurrent first users one key', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => store.currentKey('C-race')));
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(1);
  });

  maybe('gives a burst of new customers a key each, all of them kept', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `C-burst-${i}`);
    const keys = await Promise.all([...ids, ...ids].map((id) => store.currentKey(id)));
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(ids.length);
    expect(keys.slice(ids.length)).toEqual(keys.slice(0, ids.length));
    await store.close();
    store = await h.open();
    for (const key of keys.slice(0, ids.length)) expect(await store.findKey(key.customerId, key.keyId)).toEqual(key);
  });

  maybe('finds nothing under another customer or key id', async () => {
    const key = await store.currentKey('C-1');
    expect(await store.findKey('C-2', key.keyId)).toBeNull();
    expect(await store.findKey('C-1', 'no-such-key')).toBeNull();
  });

  maybe('deletes a customer’s key for good, leaving others, and creates a new one for data given later', async () => {
    const erased = await store.currentKey('C-1');
    const other = await store.currentKey('C-2');
    expect(await store.deleteKeys('C-1')).toBe(1);
    expect(await store.deleteKeys('C-1')).toBe(0);
    expect(await store.findKey('C-1', erased.keyId)).toBeNull();
    expect(await store.findKey('C-2', other.keyId)).toEqual(other);
    const later = await store.currentKey('C-1');
    expect(later.keyId).not.toBe(erased.keyId);
    expect(await store.findKey('C-1', erased.keyId)).toBeNull();
  });

  maybe('keeps keys across a restart', async () => {
    const key = await store.currentKey('C-1');
    await store.close();
    store = await h.open();
    expect(await store.findKey('C-1', key.keyId)).toEqual(key);
  });

  maybe('wraps keys with the master key, and refuses to read them without it', async () => {
    const master = KeyWrapper.fromEnv({ CASETRAIL_MASTER_KEY: randomBytes(32).toString('base64') });
    await store.close();
    store = await h.open(master);
    const key = await store.currentKey('C-w');
    await store.close();
    store = await h.open(KeyWrapper.fromEnv({ CASETRAIL_MASTER_KEY: randomBytes(32).toString('base64') }));
    await expect(store.findKey('C-w', key.keyId)).rejects.toThrow();
    await store.close();
    store = await h.open(KeyWrapper.none());
    await expect(store.findKey('C-w', key.keyId)).rejects.toThrow(/CASETRAIL_MASTER_KEY/);
    await store.close();
    store = await h.open(master);
    expect(await store.findKey('C-w', key.keyId)).toEqual(key);
  });
});

describe('the master key setting', () => {
  it('must be 32 bytes of base64', () => {
    expect(() => KeyWrapper.fromEnv({ CASETRAIL_MASTER_KEY: 'too-short' })).toThrow(/32 bytes/);
  });
});
