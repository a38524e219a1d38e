/**
 * Start-up, spawn to `/health` ready, of one or more builds: `node --conditions=source --import tsx
 * bench/tools/startup-runs.ts [runs] [root…]` (default: this checkout). Each root is a checkout with
 * a built `dist/`; the roots take turns, `runs` starts each, on one copy of the size-S data set (run
 * the bench once first). The bench itself times a single start; this shows the spread.
 */
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { datasetDir } from '../lib/dataset.js';
import { startServer } from '../lib/server.js';
import { SIZES } from '../lib/sizes.js';
import { figure } from '../lib/stats.js';
import { tempDir } from '../lib/temp-dir.js';

const runs = Number(process.argv[2] ?? 5);
const roots = process.argv.length > 3 ? process.argv.slice(3) : [fileURLToPath(new URL('../../', import.meta.url))];
const copy = tempDir('startup-runs');
try {
  cpSync(datasetDir(SIZES.S), copy.dir, { recursive: true });
  const times = new Map<string, number[]>(roots.map((root) => [root, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const root of roots) {
      const server = await startServer(copy.dir, [], root);
      times.get(root)!.push(server.startupMs);
      await server.stop();
    }
  }
  for (const [root, ms] of times) console.log(`${root}: ${ms.join(' / ')} ms (median ${figure('start-up', 'ms', ms).median})`);
} finally {
  copy.remove();
}
