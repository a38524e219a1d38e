import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../lib/dataset.js';
import { runtimeFlagsOf } from '../lib/script-flags.js';
import type { SizeProfile } from '../lib/sizes.js';
import { figure, log, type Figure } from '../lib/stats.js';

const CHILD = fileURLToPath(new URL('./rebuild-child.mjs', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface RebuildRun {
  readonly events: number;
  readonly projections: number;
  readonly seconds: number;
  readonly maxRssMB: number;
  readonly cpuSeconds: number;
  /** Seconds spent in each projection's `apply` (the shared read, upcasting and commits are not in it). */
  readonly applySeconds: Record<string, number>;
}

function rebuildOnce(dataDir: string, threads: 1 | 2): Promise<RebuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...runtimeFlagsOf(REPO_ROOT, 'cli'), CHILD, dataDir, '', String(threads)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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
 * built code: `rebuildReadModelFile`, as `cli rebuild` does (a new read-model file, one pass over
 * the log, each batch applied to every projection in one transaction, then swapped in; by default
 * on two threads, the SLA projection on the second). The headline counts each stored event once:
 * store events / wall time of the whole rebuild. Then once more on one thread (`--threads 1`).
 */
export async function rebuild(size: SizeProfile, dataset: Dataset): Promise<Record<string, Figure>> {
  const runs: RebuildRun[] = [];
  const warmups = size.rebuildRuns > 1 ? 1 : 0;
  for (let i = 0; i < size.rebuildRuns + warmups; i += 1) {
    const run = await rebuildOnce(dataset.dir, 2);
    log(`W4 rebuild: ${run.events} events × ${run.projections} projections, two threads, ${run.seconds.toFixed(1)} s, peak RSS ${run.maxRssMB.toFixed(0)} MB`);
    if (i >= warmups) runs.push(run);
  }
  const last = runs[runs.length - 1]!;
  const one = await rebuildOnce(dataset.dir, 1);
  log(`W4 rebuild on one thread: ${one.seconds.toFixed(1)} s, peak RSS ${one.maxRssMB.toFixed(0)} MB`);
  const slowest = (r: RebuildRun): [string, number] => Object.entries(r.applySeconds).sort((a, b) => b[1] - a[1])[0]!;
  return {
    allProjections: figure(`store events rebuilt per second, all ${last.projections} projections, as \`cli rebuild\` runs (two threads)`, 'events/s', runs.map((r) => r.events / r.seconds), {
      events: last.events,
    }),
    peakRss: figure('peak RSS of the rebuilding process', 'MB', runs.map((r) => r.maxRssMB)),
    cpuSeconds: figure('CPU time of the rebuilding process (user + system)', 's', runs.map((r) => r.cpuSeconds)),
    oneThread: figure('the same on one thread (--threads 1), one run', 'events/s', [one.events / one.seconds]),
    oneThreadPeakRss: figure('peak RSS of the one-thread rebuild', 'MB', [one.maxRssMB]),
    slowestApply: figure(`seconds in the slowest projection's apply (${slowest(last)[0]})`, 's', runs.map((r) => slowest(r)[1]), {
      applySecondsByProjection: last.applySeconds,
    }),
  };
}
