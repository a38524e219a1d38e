import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyWrapper } from './key-store/key-wrapping.js';
import { SqliteCustomerKeyStore } from './key-store/sqlite-customer-key-store.js';

const filesOf = (file: string): Buffer => Buffer.concat([file, `${file}-wal`].map((f) => { try { return readFileSync(f); } catch { return Buffer.alloc(0); } }));

/** The claim crypto-shredding rests on: once deleted, no byte of the key is left in keys.sqlite or its WAL. */
describe('deleting a key from keys.sqlite', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'casetrail-shred-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves no copy of the key in the database file or its WAL', async () => {
    const file = join(dir, 'keys.sqlite');
    const store = SqliteCustomerKeyStore.open(file);
    const others = await Promise.all(['C-a', 'C-b', 'C-c'].map((c) => store.currentKey(c)));
    const key = await store.currentKey('C-erased');
    await store.currentKey('C-d');
    expect(filesOf(file).includes(key.key)).toBe(true);
    await store.deleteKeys('C-erased');
    expect(filesOf(file).includes(key.key)).toBe(false);
    for (const other of others) expect(filesOf(file).includes(other.key)).toBe(true);
    await store.close();
    expect(filesOf(file).includes(key.key)).toBe(false);
  });

  it('leaves no copy of a wrapped key either', async () => {
    const file = join(dir, 'keys.sqlite');
    const master = KeyWrapper.fromEnv({ CASETRAIL_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') });
    const store = SqliteCustomerKeyStore.open(file, master);
    const key = await store.currentKey('C-erased');
    expect(filesOf(file).includes(key.key)).toBe(false);
    expect(filesOf(file).includes(Buffer.from(key.keyId))).toBe(true);
    await store.deleteKeys('C-erased');
    expect(filesOf(file).includes(Buffer.from(key.keyId))).toBe(false);
    await store.close();
  });
});
