import type { Instant } from '../../shared/primitives.js';
import type { SlaDuration } from '../calendar/sla-duration.types.js';

/**
 * - `running`, `paused` (held for a reason the clock lists), `at-risk` (running with at least the
 *   policy's share, 80 %, of the target used), `overdue` (still running past due, paused or not);
 * - `met` / `breached`: stopped at or before / after the due instant;
 * - `cancelled`: the case was cancelled while the clock ran;
 * - `not-applicable`: the promise turned out not to apply (a remote repair needs no visit; a
 *   repair finished before a loaner was due needs no loaner).
 */
export const SLA_CLOCK_STATES = ['running', 'paused', 'at-risk', 'overdue', 'met', 'breached', 'cancelled', 'not-applicable'] as const;
export type SlaClockState = (typeof SLA_CLOCK_STATES)[number];

/** One SLA clock of a case (or of one complaint of it), as it stands at an instant. */
export interface SlaClock {
  readonly clock: string;
  /** Set on complaint clocks: each complaint has its own. */
  readonly complaintId?: string;
  readonly state: SlaClockState;
  readonly startedAt: Instant;
  /** When it stopped, was cancelled or became not applicable; null while it runs. */
  readonly stoppedAt: Instant | null;
  /** The promise, moved later by the time paused; null when the promise does not apply. */
  readonly dueAt: Instant | null;
  readonly target: SlaDuration;
  /** Present (true) when the target is a best-effort one (remote on-site visits). */
  readonly bestEffort?: true;
  /** Paused time, counted in the target's unit (a paused weekend is 0 for working days). */
  readonly pausedSeconds: number;
  /** Time used against the target, counted in the target's unit, pauses excluded. */
  readonly elapsedSeconds: number;
  /** elapsed / target: 1 means the whole target is used. */
  readonly usedRatio: number;
}
