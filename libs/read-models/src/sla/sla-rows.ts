import {
  addCountedMs,
  computeSlaClocks,
  DEFAULT_TIME_ZONE,
  localDateOf,
  movesSlaClocks,
  triggersOf,
  slaClocksAfterEachEvent,
  unitMs,
  type CaseEvent,
  type SlaClock,
  type SlaPolicy,
} from '#casetrail/domain';
import { utcInstant } from '../shared/service-month.js';
import type { SlaClockRow } from './sla.tables.js';

/** Data fields the SLA engine reads, plus the context the rows group by. Free text is never kept. */
const ENGINE_FIELDS = new Set(['caseId', 'complaintId', 'complexity', 'severity', 'technicianId', 'mode', 'kind', 'priority', 'slaPolicy']);
/** `reason` is a hold vocabulary on these two, but free text on rejections and reopenings. */
const HOLD_EVENTS = new Set<string>(['CaseOnHold', 'CaseResumed']);

/** Top-level fields a policy's triggers compare (`where`), so any policy keeps working on minimised events. */
export const triggerFieldsOf = (policy: SlaPolicy): Set<string> =>
  new Set(
    Object.values(policy.clocks).flatMap((clock) => triggersOf(clock).flatMap((t) => Object.keys(t.where ?? {}))),
  );

/**
 * The event reduced to what the clocks need. Privacy: the customer's name, phone and address (and
 * every free-text field) are dropped before anything is stored, since analysts read this model and
 * customers can be erased.
 */
export const minimiseEvent = (event: CaseEvent, triggerFields: ReadonlySet<string>): CaseEvent => {
  const data: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(event.data)) {
    const wanted = ENGINE_FIELDS.has(field) || triggerFields.has(field) || (field === 'reason' && HOLD_EVENTS.has(event.type));
    if (wanted && (value === null || typeof value !== 'object')) data[field] = value;
  }
  if (event.type === 'CaseReported') {
    data['customer'] = { id: event.data.customer.id, region: event.data.customer.region };
    data['product'] = { model: event.data.product.model };
  }
  return { type: event.type, occurredAt: utcInstant(event.occurredAt), data } as CaseEvent;
};

/**
 * The events a case's clocks need kept: those that can move a clock, `TechnicianDispatched` (the
 * rows name the technician), and always the latest, whose instant the clocks are read at. The
 * rows are the same as from every event (sla-rows.spec.ts checks it on random histories), and a
 * case with hundreds of progress messages keeps a handful, so each batch's recomputation of its
 * clocks stays short however long the case runs.
 */
export const eventsForClocks = (events: readonly CaseEvent[], policy: SlaPolicy): CaseEvent[] =>
  events.filter((event, i) => i === events.length - 1 || event.type === 'TechnicianDispatched' || movesSlaClocks(policy, event));

const keyOf = (clock: SlaClock): string => `${clock.clock}#${clock.complaintId ?? ''}`;

const riskMsOf = (clock: SlaClock, policy: SlaPolicy): number => policy.atRiskRatio * clock.target.value * unitMs(clock.target.unit);

/**
 * When a running clock reaches the policy's at-risk share: forward from the latest moment it ran
 * below that share (the clock runs unpaused from then on, since pauses only begin at events).
 * `history[i]` holds the clocks right after `events[i]`; it may be only the latest entries.
 */
const atRiskAtOf = (clock: SlaClock, history: readonly SlaClock[][], events: readonly CaseEvent[], policy: SlaPolicy): string | null => {
  if (clock.state !== 'running' && clock.state !== 'at-risk') return null;
  const riskMs = riskMsOf(clock, policy);
  for (let i = history.length - 1; i >= 0; i--) {
    const then = history[i]!.find((c) => keyOf(c) === keyOf(clock) && c.startedAt === clock.startedAt);
    if (!then) break;
    const usedMs = then.elapsedSeconds * 1000;
    if (then.state === 'running' && usedMs < riskMs) {
      return new Date(addCountedMs(Date.parse(events[i]!.occurredAt), riskMs - usedMs, clock.target.unit, policy.calendar)).toISOString();
    }
  }
  return null;
};

/** Needs no clocks before the latest event to find its at-risk instant (the scan above stops at the last entry). */
const settledAtLast = (clock: SlaClock, policy: SlaPolicy): boolean =>
  (clock.state !== 'running' && clock.state !== 'at-risk') || (clock.state === 'running' && clock.elapsedSeconds * 1000 < riskMsOf(clock, policy));

/**
 * The clocks after each event, or just after the latest when that is all the rows need: when no
 * event occurred after the latest one, the clocks at its instant are the last entry of the full
 * history, computed without a snapshot per event.
 */
const clockHistoryOf = (events: readonly CaseEvent[], policy: SlaPolicy): SlaClock[][] => {
  const latest = events[events.length - 1]!.occurredAt;
  const latestMs = Date.parse(latest);
  if (events.every((e) => Date.parse(e.occurredAt) <= latestMs)) {
    const clocks = computeSlaClocks(events, latest, policy);
    if (clocks.every((c) => settledAtLast(c, policy))) return [clocks];
  }
  return slaClocksAfterEachEvent(events, policy);
};

/**
 * The SLA rows of one case, computed at its latest event's business time: a pure function of the
 * (minimised) events and the policy, so a live run and a rebuild write the same rows.
 */
export const slaRowsOf = (events: readonly CaseEvent[], policy: SlaPolicy): SlaClockRow[] => {
  const report = events[0];
  if (report?.type !== 'CaseReported') throw new Error(`an SLA history must start with CaseReported, not ${report?.type ?? 'nothing'}`);
  const history = clockHistoryOf(events, policy);
  const latestEvents = events.slice(events.length - history.length);
  let technicianId: string | null = null;
  for (const event of events) if (event.type === 'TechnicianDispatched') technicianId = event.data.technicianId;
  const reportedAt = utcInstant(report.occurredAt);
  const context = {
    evaluated_at: utcInstant(events[events.length - 1]!.occurredAt),
    sla_policy: policy.version,
    priority: report.data.priority,
    region: report.data.customer.region,
    technician_id: technicianId,
    product_model: report.data.product.model,
    reported_at: reportedAt,
    month: localDateOf(reportedAt, DEFAULT_TIME_ZONE).slice(0, 7),
  };
  return (history[history.length - 1] ?? []).map((clock) => ({
    case_id: report.data.caseId,
    clock: clock.clock,
    complaint_id: clock.complaintId ?? '',
    state: clock.state,
    started_at: clock.startedAt,
    stopped_at: clock.stoppedAt,
    due_at: clock.dueAt,
    at_risk_at: atRiskAtOf(clock, history, latestEvents, policy),
    target_value: clock.target.value,
    target_unit: clock.target.unit,
    best_effort: clock.bestEffort ? 1 : 0,
    paused_seconds: clock.pausedSeconds,
    elapsed_seconds: clock.elapsedSeconds,
    ...context,
  }));
};
