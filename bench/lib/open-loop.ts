import { Agent, request } from 'node:http';
import { percentile } from './stats.js';

export interface OpenLoopRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/**
 * Uniform open-loop arrivals, unlike autocannon's rate limit (each connection sends its whole
 * per-second budget back to back, then waits for the next second): request i is due at
 * start + i / rate and its latency counts from then, so a late answer also delays nothing else
 * (no coordinated omission).
 */
export async function openLoop(url: string, rate: number, seconds: number, next: () => OpenLoopRequest): Promise<{ p50: number; p99: number; p99_9: number; ok: number; failed: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const { hostname, port } = new URL(url);
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const req = next();
    pending.push(
      new Promise<void>((resolve) => {
        const r = request({ hostname, port, method: req.method, path: req.path, headers: req.headers, agent }, (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            if (res.statusCode! < 300) ok += 1;
            else failed += 1;
            resolve();
          });
        });
        r.on('error', () => {
          failed += 1;
          resolve();
        });
        r.end(req.body);
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), p99_9: percentile(latencies, 99.9), ok, failed };
}
