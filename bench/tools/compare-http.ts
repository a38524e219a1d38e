/**
 * Before/after of a change on W3: `node --conditions=source --import tsx bench/tools/compare-http.ts
 * <sideA> <sideB> [seconds]`, sides as in `sides.ts` (`root[,KEY=VALUE…]`).
 */
import { load, openCases } from '../workloads/w3-http.js';
import { alternateSides } from './sides.js';

const [sideA, sideB, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg ?? 6);
await alternateSides([sideA!, sideB!], async (server, round, side) => {
  const cases = await openCases(server);
  const saturated = await load(server, cases, seconds, null);
  const fixed = await load(server, cases, seconds, 1_500);
  console.log(JSON.stringify({ round, side, saturation: saturated.commandsPerSecond, satP99: saturated.latency.p99, at1500: fixed.commandsPerSecond, p50: fixed.latency.p50, p99: fixed.latency.p99, p99_9: fixed.latency.p99_9, rssMB: server.memory().rssMB }));
});
