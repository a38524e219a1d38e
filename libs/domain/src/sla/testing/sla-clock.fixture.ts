import type { CaseEvent } from '../../service-case/events.js';
import { computeSlaClocks } from '../clocks/compute-sla-clocks.js';
import type { SlaClock } from '../clocks/sla-clock.types.js';
import { cst, standardV1 } from './shipped-policies.fixture.js';

/** The named clock of a case under `standard-v1` at a local Asia/Shanghai time; undefined if it never started. */
export const clockAt = (events: readonly CaseEvent[], local: string, clock: string, complaintId?: string): SlaClock | undefined =>
  computeSlaClocks(events, cst(local), standardV1).find((c) => c.clock === clock && c.complaintId === complaintId);

/** The parts of a clock most specs compare: state, due instant (local) and stop. */
export const summary = (clock: SlaClock | undefined) =>
  clock && {
    state: clock.state,
    dueAt: clock.dueAt && localOf(clock.dueAt),
    stoppedAt: clock.stoppedAt && localOf(clock.stoppedAt),
    target: `${clock.target.value} ${clock.target.unit}`,
  };

const localOf = (instant: string): string => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 16);
