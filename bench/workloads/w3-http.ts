import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { progressBody, reportBody, reportCase } from '../lib/http-client.js';
import { openLoop, type OpenLoopRequest } from '../lib/open-loop.js';
import type { RunningServer } from '../lib/server.js';
import type { SizeProfile } from '../lib/sizes.js';
import { figure, log, type Figure } from '../lib/stats.js';

export const POOL = 400;
const TARGET_COMMANDS = 1_500;
const READS_PER_SECOND = 300;

interface Load {
  readonly commandsPerSecond: number;
  /** CPU of this process (autocannon's) per request sent, commands and reads, in µs. */
  readonly generatorCpuUsPerRequest: number;
  readonly failedCommands: number;
  readonly latency: { p50: number; p99: number; p99_9: number; max: number };
  readonly readsPerSecond: number;
}

/**
 * Commands: one report (new case) for every four progress updates on open cases, each with a
 * fresh `Idempotency-Key`, as an agent. Reads: `GET /v1/cases/{id}` (state + ETag) on the same cases.
 */
function commandRequests(server: LoadTarget, cases: readonly string[], counter: { ok: number; failed: number }): autocannon.Request[] {
  const headers = { ...server.auth('agent'), 'content-type': 'application/json' };
  const count = (status: number) => (status < 300 ? (counter.ok += 1) : (counter.failed += 1));
  const report: autocannon.Request = {
    method: 'POST',
    path: '/v1/cases',
    setupRequest: (req) => ({ ...req, headers: { ...headers, 'idempotency-key': randomUUID() }, body: JSON.stringify(reportBody()) }),
    onResponse: count,
  };
  let n = 0;
  const progress: autocannon.Request = {
    method: 'POST',
    path: '/v1/cases',
    setupRequest: (req) => ({
      ...req,
      path: `/v1/cases/${cases[Math.floor(Math.random() * cases.length)]}/progress-updates`,
      headers: { ...headers, 'idempotency-key': randomUUID() },
      body: JSON.stringify(progressBody((n += 1))),
    }),
    onResponse: count,
  };
  return [report, progress, progress, progress, progress];
}

/** What the load needs of a server: casetrail's, or W3's floor (`w3-floor.ts`). */
export type LoadTarget = Pick<RunningServer, 'url' | 'auth'>;

