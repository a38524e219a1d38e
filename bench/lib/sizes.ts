/** `--size S` for quick runs, `--size M` for the headline figures (1M cases, about 8M events). */
export interface SizeProfile {
  readonly name: 'S' | 'M';
  readonly cases: number;
  /** Measured runs per workload (after one warm-up). */
  readonly runs: number;
  /** Single appends per W1/W0 run. */
  readonly singleAppends: number;
  /** Events appended per concurrent-appenders run. */
  readonly concurrentEvents: number;
  /** W4 runs: a rebuild at size M takes minutes, so it runs once there. */
  readonly rebuildRuns: number;
  readonly httpSeconds: number;
}

export const SIZES: Record<'S' | 'M', SizeProfile> = {
  S: { name: 'S', cases: 10_000, runs: 5, singleAppends: 3_000, concurrentEvents: 20_000, rebuildRuns: 2, httpSeconds: 6 },
  M: { name: 'M', cases: 1_000_000, runs: 5, singleAppends: 5_000, concurrentEvents: 50_000, rebuildRuns: 1, httpSeconds: 15 },
};

export const SEED = 20260301;
/** Generated reports spread over a year before this instant. */
export const GENERATOR_START = Date.parse('2025-03-01T00:00:00.000Z');
