/**
 * CPU spent per command, on the server's main thread and in the whole process, under W3's mix at a
 * fixed rate both sides sustain: `node --conditions=source --import tsx bench/tools/cpu-per-command.ts
 * <sideA> <sideB> [rate] [seconds]`, sides as in `sides.ts` (`root[,KEY=VALUE…]`). Unlike
 * throughput, CPU per command hardly moves when something else shares the machine. Also reported:
 * the busiest other thread's, which is the projection worker when projections run on one.
 */
import { readdirSync } from 'node:fs';
import { cpuMsOf, type RunningServer } from '../lib/server.js';
import { load, openCases } from '../workloads/w3-http.js';
import { alternateSides } from './sides.js';

const [sideA, sideB, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg ?? 400);
const seconds = Number(secondsArg ?? 8);

/** CPU ms of the main thread (`task/<pid>`), of the whole process, and of each other thread by id. */
function cpu(server: RunningServer): { main: number; all: number; threads: Map<string, number> } {
  const tasks = readdirSync(`/proc/${server.pid}/task`).filter((tid) => tid !== String(server.pid));
  const threads = new Map(tasks.map((tid) => [tid, cpuMsOf(`/proc/${server.pid}/task/${tid}/stat`)] as const));
  return { main: cpuMsOf(`/proc/${server.pid}/task/${server.pid}/stat`), all: cpuMsOf(`/proc/${server.pid}/stat`), threads };
}

/** The other thread that used the most CPU in between: the projection worker, in `npm start`'s configuration. */
function busiestOther(before: Map<string, number>, after: Map<string, number>): number {
  let most = 0;
  for (const [tid, ms] of after) most = Math.max(most, ms - (before.get(tid) ?? 0));
  return most;
}

await alternateSides([sideA!, sideB!], async (server, round, side) => {
  const cases = await openCases(server);
  await load(server, cases, 3, rate); // warm-up
  const before = cpu(server);
  const result = await load(server, cases, seconds, rate);
  const after = cpu(server);
  const commands = result.commandsPerSecond * seconds;
  const perCommand = (ms: number) => Math.round((1000 * ms) / commands);
  console.log(JSON.stringify({ round, side, commandsPerSecond: Math.round(result.commandsPerSecond), mainThreadUsPerCommand: perCommand(after.main - before.main), processUsPerCommand: perCommand(after.all - before.all), busiestOtherThreadUsPerCommand: perCommand(busiestOther(before.threads, after.threads)), p99: result.latency.p99, rssMB: Math.round(server.memory().rssMB) }));
});
