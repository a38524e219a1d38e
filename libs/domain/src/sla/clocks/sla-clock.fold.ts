import type { CaseEvent } from '../../service-case/events.js';
import type { ComplaintSeverity, Complexity, HoldReason, Priority, RegionClass } from '../../service-case/vocabulary.js';
import type { SlaUnit } from '../calendar/sla-duration.types.js';
import { measureCountedMs } from '../calendar/working-time.calculator.js';
import type { SlaClock } from './sla-clock.types.js';
import { triggersOf, type SlaClockDefinition, type SlaPolicy, type SlaTrigger } from '../policy/sla-policy.types.js';
import { selectTarget, unitsOf, type ResolvedTarget, type SlaFacts } from '../policy/sla-target.selector.js';

/**
 * The SLA fold: a case's events folded one by one into clock runs. It is mutable inside (so
 * a 1,000-event history costs one pass), but `computeSlaClocks` and `slaClocksAfterEachEvent`
 * own their fold, so from outside the engine stays a pure function of events, `now` and policy.
 */
export type ClockEnding = 'stopped' | 'stopped-not-needed-if-met' | 'not-applicable' | 'cancelled';

export interface ClockRun {
  readonly clock: string;
  readonly definition: SlaClockDefinition;
  readonly complaintId?: string;
  readonly startedAt: number;
  stoppedAt: number | null;
  ending: ClockEnding | null;
  /** The target in force when the clock stopped; while it runs the target follows the facts. */
  frozenTarget: ResolvedTarget | null;
  pausedSince: number | null;
  readonly pauses: ClosedPause[];
  /** A stopped clock no longer depends on `now`: its snapshot is kept until it reopens. */
  snapshot: SlaClock | null;
}

/**
 * A finished pause, counted in each unit the clock's target may use: where it began (counted
 * from the clock's start) and how long it lasted. A pause moves the due instant only if it
 * began before it, so a clock already past due stays past due however long it is held.
 */
export type ClosedPause = Readonly<Partial<Record<SlaUnit, { readonly offset: number; readonly length: number }>>>;

export interface SlaFold {
  readonly policy: SlaPolicy;
  reported: { readonly priority: Priority; readonly region: RegionClass; complexity: Complexity; cancelled: boolean } | null;
  readonly holds: Set<HoldReason>;
  readonly severities: Map<string, ComplaintSeverity>;
  /** Keyed by clock name, plus `#complaintId` for complaint clocks; insertion order is output order. */
  readonly runs: Map<string, ClockRun>;
}

export const createSlaFold = (policy: SlaPolicy): SlaFold => ({ policy, reported: null, holds: new Set(), severities: new Map(), runs: new Map() });

export const factsFor = (fold: SlaFold, run: ClockRun): SlaFacts => {
  const severity = run.complaintId === undefined ? undefined : fold.severities.get(run.complaintId);
  if (!fold.reported) throw new Error('an SLA clock cannot run before its case is reported');
  const { priority, region, complexity } = fold.reported;
  return { priority, region, complexity, ...(severity ? { severity } : {}) };
};

const fires = <T extends SlaTrigger>(triggers: readonly T[], event: CaseEvent): T | undefined =>
  triggers.find(
    (trigger) =>
      trigger.event === event.type &&
      Object.entries(trigger.where ?? {}).every(([field, value]) => (event.data as Readonly<Record<string, unknown>>)[field] === value),
  );

const closePause = (fold: SlaFold, run: ClockRun, at: number): void => {
  const since = run.pausedSince;
  if (since === null) return;
  const calendar = fold.policy.calendar;
  const counted = (unit: SlaUnit) => ({ offset: measureCountedMs(run.startedAt, since, unit, calendar), length: measureCountedMs(since, at, unit, calendar) });
  run.pauses.push(Object.fromEntries(unitsOf(run.definition).map((unit) => [unit, counted(unit)])));
  run.pausedSince = null;
};

const stop = (fold: SlaFold, run: ClockRun, at: number, ending: ClockEnding): void => {
  closePause(fold, run, at);
  run.stoppedAt = at;
  run.ending = ending;
  run.frozenTarget = selectTarget(run.definition, factsFor(fold, run));
};

