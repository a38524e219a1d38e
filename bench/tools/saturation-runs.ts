/**
 * W3's saturation load run after run on one data set, with the server's disk reads in each run:
 * `node --conditions=source --import tsx bench/tools/saturation-runs.ts <dataDir> [runs] [seconds]`.
 * Shows whether a run is still warming the OS page cache (at size M the first runs after a rebuild
 * are). Runs on the data set itself, which W3's commands append to; drop the caches first
 * (`echo 3 > /proc/sys/vm/drop_caches`, as root) to see a cold start.
 */
import { readFileSync } from 'node:fs';
import { startServer } from '../lib/server.js';
import { load, openCases } from '../workloads/w3-http.js';

const [dataDir, runsArg, secondsArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: saturation-runs.ts <dataDir> [runs] [seconds]');
const runs = Number(runsArg ?? 5);
const seconds = Number(secondsArg ?? 10);

/** Bytes the process has had read from disk (page-cache misses), from /proc/<pid>/io. */
const diskReads = (pid: number): number => Number(/read_bytes: (\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))![1]);

const server = await startServer(dataDir);
try {
  await server.settle();
  const cases = await openCases(server);
  for (let run = 1; run <= runs; run += 1) {
    const before = diskReads(server.pid);
    const result = await load(server, cases, seconds, null);
    console.log(`run ${run}: ${result.commandsPerSecond.toFixed(0)} commands/s, p99 ${result.latency.p99} ms, disk reads ${((diskReads(server.pid) - before) / 1e6).toFixed(1)} MB`);
  }
} finally {
  await server.stop();
}
