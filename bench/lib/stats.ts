/** One workload figure: the median of several runs after a warm-up, with the spread. */
export interface Figure {
  readonly metric: string;
  readonly unit: string;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: readonly number[];
  readonly [extra: string]: unknown;
}

export function figure(metric: string, unit: string, runs: readonly number[], extra: Record<string, unknown> = {}): Figure {
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { metric, unit, median: round(median), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!), runs: runs.map(round), ...extra };
}

/** Runs `once` after `warmups` discarded runs; each run returns its own measure. */
export async function repeat(runs: number, once: (run: number) => Promise<number>, warmups = 1): Promise<number[]> {
  for (let i = 0; i < warmups; i += 1) await once(-1 - i);
  const values: number[] = [];
  for (let i = 0; i < runs; i += 1) values.push(await once(i));
  return values;
}

/** Events (or requests) per second for `count` done since `startNs` (from `process.hrtime.bigint()`). */
export function perSecond(count: number, startNs: bigint): number {
  return count / (Number(process.hrtime.bigint() - startNs) / 1e9);
}

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)]!;
}

export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 1000) / 1000;
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
