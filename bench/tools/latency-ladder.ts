/**
 * Command latency at a ladder of rates with uniform open-loop arrivals (`lib/open-loop.ts`), on a
 * fresh, empty server, with its start-up time:
 * `node --conditions=source --import tsx bench/tools/latency-ladder.ts 200,400,600`.
 * Commands only: the W3 mix (one report per four progress updates).
 */
import { randomUUID } from 'node:crypto';
import { progressBody, reportBody } from '../lib/http-client.js';
import { openLoop } from '../lib/open-loop.js';
import { startServer } from '../lib/server.js';
import { tempDir } from '../lib/temp-dir.js';
import { openCases } from '../workloads/w3-http.js';

const rates = (process.argv[2] ?? '200,400,600').split(',').map(Number);
const temp = tempDir('ladder');
const server = await startServer(temp.dir);
console.log(JSON.stringify({ emptyStoreStartupMs: server.startupMs }));
try {
  const cases = await openCases(server);
  let n = 0;
  const next = () => {
    n += 1;
    const headers = { ...server.auth('agent'), 'content-type': 'application/json', 'idempotency-key': randomUUID() };
    if (n % 5 === 0) return { method: 'POST' as const, path: '/v1/cases', headers, body: JSON.stringify(reportBody()) };
    const id = cases[Math.floor(Math.random() * cases.length)];
    return { method: 'POST' as const, path: `/v1/cases/${id}/progress-updates`, headers, body: JSON.stringify(progressBody(n)) };
  };
  for (const rate of rates) {
    const r = await openLoop(server.url, rate, 6, next);
    console.log(JSON.stringify({ rate, ...r, rssMB: Math.round(server.memory().rssMB) }));
  }
} finally {
  await server.stop();
  temp.remove();
}
