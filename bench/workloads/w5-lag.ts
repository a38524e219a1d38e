import { call, msSince, reportBody } from '../lib/http-client.js';
import type { RunningServer } from '../lib/server.js';
import type { SizeProfile } from '../lib/sizes.js';
import { figure, percentile, type Figure } from '../lib/stats.js';
import { load, openCases } from './w3-http.js';

interface Health {
  details: { eventStore: { headPosition: number }; projections: { projections: { name: string; position: number }[] } };
}

const health = async (server: RunningServer) => (await call(server, 'auditor', 'GET', '/health')).body as Health;

/** Events not yet projected: the head position less the slowest projection's checkpoint. */
export async function projectionBacklog(server: RunningServer): Promise<number> {
  const { details } = await health(server);
  return details.eventStore.headPosition - Math.min(...details.projections.projections.map((p) => p.position));
}

/**
 * One sample: report a case, and from its acknowledgement poll `/health` until every projection's
 * checkpoint has reached the head position seen just after the acknowledgement. That head is at
 * or past the new event, so under load the figure is an upper bound of the true lag.
 */
async function lagOnce(server: RunningServer): Promise<number> {
  const answer = await call(server, 'agent', 'POST', '/v1/cases', reportBody('LAG-PROBE'));
  if (answer.status !== 201) throw new Error(`report answered ${answer.status}`);
  const acknowledged = process.hrtime.bigint();
  let target: number | null = null;
  for (;;) {
    const { details } = await health(server);
    target ??= details.eventStore.headPosition;
    if (details.projections.projections.every((p) => p.position >= target!)) return msSince(acknowledged);
  }
}

async function samples(server: RunningServer, until: () => boolean, spacingMs: number): Promise<number[]> {
  const lags: number[] = [];
  while (!until()) {
    lags.push(await lagOnce(server));
    await new Promise((resolve) => setTimeout(resolve, spacingMs));
  }
  return lags;
}

const summary = (metric: string, lags: number[]): Figure => {
  const sorted = [...lags].sort((a, b) => a - b);
  return figure(metric, 'ms', lags, { p50: percentile(sorted, 50), p99: percentile(sorted, 99), samples: lags.length });
};

/** Waits (up to two minutes) until every projection has caught up with the head: a previous overload may have left a backlog. */
async function drained(server: RunningServer): Promise<void> {
  const until = Date.now() + 120_000;
  for (;;) {
    if ((await projectionBacklog(server)) <= 0 || Date.now() > until) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** W5: live lag from an acknowledged command to every projection having applied it; idle, then under 1,500 commands/s. */
export async function liveLag(size: SizeProfile, server: RunningServer): Promise<Record<string, Figure>> {
  let idleCount = 0;
  await drained(server);
  for (let i = 0; i < 10; i += 1) await lagOnce(server); // warm-up
  const idle = await samples(server, () => idleCount++ >= 100, 5);
  const cases = await openCases(server);
  let loaded = false;
  const background = load(server, cases, size.httpSeconds, 1_500).finally(() => (loaded = true));
  const underLoad = await samples(server, () => loaded, 50);
  await background;
  const { runs: _i, ...idleFigure } = summary('lag, idle server (report → all projections applied)', idle);
  const { runs: _l, ...loadFigure } = summary('lag under 1,500 commands/s', underLoad);
  return { idle: idleFigure as Figure, at1500: loadFigure as Figure };
}
