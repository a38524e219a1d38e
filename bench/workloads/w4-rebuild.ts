import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../lib/dataset.js';
import type { SizeProfile } from '../lib/sizes.js';
import { figure, log, type Figure } from '../lib/stats.js';

const CHILD = fileURLToPath(new URL('./rebuild-child.mjs', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface RebuildRun {
  readonly events: number;
  readonly projections: number;
  readonly seconds: number;
  readonly maxRssMB: number;
  readonly perProjection: Record<string, number>;
}

function rebuildOnce(dataDir: string): Promise<RebuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dataDir], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as RebuildRun) : reject(new Error(`rebuild child exited ${code}: ${err}`))));
  });
}

/**
 * W4: every projection rebuilt from position 0 over the data set, in a child process running the
 * built code (`rebuildProjection` for each of `ALL_PROJECTIONS`, as `cli rebuild` does). The
 * headline counts each stored event once: store events / wall time for all projections.
 */
export async function rebuild(size: SizeProfile, dataset: Dataset): Promise<Record<string, Figure>> {
  const runs: RebuildRun[] = [];
  const warmups = size.rebuildRuns > 1 ? 1 : 0;
  for (let i = 0; i < size.rebuildRuns + warmups; i += 1) {
    const run = await rebuildOnce(dataset.dir);
    log(`W4 rebuild: ${run.events} events × ${run.projections} projections in ${run.seconds.toFixed(1)} s, peak RSS ${run.maxRssMB.toFixed(0)} MB`);
    if (i >= warmups) runs.push(run);
  }
  const last = runs[runs.length - 1]!;
  return {
    allProjections: figure(`store events rebuilt per second, all ${last.projections} projections one after another`, 'events/s', runs.map((r) => r.events / r.seconds), {
      events: last.events,
    }),
    projectionEvents: figure('events applied per second summed over projections (each projection reads the log)', 'events/s', runs.map((r) => (r.events * r.projections) / r.seconds)),
    peakRss: figure('peak RSS of the rebuilding process', 'MB', runs.map((r) => r.maxRssMB)),
    perProjection: figure('slowest projection alone', 'events/s', runs.map((r) => Math.min(...Object.values(r.perProjection))), {
      byProjection: last.perProjection,
    }),
  };
}
