/**
 * casetrail's benchmark (`npm run bench -- --size S|M`): see bench/README.md. Needs the built
 * server (`npm run build`). Writes bench/results/latest.json and latest.md.
 */
import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureDataset } from './lib/dataset.js';
import { describeMachine } from './lib/machine.js';
import { writeResults } from './lib/report.js';
import { startServer } from './lib/server.js';
import { SIZES } from './lib/sizes.js';
import { log, round, type Figure } from './lib/stats.js';
import { tempDir } from './lib/temp-dir.js';
import { evaluateTargets } from './lib/targets.js';
import { openRawSqlite, rawFigures } from './workloads/w0-raw-sqlite.js';
import { openEventStore, portFigures } from './workloads/w1-event-store.js';
import { emmett } from './workloads/w2-emmett.js';
import { bareHttpSaturation } from './workloads/w3-floor.js';
import { httpLoad } from './workloads/w3-http.js';
import { rebuild } from './workloads/w4-rebuild.js';
import { liveLag } from './workloads/w5-lag.js';
import { historyReads, verifyChains } from './workloads/w6-audit.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    only: { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});
const size = SIZES[values.size as 'S' | 'M'];
if (!size) throw new Error(`--size must be S or M, not ${values.size}`);
const only = values.only ? new Set(values.only.split(',').map((w) => w.trim().toUpperCase())) : null;
const wants = (workload: string) => only === null || only.has(workload);
if (!existsSync(fileURLToPath(new URL('../dist/apps/api/src/main.js', import.meta.url)))) {
  throw new Error('The built server is missing: run `npm run build` first');
}

const workloads: Record<string, Record<string, unknown>> = {};
const median = (figure: unknown) => (figure as Figure | undefined)?.median ?? null;

/** W0 and W1 alternate run by run, so a slow moment of the disk hits both sides of a ratio alike. */
async function appendWorkloads(): Promise<void> {
  const raw = openRawSqlite(size);
  const port = openEventStore(size);
  const r = { one: [] as number[], batch: [] as number[], batch64: [] as number[], single: [] as number[], concurrent: [] as number[], random: [] as number[] };
  try {
    log('W0/W1: warm-up');
    await raw.oneRowPerTx(-1);
    await port.singleAppends(-1);
    await raw.batch1000(-1);
    await raw.batch64(-1);
    await port.concurrentAppends(-1);
    await port.concurrentAppendsRandomIds(-1);
    for (let run = 0; run < size.runs; run += 1) {
      r.one.push(await raw.oneRowPerTx(run));
      r.single.push(await port.singleAppends(run));
      r.batch.push(await raw.batch1000(run));
      r.batch64.push(await raw.batch64(run));
      r.concurrent.push(await port.concurrentAppends(run));
      r.random.push(await port.concurrentAppendsRandomIds(run));
      log(`W0/W1 run ${run + 1}: raw ${r.one.at(-1)!.toFixed(0)} tx/s, port ${r.single.at(-1)!.toFixed(0)} appends/s; raw batch ${r.batch.at(-1)!.toFixed(0)} rows/s (64 per tx: ${r.batch64.at(-1)!.toFixed(0)}), group commit ${r.concurrent.at(-1)!.toFixed(0)} events/s (random ids: ${r.random.at(-1)!.toFixed(0)})`);
    }
    const reads = await port.readStreams();
    workloads['W0'] = rawFigures(r.one, r.batch, r.batch64);
    workloads['W1'] = portFigures(r.single, r.concurrent, r.random, reads);
  } finally {
    raw.close();
    await port.close();
  }
}

const started = Date.now();
if (wants('W0') || wants('W1')) await appendWorkloads();
if (wants('W2')) {
  log('W2: Emmett SQLite');
  workloads['W2'] = await emmett(size);
}
const needsData = ['W3', 'W4', 'W5', 'W6'].some(wants);
if (needsData) {
  const dataset = await ensureDataset(size, values.fresh);
  if (wants('W6')) {
    log('W6: verifying every hash chain');
    workloads['W6'] = { verifyAll: await verifyChains(size, dataset) };
  }
  if (wants('W4')) {
    log('W4: rebuilding every projection in a child process');
    workloads['W4'] = await rebuild(size, dataset);
  }
  // W3's floor runs first, while nothing else does.
  const floor = wants('W3') ? await bareHttpSaturation(size.httpSeconds, size.name === 'S' ? 3 : size.runs) : null;
  // The HTTP workloads append to the store: at size S they get a copy, so every run starts from
  // the same data set; at size M (gigabytes) the original, where a few thousand events do not count.
  const copy = size.name === 'S' ? tempDir('server') : null;
  if (copy) cpSync(dataset.dir, copy.dir, { recursive: true });
  log('starting the built server on the data set');
  const server = await startServer(copy?.dir ?? dataset.dir);
  const boot = server.memory();
  try {
    log(`server settled ${((await server.settle()) / 1000).toFixed(1)} s after /health answered`);
    workloads['startup'] = {
      startupMs: { metric: `spawn to /health ready on ${dataset.events} events (read models caught up)`, unit: 'ms', median: server.startupMs, min: server.startupMs, max: server.startupMs },
      rssAfterStartMB: round(boot.rssMB),
    };
    if (wants('W6')) workloads['W6'] = { ...workloads['W6'], ...(await historyReads(size, server, dataset)) };
    if (wants('W3')) workloads['W3'] = { ...(await httpLoad(size, server, size.name === 'S' ? 3 : size.runs)), bareHttpSaturation: floor };
    if (wants('W5')) workloads['W5'] = await liveLag(size, server);
    const after = server.memory();
    const steady = (workloads['W3'] as { steadyRss?: Figure } | undefined)?.steadyRss?.median ?? after.rssMB;
    workloads['memory'] = {
      steadyRss: {
        metric: 'server RSS after the saturation runs (min: lowest of start/saturation/end samples; max: peak VmHWM, overloaded runs included)',
        unit: 'MB',
        median: round(steady),
        min: round(Math.min(boot.rssMB, steady, after.rssMB)),
        max: round(after.peakMB),
      },
      rssAfterStartMB: round(boot.rssMB),
      rssAtEndMB: round(after.rssMB),
    };
  } finally {
    await server.stop();
    copy?.remove();
  }
}

const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? round(a / b) : null);
const w = (name: string, key: string) => median((workloads[name] as Record<string, unknown> | undefined)?.[key]);
const results = {
  machine: { ...describeMachine(size.name), seconds: Math.round((Date.now() - started) / 1000) },
  workloads,
  ratios: {
    appendVsRawFull: ratio(w('W1', 'singleAppends'), w('W0', 'oneRowPerTx')),
    appendVsEmmett: ratio(w('W1', 'singleAppends'), w('W2', 'singleAppends')),
    groupCommitVsRawBatch: ratio(w('W1', 'concurrentAppends'), w('W0', 'batch1000')),
    groupCommitVsRawBatch64: ratio(w('W1', 'concurrentAppends'), w('W0', 'batch64')),
    httpVsBareHttp: ratio(w('W3', 'saturation'), w('W3', 'bareHttpSaturation')),
  },
  targets: [] as ReturnType<typeof evaluateTargets>,
};
results.targets = evaluateTargets(results.workloads, results.ratios, size.name);
writeResults(results, only === null);
log(`done in ${results.machine.seconds} s: bench/results/latest.json and latest.md`);
for (const t of results.targets) log(`${t.met === null ? 'not run' : t.met ? 'met   ' : 'MISSED '} ${t.name}: ${t.measured} (wanted ${t.target})`);
