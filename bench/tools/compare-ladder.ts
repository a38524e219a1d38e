/**
 * Command latency at a ladder of rates, uniform open-loop arrivals (W3's command mix), alternating
 * two sides: `node --conditions=source --import tsx bench/tools/compare-ladder.ts <sideA> <sideB>
 * [rates] [dataDir]`, sides as in `sides.ts`, e.g. `/work/main /work/main,CASETRAIL_EVENT_WRITER=thread
 * 400,800,1000 /tmp/casetrail-bench-data-M-20260301`. Without `dataDir`, each run gets an empty store.
 */
import { openLoop } from '../lib/open-loop.js';
import { nextCommand, openCases } from '../workloads/w3-http.js';
import { alternateSides } from './sides.js';

const [sideA, sideB, ratesArg, dataDir] = process.argv.slice(2);
const rates = (ratesArg ?? '400,800,1000').split(',').map(Number);
const SECONDS = 8;

await alternateSides(
  [sideA!, sideB!],
  async (server, round, side) => {
    const cases = await openCases(server);
    const ladder: Record<number, { p50: number; p99: number; failed: number }> = {};
    for (const rate of rates) {
      const { p50, p99, failed } = await openLoop(server.url, rate, SECONDS, nextCommand(server, cases));
      ladder[rate] = { p50, p99, failed };
    }
    console.log(JSON.stringify({ round, side, ladder, rssMB: Math.round(server.memory().rssMB) }));
  },
  dataDir,
);
