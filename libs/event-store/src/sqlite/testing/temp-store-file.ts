import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the OS temp dir holding one store file; `remove` deletes it all (WAL and SHM included). */
export async function tempStoreFile(prefix = 'casetrail-store-'): Promise<{ file: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { file: join(dir, 'events.sqlite'), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A clock that moves one second per reading, so each append gets a distinct, predictable `recordedAt`. */
export function steppingClock(start = Date.parse('2026-03-02T08:00:00.000Z')): { now(): number } {
  let now = start;
  return { now: () => (now += 1000) };
}
