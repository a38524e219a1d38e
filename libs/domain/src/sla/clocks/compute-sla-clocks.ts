import type { CaseEvent } from '../../service-case/events.js';
import type { Instant } from '../../shared/primitives.js';
import type { SlaPolicy } from '../policy/sla-policy.types.js';
import { applySlaEvent, createSlaFold } from './sla-clock.fold.js';
import { snapshotSlaClocks } from './sla-clock.snapshot.js';
import type { SlaClock } from './sla-clock.types.js';

const parseInstant = (instant: Instant): number => {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 instant: ${instant}`);
  return ms;
};

/**
 * The SLA clocks of one case as they stand at `now`, under `policy`. Events that occurred after
 * `now` are ignored, so the same call answers "as at" any past instant. Clocks that have not
 * started are left out. Pure: the same events, instant and policy always give the same clocks.
 */
export const computeSlaClocks = (events: readonly CaseEvent[], now: Instant, policy: SlaPolicy): SlaClock[] => {
  const nowMs = parseInstant(now);
  const fold = createSlaFold(policy);
  for (const event of events) if (parseInstant(event.occurredAt) <= nowMs) applySlaEvent(fold, event);
  return snapshotSlaClocks(fold, nowMs);
};

/**
 * The clocks as they stood right after each event (entry `i` belongs to `events[i]`, read at its
 * `occurredAt`): one incremental fold, so a long history costs one pass, not one per event.
 * Two events with the same `occurredAt` get different entries, each counting only events up to it.
 */
export const slaClocksAfterEachEvent = (events: readonly CaseEvent[], policy: SlaPolicy): SlaClock[][] => {
  const fold = createSlaFold(policy);
  return events.map((event) => {
    applySlaEvent(fold, event);
    return snapshotSlaClocks(fold, parseInstant(event.occurredAt));
  });
};
