import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyWrapper } from './key-store/key-wrapping.js';
import { KeyStoreUnavailableError, SqliteCustomerKeyStore } from './key-store/sqlite-customer-key-store.js';

/** A log sync the test completes or fails by hand. */
class HeldSync {
  readonly calls: { resolve: () => void; reject: (error: Error) => void }[] = [];
  readonly sync = (): Promise<void> => new Promise((resolve, reject) => this.calls.push({ resolve, reject }));
}

const settled = async <T>(promise: Promise<T>): Promise<'pending' | 'settled'> =>
  Promise.race([promise.then(() => 'settled' as const, () => 'settled' as const), new Promise<'pending'>((r) => setTimeout(() => r('pending'), 20))]);

/** keys.sqlite commits without waiting for the disk and syncs its log off the thread: a key is handed out only once it is on disk. */
describe('syncing new keys in keys.sqlite', () => {
  let dir: string;
  let held: HeldSync;
  let store: SqliteCustomerKeyStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'casetrail-key-sync-'));
    held = new HeldSync();
    store = SqliteCustomerKeyStore.open(join(dir, 'keys.sqlite'), KeyWrapper.none(), held.sync);
  });
  afterEach(async () => {
    for (const call of held.calls) call.resolve();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands a new key out, to its first and to any later requester, only after the sync that follows its commit', async () => {
    const first = store.currentKey('C-1');
    expect(await settled(first)).toBe('pending');
    expect(held.calls).toHaveLength(1);
    const second = store.currentKey('C-1');
    expect(await settled(second)).toBe('pending');
    held.calls[0]!.resolve();
    const [a, b] = await Promise.all([first, second]);
    expect(b).toEqual(a);
    expect(await store.currentKey('C-1')).toEqual(a);
    expect(held.calls).toHaveLength(1);
  });

  it('syncs the keys asked for in one turn once', async () => {
    const keys = Promise.all(['C-1', 'C-2', 'C-3'].map((c) => store.currentKey(c)));
    await settled(keys);
    expect(held.calls).toHaveLength(1);
    held.calls[0]!.resolve();
    expect(new Set((await keys).map((k) => k.keyId)).size).toBe(3);
  });

  it('refuses every key, new or not, once a sync failed: what the disk holds is then unknown', async () => {
    const before = store.currentKey('C-old');
    await settled(before);
    held.calls[0]!.resolve();
    await before;
    const waiting = store.currentKey('C-new');
    await settled(waiting);
    const alsoWaiting = store.currentKey('C-new');
    held.calls[1]!.reject(new Error('EIO'));
    await expect(waiting).rejects.toBeInstanceOf(KeyStoreUnavailableError);
    await expect(alsoWaiting).rejects.toBeInstanceOf(KeyStoreUnavailableError);
    await expect(store.currentKey('C-old')).rejects.toMatchObject({ code: 'KEYS.UNAVAILABLE', kind: 'unavailable' });
  });
});
