/**
 * CPU spent per command, on the server's main thread and in the whole process, under W3's mix at a
 * fixed rate both sides sustain: `node --conditions=source --import tsx bench/tools/cpu-per-command.ts
 * <sideA> <sideB> [rate] [seconds]`, sides as in `sides.ts` (`root[,KEY=VALUE…]`). Unlike
 * throughput, CPU per command hardly moves when something else shares the machine.
 */
import { readFileSync } from 'node:fs';
import type { RunningServer } from '../lib/server.js';
import { load, openCases } from '../workloads/w3-http.js';
import { alternateSides } from './sides.js';

const [sideA, sideB, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg ?? 400);
const seconds = Number(secondsArg ?? 8);
const TICK_MS = 10; // USER_HZ on Linux

/** utime + stime in ms of the main thread (`task/<pid>`) and of the whole process. */
function cpu(server: RunningServer): { main: number; all: number } {
  const ticks = (file: string) => {
    const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  };
  return { main: ticks(`/proc/${server.pid}/task/${server.pid}/stat`), all: ticks(`/proc/${server.pid}/stat`) };
}

await alternateSides([sideA!, sideB!], async (server, round, side) => {
  const cases = await openCases(server);
  await load(server, cases, 3, rate); // warm-up
  const before = cpu(server);
  const result = await load(server, cases, seconds, rate);
  const after = cpu(server);
  const commands = result.commandsPerSecond * seconds;
  const perCommand = (ms: number) => Math.round((1000 * ms) / commands);
  console.log(JSON.stringify({ round, side, commandsPerSecond: Math.round(result.commandsPerSecond), mainThreadUsPerCommand: perCommand(after.main - before.main), processUsPerCommand: perCommand(after.all - before.all), p99: result.latency.p99, rssMB: Math.round(server.memory().rssMB) }));
});
