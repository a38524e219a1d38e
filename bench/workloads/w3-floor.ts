import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { cpuMsOf, freePort } from '../lib/server.js';
import { figure, log, type Figure } from '../lib/stats.js';
import { load, POOL, type LoadTarget } from './w3-http.js';

const CHILD = fileURLToPath(new URL('./bare-http-child.mjs', import.meta.url));

/**
 * W3's floor, run before casetrail's server starts: W3's saturation load (the same requests and
 * connections, autocannon in this process) against a bare `node:http` server in a child process
 * that parses each body and answers, storing nothing. What it reaches is what this machine's two
 * cores allow any Node server beside this load generator; the load generator's CPU per request is
 * reported with it, since it takes its share of the same cores in every W3 run.
 */
export async function bareHttpSaturation(seconds: number, runs: number): Promise<Figure> {
  const port = await freePort();
  const child = spawn(process.execPath, [CHILD, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`the bare HTTP server exited with ${code}`)));
    });
    const target: LoadTarget = { url: `http://127.0.0.1:${port}`, auth: () => ({ authorization: 'Bearer bare' }) };
    const cases = Array.from({ length: POOL }, () => randomUUID());
    const rates: number[] = [];
    const serverCpu: number[] = [];
    const generatorCpu: number[] = [];
    for (let i = 0; i <= runs; i += 1) {
      const runSeconds = i === 0 ? 3 : seconds;
      const stat = `/proc/${child.pid}/stat`;
      const before = cpuMsOf(stat);
      const result = await load(target, cases, runSeconds, null);
      const answered = (result.commandsPerSecond + result.readsPerSecond) * runSeconds;
      const serverUs = ((cpuMsOf(stat) - before) * 1000) / answered;
      log(`W3 floor${i === 0 ? ' (warm-up)' : ''}: ${result.commandsPerSecond.toFixed(0)} requests/s, server ${serverUs.toFixed(0)} µs and load generator ${result.generatorCpuUsPerRequest.toFixed(0)} µs of CPU per request`);
      if (i === 0) continue;
      rates.push(result.commandsPerSecond);
      serverCpu.push(serverUs);
      generatorCpu.push(result.generatorCpuUsPerRequest);
    }
    return figure("requests answered per second at W3's saturation load by a bare node:http server (parses the body, stores nothing)", 'requests/s', rates, {
      serverCpuUsPerRequest: figure("the bare server's CPU per request answered", 'µs', serverCpu),
      generatorCpuUsPerRequest: figure("the load generator's CPU per request sent", 'µs', generatorCpu),
    });
  } finally {
    child.kill('SIGTERM');
  }
}
