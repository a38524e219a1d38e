import type { SlaUnit } from '../calendar/sla-duration.types.js';
import { unitMs } from '../calendar/sla-duration.types.js';
import { addCountedMs, measureCountedMs } from '../calendar/working-time.calculator.js';
import { selectTarget } from '../policy/sla-target.selector.js';
import { factsFor, type ClockRun, type SlaFold } from './sla-clock.fold.js';
import type { SlaClock, SlaClockState } from './sla-clock.types.js';

const iso = (ms: number): string => new Date(ms).toISOString();
const seconds = (ms: number): number => Math.round(ms / 1000);

/** Total paused time and the counted offset of the due instant, both in `unit`. */
const pausesIn = (fold: SlaFold, run: ClockRun, unit: SlaUnit, end: number, targetMs: number): { paused: number; dueOffset: number } => {
  const calendar = fold.policy.calendar;
  const pauses = run.pauses.map((pause) => pause[unit] ?? { offset: 0, length: 0 });
  if (run.pausedSince !== null) {
    const offset = measureCountedMs(run.startedAt, run.pausedSince, unit, calendar);
    pauses.push({ offset, length: measureCountedMs(run.pausedSince, end, unit, calendar) });
  }
  let paused = 0;
  let dueOffset = targetMs;
  for (const pause of pauses) {
    paused += pause.length;
    if (pause.offset < dueOffset) dueOffset += pause.length;
  }
  return { paused, dueOffset };
};

const stateOf = (fold: SlaFold, run: ClockRun, now: number, due: number, ratio: number): SlaClockState => {
  switch (run.ending) {
    case 'cancelled':
      return 'cancelled';
    case 'not-applicable':
      return 'not-applicable';
    case 'stopped':
      return run.stoppedAt! <= due ? 'met' : 'breached';
    case 'stopped-not-needed-if-met':
      return run.stoppedAt! <= due ? 'not-applicable' : 'breached';
    case null:
      // Past due wins over paused: a hold cannot un-breach time already used.
      if (now > due) return 'overdue';
      if (run.pausedSince !== null) return 'paused';
      return ratio >= fold.policy.atRiskRatio ? 'at-risk' : 'running';
    default: {
      const unknown: never = run.ending;
      throw new Error(`unknown clock ending ${String(unknown)}`);
    }
  }
};

/**
 * One run as it stands at `now`. The due instant is the start plus the target plus the pauses
 * that began before it, all counted in the target's unit (a held weekend moves a working-day due by nothing).
 */
const snapshotRun = (fold: SlaFold, run: ClockRun, now: number): SlaClock => {
  const calendar = fold.policy.calendar;
  const target = run.frozenTarget ?? selectTarget(run.definition, factsFor(fold, run));
  const end = run.stoppedAt ?? now;
  const targetMs = Math.round(target.value * unitMs(target.unit));
  const { paused, dueOffset } = pausesIn(fold, run, target.unit, end, targetMs);
  const used = Math.max(0, measureCountedMs(run.startedAt, end, target.unit, calendar) - paused);
  const due = addCountedMs(run.startedAt, dueOffset, target.unit, calendar);
  const usedRatio = Math.round((used / targetMs) * 10_000) / 10_000;
  const state = stateOf(fold, run, now, due, usedRatio);
  return {
    clock: run.clock,
    ...(run.complaintId === undefined ? {} : { complaintId: run.complaintId }),
    state,
    startedAt: iso(run.startedAt),
    stoppedAt: run.stoppedAt === null ? null : iso(run.stoppedAt),
    dueAt: state === 'not-applicable' ? null : iso(due),
    target: { value: target.value, unit: target.unit },
    ...(target.bestEffort ? { bestEffort: true as const } : {}),
    pausedSeconds: seconds(paused),
    elapsedSeconds: seconds(used),
    usedRatio,
  };
};

export const snapshotSlaClocks = (fold: SlaFold, now: number): SlaClock[] =>
  [...fold.runs.values()].map((run) => {
    if (run.snapshot) return run.snapshot;
    const clock = snapshotRun(fold, run, now);
    if (run.stoppedAt !== null) run.snapshot = clock;
    return clock;
  });
