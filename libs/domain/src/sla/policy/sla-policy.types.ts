import type { CaseEventType } from '../../service-case/events.js';
import type { ComplaintSeverity, Complexity, HoldReason, Priority, RegionClass } from '../../service-case/vocabulary.js';
import type { SlaUnit } from '../calendar/sla-duration.types.js';
import type { WorkingCalendar } from '../calendar/working-calendar.types.js';

/** The clocks of `standard-v1` (DESIGN §4); a policy may define others with the same machinery. */
export const STANDARD_SLA_CLOCKS = [
  'firstResponse',
  'onSite',
  'repair',
  'resultFeedback',
  'loaner',
  'survey',
  'complaintAck',
  'complaintResolution',
] as const;
export type StandardSlaClock = (typeof STANDARD_SLA_CLOCKS)[number];

/** An event that moves a clock, optionally only when top-level data fields equal given values. */
export interface SlaTrigger {
  readonly event: CaseEventType;
  readonly where?: Readonly<Record<string, string | number | boolean>>;
}

export interface SlaStopTrigger extends SlaTrigger {
  /**
   * `not-applicable`: stopping this way in time means the promise was never needed (a repair
   * finished before a loaner was due); stopping this way late still counts as breached.
   */
  readonly whenMet?: 'not-applicable';
}

/** Facts a target may depend on. Complexity counts as `general` until a technician sets it. */
export interface SlaTargetCondition {
  readonly priority?: Priority;
  readonly region?: RegionClass;
  readonly complexity?: Complexity;
  readonly severity?: ComplaintSeverity;
}

/** One row of a clock's target table; the first row whose `when` matches applies. */
export interface SlaTargetRule {
  readonly when?: SlaTargetCondition;
  readonly value: number;
  /** Overrides the clock's unit (urgent repairs count hours, general ones working days). */
  readonly unit?: SlaUnit;
  /** A promise the centre tries to keep but does not guarantee (remote on-site visits). */
  readonly bestEffort?: boolean;
}

/**
 * One SLA clock. `case` clocks run once per case; `complaint` clocks once per complaint, moved
 * only by events carrying that complaint's id. A clock starts on its first `startsOn` event,
 * stops on the first `stopsOn` event while it runs, `reopensOn` resumes a stopped clock from its
 * original start, and `restartsOn` replaces it with a fresh one. Cancelling the case cancels the
 * running case clocks; complaint clocks outlive it (the complaint still needs an answer).
 */
export interface SlaClockDefinition {
  readonly scope: 'case' | 'complaint';
  readonly description?: string;
  readonly startsOn: readonly SlaTrigger[];
  readonly stopsOn: readonly SlaStopTrigger[];
  /** Events that make the promise moot while the clock runs (a remote repair needs no visit). */
  readonly notApplicableOn: readonly SlaTrigger[];
  readonly reopensOn: readonly SlaTrigger[];
  readonly restartsOn: readonly SlaTrigger[];
  readonly unit: SlaUnit;
  readonly targets: readonly SlaTargetRule[];
  /** Hold reasons that stop the clock from counting; the due instant moves by the time held. */
  readonly pausedBy: readonly HoldReason[];
}

/** Every trigger of a clock, whatever it does. */
export const triggersOf = (clock: SlaClockDefinition): readonly SlaTrigger[] => [
  ...clock.startsOn,
  ...clock.stopsOn,
  ...clock.notApplicableOn,
  ...clock.reopensOn,
  ...clock.restartsOn,
];

/** An SLA policy version as the engine uses it: the calendar resolved, defaults filled in. */
export interface SlaPolicy {
  readonly version: string;
  readonly description?: string;
  readonly calendar: WorkingCalendar;
  /** Share of the target after which a running clock is `at-risk` (DESIGN §4: 80 %). */
  readonly atRiskRatio: number;
  readonly clocks: Readonly<Record<string, SlaClockDefinition>>;
}
