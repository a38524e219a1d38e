import type { Target } from './report.js';

type Workloads = Record<string, Record<string, unknown>>;

const at = (workloads: Workloads, path: string): number | null => {
  let value: unknown = workloads;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  if (typeof value === 'number') return value;
  const median = (value as { median?: unknown } | undefined)?.median;
  return typeof median === 'number' ? median : null;
};

/** The targets against this run's medians. The ones that need size M say so when run at S. */
export function evaluateTargets(workloads: Workloads, ratios: Record<string, number | null>, size: string): Target[] {
  const check = (name: string, target: string, value: number | null, unit: string, ok: (v: number) => boolean): Target => ({
    name,
    target,
    measured: value === null ? 'not run' : `${value} ${unit}`,
    met: value === null ? null : ok(value),
  });
  const atM = size === 'M' ? '' : ' (target is for size M)';
  return [
    check('single appends vs raw one-row tx', '≥ 0.65', ratios['appendVsRawFull'] ?? null, '×', (v) => v >= 0.65),
    check('concurrent appends (group commit)', '≥ 30,000 events/s', at(workloads, 'W1.concurrentAppends'), 'events/s', (v) => v >= 30_000),
    check('appends vs Emmett', '≥ 10×', ratios['appendVsEmmett'] ?? null, '×', (v) => v >= 10),
    check('HTTP commands at saturation', '≥ 2,500 commands/s', at(workloads, 'W3.saturation'), 'commands/s', (v) => v >= 2_500),
    check('HTTP p99 at 1,500 commands/s (autocannon overallRate)', '≤ 20 ms', at(workloads, 'W3.at1500'), 'ms', (v) => v <= 20),
    check('HTTP p99 at 1,500 commands/s (uniform arrivals)', '≤ 20 ms', at(workloads, 'W3.uniformAt1500'), 'ms', (v) => v <= 20),
    check(`rebuild all projections${atM}`, '≥ 50,000 events/s', at(workloads, 'W4.allProjections'), 'events/s', (v) => v >= 50_000),
    check(`rebuild peak RSS${atM}`, '≤ 300 MB', at(workloads, 'W4.peakRss'), 'MB', (v) => v <= 300),
    check('history of a typical case, p99', '≤ 5 ms', at(workloads, 'W6.typicalCase'), 'ms', (v) => v <= 5),
    check('chain verification', '≥ 100,000 events/s', at(workloads, 'W6.verifyAll'), 'events/s', (v) => v >= 100_000),
    check('steady server RSS', '≤ 250 MB', at(workloads, 'memory.steadyRss'), 'MB', (v) => v <= 250),
    check(`start-up${size === 'M' ? '' : ' (target is for 8M events)'}`, '≤ 2,000 ms', at(workloads, 'startup.startupMs'), 'ms', (v) => v <= 2_000),
  ];
}
