/**
 * Profiles the built server under W3's saturation load: `node --conditions=source --import tsx
 * bench/tools/profile-http.ts [seconds]`. The server runs with --cpu-prof; the profile lands in
 * /tmp/casetrail-http-profile when it stops. Uses the size-S data set (run the bench once first).
 */
import { datasetDir } from '../lib/dataset.js';
import { startServer } from '../lib/server.js';
import { SIZES } from '../lib/sizes.js';
import { load, openCases } from '../workloads/w3-http.js';

const seconds = Number(process.argv[2] ?? 8);
const rate = process.argv[3] ? Number(process.argv[3]) : null;
const server = await startServer(datasetDir(SIZES.S), ['--cpu-prof', '--cpu-prof-dir=/tmp/casetrail-http-profile']);
try {
  const cases = await openCases(server);
  const before = process.cpuUsage();
  const result = await load(server, cases, seconds, rate);
  console.log(JSON.stringify(result), 'bench process cpu s', (process.cpuUsage(before).user + process.cpuUsage(before).system) / 1e6);
} finally {
  await server.stop();
}