const moveClock = (fold: SlaFold, clock: string, definition: SlaClockDefinition, event: CaseEvent, at: number): void => {
  const complaintId = definition.scope === 'complaint' ? (event.data as { complaintId?: string }).complaintId : undefined;
  if (definition.scope === 'complaint' && complaintId === undefined) return;
  const key = complaintId === undefined ? clock : `${clock}#${complaintId}`;
  const run = fold.runs.get(key);
  const starts = run ? fires(definition.restartsOn, event) : fires(definition.startsOn, event) && !(definition.scope === 'case' && fold.reported?.cancelled);
  if (starts) {
    const fresh = { clock, definition, startedAt: at, stoppedAt: null, ending: null, frozenTarget: null, pausedSince: null, pauses: [], snapshot: null };
    fold.runs.set(key, complaintId === undefined ? fresh : { ...fresh, complaintId });
  } else if (run && run.stoppedAt === null) {
    const stopTrigger = fires(definition.stopsOn, event);
    if (fires(definition.notApplicableOn, event)) stop(fold, run, at, 'not-applicable');
    else if (stopTrigger) stop(fold, run, at, stopTrigger.whenMet === 'not-applicable' ? 'stopped-not-needed-if-met' : 'stopped');
  } else if (run && (run.ending === 'stopped' || run.ending === 'stopped-not-needed-if-met') && fires(definition.reopensOn, event)) {
    run.stoppedAt = null;
    run.ending = null;
    run.frozenTarget = null;
    run.snapshot = null;
  }
};

/** Pauses follow the holds: a running clock is paused while any hold reason it lists is active. */
const syncPauses = (fold: SlaFold, at: number): void => {
  for (const run of fold.runs.values()) {
    const held = run.stoppedAt === null && run.definition.pausedBy.some((reason) => fold.holds.has(reason));
    if (held && run.pausedSince === null) run.pausedSince = at;
    if (!held) closePause(fold, run, at);
  }
};

/** Event types `applySlaEvent` reads itself, whatever the policy's triggers say. */
const FOLDED_TYPES: ReadonlySet<string> = new Set<CaseEvent['type']>([
  'CaseReported',
  'TechnicianArrived',
  'RepairCompleted',
  'CaseOnHold',
  'CaseResumed',
  'ComplaintFiled',
  'CaseCancelled',
]);

/**
 * Whether folding `event` can change any clock under `policy`: false for an event the fold does
 * not read itself and no trigger of the policy fires on (a progress message, a loaner issued).
 * Folding such an event changes nothing, so a history kept for the clocks may leave it out, all
 * but the latest event, whose instant the clocks are read at.
 */
export const movesSlaClocks = (policy: SlaPolicy, event: CaseEvent): boolean =>
  FOLDED_TYPES.has(event.type) || fires(policyTriggers(policy), event) !== undefined;

/** Every trigger of every clock of a policy, gathered once per policy (the projection asks per event). */
const POLICY_TRIGGERS = new WeakMap<SlaPolicy, readonly SlaTrigger[]>();
const policyTriggers = (policy: SlaPolicy): readonly SlaTrigger[] =>
  POLICY_TRIGGERS.get(policy) ?? POLICY_TRIGGERS.set(policy, Object.values(policy.clocks).flatMap(triggersOf)).get(policy)!;

/** Folds one event in. Events before the case is reported are ignored (there is no case yet). */
export const applySlaEvent = (fold: SlaFold, event: CaseEvent): void => {
  const at = Date.parse(event.occurredAt);
  if (event.type === 'CaseReported' && !fold.reported) {
    fold.reported = { priority: event.data.priority, region: event.data.customer.region, complexity: 'general', cancelled: false };
  }
  const reported = fold.reported;
  if (!reported) return;
  if ((event.type === 'TechnicianArrived' || event.type === 'RepairCompleted') && event.data.complexity) reported.complexity = event.data.complexity;
  if (event.type === 'CaseOnHold') fold.holds.add(event.data.reason);
  if (event.type === 'CaseResumed') fold.holds.delete(event.data.reason);
  if (event.type === 'ComplaintFiled') fold.severities.set(event.data.complaintId, event.data.severity);
  for (const [clock, definition] of Object.entries(fold.policy.clocks)) moveClock(fold, clock, definition, event, at);
  if (event.type === 'CaseCancelled') {
    reported.cancelled = true;
    for (const run of fold.runs.values()) if (run.definition.scope === 'case' && run.stoppedAt === null) stop(fold, run, at, 'cancelled');
  }
  syncPauses(fold, at);
};