export async function load(server: LoadTarget, cases: readonly string[], seconds: number, commandRate: number | null): Promise<Load> {
  const counter = { ok: 0, failed: 0 };
  const generatorCpu = process.cpuUsage();
  const commands = autocannon({
    url: server.url,
    connections: commandRate === null ? 32 : 64,
    duration: seconds,
    ...(commandRate === null ? {} : { overallRate: commandRate }),
    requests: commandRequests(server, cases, counter),
  });
  const reads = autocannon({
    url: server.url,
    connections: 8,
    duration: seconds,
    overallRate: READS_PER_SECOND,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/v1/cases/${cases[Math.floor(Math.random() * cases.length)]}`, headers: server.auth('agent') }) }],
  });
  const [c, r] = await Promise.all([commands, reads]);
  const used = process.cpuUsage(generatorCpu);
  return {
    commandsPerSecond: counter.ok / seconds,
    generatorCpuUsPerRequest: (used.user + used.system) / Math.max(1, c.requests.sent + r.requests.sent),
    failedCommands: counter.failed + c.errors + c.timeouts,
    latency: { p50: c.latency.p50, p99: c.latency.p99, p99_9: c.latency.p99_9, max: c.latency.max },
    readsPerSecond: r['2xx'] / seconds,
  };
}

/** The same command mix for the uniform open-loop generator. */
export function nextCommand(server: RunningServer, cases: readonly string[]): () => OpenLoopRequest {
  let n = 0;
  return () => {
    n += 1;
    const headers = { ...server.auth('agent'), 'content-type': 'application/json', 'idempotency-key': randomUUID() };
    if (n % 5 === 1) return { method: 'POST', path: '/v1/cases', headers, body: JSON.stringify(reportBody()) };
    const id = cases[Math.floor(Math.random() * cases.length)];
    return { method: 'POST', path: `/v1/cases/${id}/progress-updates`, headers, body: JSON.stringify(progressBody(n)) };
  };
}

export async function openCases(server: RunningServer): Promise<string[]> {
  const cases: string[] = [];
  for (let i = 0; i < POOL; i += 20) cases.push(...(await Promise.all(Array.from({ length: 20 }, () => reportCase(server)))));
  return cases;
}

/**
 * W3: HTTP end to end on the built server, autocannon in this process. Saturation: 32 command
 * connections as fast as the server answers (closed loop) beside 300 reads/s; then open loop at
 * a fixed 1,500 commands/s (autocannon `overallRate` over 64 connections) beside 300 reads/s.
 * Latency is the commands' own, from autocannon's histogram. Autocannon's rate limit lets each
 * connection send its per-second budget back to back at the start of every second (and corrects
 * for coordinated omission at 1 ms), so the same rates are also run with uniform arrivals
 * (`lib/open-loop.ts`): at 1,500/s and at 400/s.
 */
export async function httpLoad(size: SizeProfile, server: RunningServer, runs: number): Promise<Record<string, Figure>> {
  const cases = await openCases(server);
  const seconds = size.httpSeconds;
  const uniform = async (rate: number) => {
    const results = [];
    for (let i = 0; i < runs; i += 1) results.push(await openLoop(server.url, rate, 4, nextCommand(server, cases)));
    log(`W3 uniform ${rate}/s: p50 ${results.map((r) => r.p50.toFixed(1)).join('/')} p99 ${results.map((r) => r.p99.toFixed(1)).join('/')} ms`);
    return figure(`command latency p99, uniform open-loop arrivals at ${rate} commands/s (no reads; latency from the due time)`, 'ms', results.map((r) => r.p99), {
      p50ms: figure('p50', 'ms', results.map((r) => r.p50)),
      p99_9ms: figure('p99.9', 'ms', results.map((r) => r.p99_9)),
      failedCommands: results.reduce((n, r) => n + r.failed, 0),
    });
  };
  // Below saturation first: the overloaded runs leave a backlog that takes a while to drain.
  const uniformAt400 = await uniform(400);
  const saturated: Load[] = [];
  for (let i = 0; i <= runs; i += 1) {
    const result = await load(server, cases, i === 0 ? 3 : seconds, null);
    log(`W3 saturation${i === 0 ? ' (warm-up)' : ''}: ${result.commandsPerSecond.toFixed(0)} commands/s, p99 ${result.latency.p99} ms, ${result.failedCommands} failed`);
    if (i > 0) saturated.push(result);
  }
  const steadyRssMB = server.memory().rssMB;
  const fixed: Load[] = [];
  for (let i = 0; i < runs; i += 1) {
    const result = await load(server, cases, seconds, TARGET_COMMANDS);
    log(`W3 at ${TARGET_COMMANDS}/s: ${result.commandsPerSecond.toFixed(0)} commands/s, p50 ${result.latency.p50} p99 ${result.latency.p99} p99.9 ${result.latency.p99_9} ms`);
    fixed.push(result);
  }
  const uniformAt1500 = await uniform(TARGET_COMMANDS);
  return {
    steadyRss: figure('server RSS after the saturation runs (before the overloaded fixed-rate runs)', 'MB', [steadyRssMB]),
    uniformAt400,
    uniformAt1500,
    saturation: figure('commands answered 2xx per second at saturation (32 connections, closed loop, + 300 reads/s)', 'commands/s', saturated.map((l) => l.commandsPerSecond), {
      p99ms: figure('command latency p99 at saturation', 'ms', saturated.map((l) => l.latency.p99)),
      generatorCpuUsPerRequest: figure("the load generator's CPU per request sent (autocannon, in the bench process)", 'µs', saturated.map((l) => l.generatorCpuUsPerRequest)),
      failedCommands: saturated.reduce((n, l) => n + l.failedCommands, 0),
    }),
    at1500: figure(`command latency p99 at ${TARGET_COMMANDS} commands/s (open loop) + ${READS_PER_SECOND} reads/s`, 'ms', fixed.map((l) => l.latency.p99), {
      p50ms: figure('p50', 'ms', fixed.map((l) => l.latency.p50)),
      p99_9ms: figure('p99.9', 'ms', fixed.map((l) => l.latency.p99_9)),
      achievedCommandsPerSecond: figure('commands answered 2xx per second', 'commands/s', fixed.map((l) => l.commandsPerSecond)),
      failedCommands: fixed.reduce((n, l) => n + l.failedCommands, 0),
    }),
  };
}
