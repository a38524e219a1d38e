/**
 * Before/after of a change on W3: `node --conditions=source --import tsx bench/tools/compare-http.ts
 * <rootA> <rootB> [seconds]`, each root a checkout with a built `dist/`, optionally followed by
 * settings for its server (`/repo,CASETRAIL_PROJECTIONS=inline`). Alternates A, B, A, B on fresh,
 * empty data folders, so a slow moment of the machine hits both alike.
 */
import { startServer } from '../lib/server.js';
import { tempDir } from '../lib/temp-dir.js';
import { load, openCases } from '../workloads/w3-http.js';

const [rootA, rootB, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg ?? 6);
for (const round of [1, 2]) {
  for (const side of [rootA!, rootB!]) {
    const [root, ...settings] = side.split(',');
    const temp = tempDir('compare');
    const server = await startServer(temp.dir, [], root, Object.fromEntries(settings.map((s) => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)])));
    try {
      const cases = await openCases(server);
      const saturated = await load(server, cases, seconds, null);
      const fixed = await load(server, cases, seconds, 1_500);
      console.log(JSON.stringify({ round, side, saturation: saturated.commandsPerSecond, satP99: saturated.latency.p99, at1500: fixed.commandsPerSecond, p50: fixed.latency.p50, p99: fixed.latency.p99, p99_9: fixed.latency.p99_9, rssMB: server.memory().rssMB }));
    } finally {
      await server.stop();
      temp.remove();
    }
  }
}
