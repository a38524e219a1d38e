/**
 * Before/after of a change on W3: `node --conditions=source --import tsx bench/tools/compare-http.ts
 * <sideA> <sideB> [seconds]`, sides as in `sides.ts` (`root[,KEY=VALUE…]`). Beside each load, the
 * projections' backlog (head − the slowest checkpoint, from /health) is sampled every 250 ms, and
 * the time it takes to empty once the load stops.
 */
import type { RunningServer } from '../lib/server.js';
import { load, openCases } from '../workloads/w3-http.js';
import { projectionBacklog } from '../workloads/w5-lag.js';
import { alternateSides } from './sides.js';

const [sideA, sideB, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg ?? 6);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a load while sampling the backlog; then waits for the backlog to empty. */
async function watched<T>(server: RunningServer, work: Promise<T>): Promise<{ result: T; backlogMax: number; backlogMean: number; drainMs: number }> {
  let done = false;
  const finished = work.finally(() => (done = true));
  const samples: number[] = [];
  while (!done) {
    samples.push(await projectionBacklog(server));
    await pause(250);
  }
  const result = await finished;
  const stopped = Date.now();
  while ((await projectionBacklog(server)) > 0) await pause(20);
  const backlogMean = Math.round(samples.reduce((sum, b) => sum + b, 0) / Math.max(1, samples.length));
  return { result, backlogMax: Math.max(0, ...samples), backlogMean, drainMs: Date.now() - stopped };
}

await alternateSides([sideA!, sideB!], async (server, round, side) => {
  const cases = await openCases(server);
  const saturated = await watched(server, load(server, cases, seconds, null));
  const fixed = await watched(server, load(server, cases, seconds, 1_500));
  console.log(
    JSON.stringify({
      round,
      side,
      saturation: saturated.result.commandsPerSecond,
      satP99: saturated.result.latency.p99,
      satBacklogMean: saturated.backlogMean,
      satBacklogMax: saturated.backlogMax,
      satDrainMs: saturated.drainMs,
      at1500: fixed.result.commandsPerSecond,
      p50: fixed.result.latency.p50,
      p99: fixed.result.latency.p99,
      p99_9: fixed.result.latency.p99_9,
      backlogMean: fixed.backlogMean,
      backlogMax: fixed.backlogMax,
      drainMs: fixed.drainMs,
      rssMB: server.memory().rssMB,
    }),
  );
});
