/**
 * Profiles the built server under W3's saturation load: `node --conditions=source --import tsx
 * bench/tools/profile-http.ts [seconds]`. The server runs with --cpu-prof; the profile lands in
 * /tmp/casetrail-http-profile when it stops. Runs on a copy of the size-S data set (run the bench once first),
 * so the data set itself stays as generated.
 */
import { cpSync } from 'node:fs';
import { datasetDir } from '../lib/dataset.js';
import { startServer } from '../lib/server.js';
import { SIZES } from '../lib/sizes.js';
import { tempDir } from '../lib/temp-dir.js';
import { load, openCases } from '../workloads/w3-http.js';

const seconds = Number(process.argv[2] ?? 8);
const rate = process.argv[3] ? Number(process.argv[3]) : null;
const copy = tempDir('profile-http');
cpSync(datasetDir(SIZES.S), copy.dir, { recursive: true });
const server = await startServer(copy.dir, ['--cpu-prof', '--cpu-prof-dir=/tmp/casetrail-http-profile']);
try {
  // Not server.settle(): the profiler's sampling thread alone keeps the process above its idle
  // threshold. The S store's catch-up after start takes ~3 s.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const cases = await openCases(server);
  const before = process.cpuUsage();
  const result = await load(server, cases, seconds, rate);
  console.log(JSON.stringify(result), 'bench process cpu s', (process.cpuUsage(before).user + process.cpuUsage(before).system) / 1e6);
} finally {
  await server.stop();
  copy.remove();
}
