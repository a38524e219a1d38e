/**
 * What `GET /v1/cases/{id}` costs as a case grows: one case given progress updates, its read timed
 * (p50 of 200, through fetch) at 1, 50, 200 and 500 events, on a settled server over a copy of the
 * size-S data set: `node --conditions=source --import tsx bench/tools/case-read-cost.ts`.
 */
import { cpSync } from 'node:fs';
import { datasetDir } from '../lib/dataset.js';
import { call, progressBody, reportCase } from '../lib/http-client.js';
import { startServer } from '../lib/server.js';
import { SIZES } from '../lib/sizes.js';
import { tempDir } from '../lib/temp-dir.js';

const copy = tempDir('case-read-cost');
cpSync(datasetDir(SIZES.S), copy.dir, { recursive: true });
const server = await startServer(copy.dir);
try {
  await server.settle();
  const caseId = await reportCase(server);
  const p50 = async (reads: number): Promise<string> => {
    const latencies: number[] = [];
    for (let i = 0; i < reads; i += 1) {
      const start = process.hrtime.bigint();
      const answer = await call(server, 'agent', 'GET', `/v1/cases/${caseId}`);
      if (answer.status !== 200) throw new Error(`the case read answered ${answer.status}`);
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return latencies.sort((a, b) => a - b)[Math.floor(reads / 2)]!.toFixed(2);
  };
  let events = 1;
  for (const target of [1, 50, 200, 500]) {
    for (; events < target; events += 1) await call(server, 'agent', 'POST', `/v1/cases/${caseId}/progress-updates`, progressBody(events));
    await p50(50); // warm-up
    console.log(`GET /v1/cases/{id} with ${events} events: p50 ${await p50(200)} ms`);
  }
} finally {
  await server.stop();
  copy.remove();
}
