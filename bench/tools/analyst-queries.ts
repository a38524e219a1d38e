/**
 * How the API answers while analysts query the read models:
 * `node --conditions=source --import tsx bench/tools/analyst-queries.ts [S|M]` (default M; run the
 * bench at that size once first). For each side — the read API on the API's own thread
 * (`CASETRAIL_QUERY_THREADS=0`) and on query threads (`npm start`'s default) — it starts the built
 * server on the data set, lets it settle, then runs each summary below once while an agent posts
 * progress updates one after another and `/health/live` is probed every 50 ms, and prints each
 * query's time with the slowest probe and command answered meanwhile, then the server's RSS. The updates land in the data set, as W3's do.
 */
import { datasetDir } from '../lib/dataset.js';
import { call, msSince, progressBody, reportCase } from '../lib/http-client.js';
import { startServer, type RunningServer } from '../lib/server.js';
import { SIZES } from '../lib/sizes.js';

const size = SIZES[(process.argv[2] ?? 'M') as 'S' | 'M'];
const QUERIES = ['/v1/sla/summary', '/v1/sla/summary?groupBy=region', '/v1/satisfaction/summary?groupBy=technicianId', '/v1/complaints/summary?groupBy=month'];

/** Runs `probe` back to back (pausing `pauseMs` between) until `until` settles; the slowest answer in ms and how many. */
async function during(until: Promise<unknown>, probe: () => Promise<void>, pauseMs: number): Promise<{ maxMs: number; count: number }> {
  let done = false;
  void until.finally(() => (done = true));
  let maxMs = 0;
  let count = 0;
  while (!done) {
    const started = process.hrtime.bigint();
    await probe();
    maxMs = Math.max(maxMs, msSince(started));
    count += 1;
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return { maxMs, count };
}

async function measure(server: RunningServer, caseId: string): Promise<void> {
  let n = 0;
  const command = async (): Promise<void> => {
    const answer = await call(server, 'agent', 'POST', `/v1/cases/${caseId}/progress-updates`, progressBody(n++));
    if (answer.status !== 200) throw new Error(`progress update answered ${answer.status}`);
  };
  const live = async (): Promise<void> => {
    if ((await fetch(`${server.url}/health/live`)).status !== 200) throw new Error('/health/live did not answer 200');
  };
  for (const path of QUERIES) {
    const started = process.hrtime.bigint();
    const query = call(server, 'analyst', 'GET', path).then((answer) => {
      if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
      return msSince(started);
    });
    const [queryMs, probes, commands] = await Promise.all([query, during(query, live, 50), during(query, command, 0)]);
    console.log(
      `  ${path.padEnd(48)} ${(queryMs / 1000).toFixed(2).padStart(6)} s; slowest /health/live ${probes.maxMs.toFixed(0).padStart(6)} ms (${probes.count}), slowest command ${commands.maxMs.toFixed(0).padStart(6)} ms (${commands.count})`,
    );
  }
}

for (const [side, env] of [
  ['the API thread (CASETRAIL_QUERY_THREADS=0)', { CASETRAIL_QUERY_THREADS: '0' }],
  ['query threads (default)', {}],
] as const) {
  const server = await startServer(datasetDir(size), [], undefined, env);
  try {
    await server.settle();
    const caseId = await reportCase(server);
    console.log(`size ${size.name}, read API on ${side}:`);
    await measure(server, caseId);
    const { rssMB, peakMB } = server.memory();
    console.log(`  server RSS ${rssMB.toFixed(0)} MB, peak ${peakMB.toFixed(0)} MB`);
  } finally {
    await server.stop();
  }
}
