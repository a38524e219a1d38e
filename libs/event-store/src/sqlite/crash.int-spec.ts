import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Position } from '../event-store.port.js';
import { verifyAllStreams } from '../hash-chain/verify-all-streams.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { steppingClock, tempStoreFile } from './testing/temp-store-file.js';

interface Acknowledged {
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
}

const WRITER = fileURLToPath(new URL('./testing/crash-writer.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const KILL_AFTER = 200;

/** Runs the writer until it has acknowledged `KILL_AFTER` appends, then SIGKILLs it mid-loop. */
function runWriterAndKill(file: string): Promise<Acknowledged[]> {
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', WRITER, file], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged: Acknowledged[] = [];
  let pending = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop()!; // a line cut by the kill was never fully acknowledged to us
    for (const line of lines) acknowledged.push(JSON.parse(line) as Acknowledged);
    if (acknowledged.length >= KILL_AFTER) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`The writer exited by itself (${signal ?? _code}): ${stderr}`));
    });
  });
}

describe('an embedded store killed in the middle of appending', () => {
  it('keeps every acknowledged append whole, and no partial one', async () => {
    const temp = await tempStoreFile('casetrail-crash-');
    try {
      const acknowledged = await runWriterAndKill(temp.file);
      expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

      const store = SqliteEventStore.open(temp.file, { clock: steppingClock() });
      try {
        const all = await store.readAll();
        const byPosition = new Map(all.map((e) => [e.position, e]));
        for (const ack of acknowledged) {
          for (let back = 0; back < 3; back += 1) {
            expect(byPosition.get(ack.position - back)).toMatchObject({ streamId: ack.streamId, revision: ack.revision - back });
          }
        }
        expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i + 1));
        const verification = await verifyAllStreams(store, { pageSize: 100 });
        expect(verification.valid).toBe(true);
        for (const stream of verification.streams) {
          const revisions = (await store.readStream(stream.streamId)).map((e) => e.revision);
          expect(revisions).toEqual(revisions.map((_, i) => i));
          expect(revisions.length % 3).toBe(0);
        }
        expect(verification.totals.events).toBe(all.length);
      } finally {
        await store.close();
      }
    } finally {
      await temp.remove();
    }
  }, 60_000);
});
