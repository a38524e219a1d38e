import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { systemClock } from '#casetrail/domain';
import { SqliteEventStore, verifyAllStreams } from '#casetrail/event-store';
import type { Dataset } from '../lib/dataset.js';
import { call, progressBody, reportCase } from '../lib/http-client.js';
import type { RunningServer } from '../lib/server.js';
import type { SizeProfile } from '../lib/sizes.js';
import { figure, log, percentile, perSecond, repeat, type Figure } from '../lib/stats.js';

const LONG_CASE_EVENTS = 1_000;
const CHILD = fileURLToPath(new URL('./history-child.mjs', import.meta.url));

/** W6a, in this process: `verifyAllStreams` over the whole data set (every hash recomputed), before any server opens it. */
export async function verifyChains(size: SizeProfile, dataset: Dataset): Promise<Figure> {
  const store = SqliteEventStore.open(dataset.eventsFile, { clock: systemClock });
  try {
    const runs = await repeat(size.name === 'M' ? 1 : 3, async () => {
      const start = process.hrtime.bigint();
      const result = await verifyAllStreams(store);
      if (!result.valid) throw new Error('the data set does not verify');
      return perSecond(result.totals.events, start);
    }, size.name === 'M' ? 0 : 1);
    return figure('whole-store hash-chain verification (verifyAllStreams)', 'events/s', runs, { events: dataset.events });
  } finally {
    await store.close();
  }
}

interface HistoryRun {
  readonly sorted: number[];
  readonly events: number;
  readonly bytes: number;
}

/** Every run of GETs of one case's history, timed by `history-child.mjs` in a process of its own. */
function historyRuns(server: RunningServer, caseId: string, runs: number, perRun: number, warmups = 5): Promise<HistoryRun[]> {
  const args = [CHILD, `${server.url}/v1/cases/${caseId}/history`, server.auth('auditor')['authorization']!, String(runs), String(perRun), String(warmups)];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`history client failed: ${stderr || error.message}`)) : resolve(JSON.parse(stdout) as HistoryRun[]),
    );
  });
}

/** The median/min/max of each run's p99, with each run's p50 beside it. */
const latencyFigure = (metric: string, runs: HistoryRun[]): Figure =>
  figure(metric, 'ms', runs.map((r) => percentile(r.sorted, 99)), {
    p50: figure('p50', 'ms', runs.map((r) => percentile(r.sorted, 50))),
    requestsPerRun: runs[0]!.sorted.length,
    events: runs[0]!.events,
    responseKB: Math.round(runs[0]!.bytes / 1024),
  });

/**
 * W6b, over HTTP as an auditor: `GET /v1/cases/{id}/history` (every event, the state and the SLA
 * clocks after each) for a typical generated case, and for a case given 1,000 events first
 * (a report and 999 progress updates).
 */
export async function historyReads(size: SizeProfile, server: RunningServer, dataset: Dataset): Promise<Record<string, Figure>> {
  const typical = await historyRuns(server, dataset.typicalCaseId, size.runs, 300);
  const longCase = await reportCase(server);
  for (let i = 1; i < LONG_CASE_EVENTS; i += 1) {
    const answer = await call(server, 'agent', 'POST', `/v1/cases/${longCase}/progress-updates`, progressBody(i));
    if (answer.status !== 200) throw new Error(`progress update answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  const long = await historyRuns(server, longCase, size.runs, 20);
  const typicalFigure = latencyFigure(`history with clocks p99, typical case (${dataset.typicalCaseEvents} events), 300 sequential requests per run (one kept-alive connection, own process)`, typical);
  const longFigure = latencyFigure(`history with clocks p99, ${LONG_CASE_EVENTS}-event case, 20 sequential requests per run`, long);
  log(`W6 history: typical p99 ${typicalFigure.median} ms; ${LONG_CASE_EVENTS}-event case p99 ${longFigure.median} ms (${longFigure['responseKB']} KB)`);
  return { typicalCase: typicalFigure, longCase: longFigure };
}
