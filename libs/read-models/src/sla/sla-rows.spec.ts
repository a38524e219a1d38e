import fc from 'fast-check';
import type { CaseEvent, HoldReason } from '#casetrail/domain';
import { loadSlaPolicyRegistry } from '#casetrail/policies';
import { caseEvents } from '../case-summary/testing/case-event.builders.js';
import { eventsForClocks, minimiseEvent, slaRowsOf, triggerFieldsOf } from './sla-rows.js';
import type { SlaClockRow } from './sla.tables.js';

const policy = loadSlaPolicyRegistry().get('standard-v1');
const fields = triggerFieldsOf(policy);
const c = caseEvents('case-p');
const START = Date.parse('2026-03-02T01:00:00.000Z');
const HOLDS: HoldReason[] = ['awaiting-parts', 'awaiting-customer'];
/** A progress message to the customer: moves no clock (the builders' `progress` is a result feedback, which does). */
const message = (at: string, text = 'on its way'): CaseEvent =>
  ({ ...c.progress(at), data: { caseId: 'case-p', kind: 'progress', channel: 'sms', message: text } }) as CaseEvent;

/** One step of a case after its report: any event the SLA engine may meet, in any order the state machine might not even allow. */
const step = fc.oneof(
  fc.constant((at: string) => c.contacted(at)),
  fc.constant((at: string) => c.dispatched(at)),
  fc.constant((at: string) => c.arrived(at)),
  fc.constantFrom(...HOLDS).map((reason) => (at: string) => c.onHold(at, reason)),
  fc.constantFrom(...HOLDS).map((reason) => (at: string) => c.resumed(at, reason, at)),
  fc.constantFrom('on-site' as const, 'remote' as const).map((mode) => (at: string) => c.repaired(at, { mode })),
  fc.constant((at: string) => c.accepted(at)),
  fc.constant((at: string) => c.rejected(at)),
  fc.constant((at: string) => c.progress(at)),
  fc.constant((at: string) => message(at)),
  fc.constant((at: string) => c.loanerIssued(at)),
  fc.constant((at: string) => c.surveyed(at)),
  fc.constantFrom('k1', 'k2').map((id) => (at: string) => c.complaintFiled(at, id)),
  fc.constantFrom('k1', 'k2').map((id) => (at: string) => c.complaintAcknowledged(at, id)),
  fc.constantFrom('k1', 'k2').map((id) => (at: string) => c.complaintResolved(at, id)),
  fc.constantFrom('k1', 'k2').map((id) => (at: string) => c.complaintReopened(at, id)),
  fc.constant((at: string) => c.cancelled(at)),
);

/** A report, then steps from the same millisecond to days apart (a command's `occurredAt` may not go back: CASE.OCCURRED_AT_INVALID). */
const history = fc
  .array(fc.tuple(step, fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 * 86_400_000 }))), { minLength: 1, maxLength: 40 })
  .map((steps) => {
    let at = START;
    const events: CaseEvent[] = [c.reported(new Date(START).toISOString(), { priority: 'general' })];
    for (const [make, gap] of steps) {
      at += gap;
      events.push(make(new Date(at).toISOString()));
    }
    return events.map((event) => minimiseEvent(event, fields));
  });

/**
 * The rows, with `at_risk_at` to the second. It is projected forward from an event at which the
 * clock ran below its at-risk share, using the clock's elapsed time as a snapshot rounds it (whole
 * seconds), so which events are kept may move it by under a second; every other column must match.
 */
const comparable = (rows: readonly SlaClockRow[]) =>
  rows.map((row) => ({ ...row, at_risk_at: row.at_risk_at === null ? null : Math.round(Date.parse(row.at_risk_at) / 1000) }));

const expectSameRows = (actual: readonly SlaClockRow[], expected: readonly SlaClockRow[]): void => {
  const [a, e] = [comparable(actual), comparable(expected)];
  a.forEach((row, i) => {
    if (row.at_risk_at !== null && e[i]?.at_risk_at != null && Math.abs(row.at_risk_at - e[i].at_risk_at) <= 1) row.at_risk_at = e[i].at_risk_at;
  });
  expect(a).toEqual(e);
};

describe('the events kept for the SLA clocks', () => {
  it('give the same rows as every event of the case', () => {
    fc.assert(
      fc.property(history, (events) => {
        expectSameRows(slaRowsOf(eventsForClocks(events, policy), policy), slaRowsOf(events, policy));
      }),
      { numRuns: 2_000 },
    );
  });

  it('give the same rows when a long case is pruned batch after batch, as the projection stores it', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 5 }), (events, batch) => {
        let kept: CaseEvent[] = [];
        for (let i = 0; i < events.length; i += batch) kept = eventsForClocks([...kept, ...events.slice(i, i + batch)], policy);
        expectSameRows(slaRowsOf(kept, policy), slaRowsOf(events, policy));
      }),
      { numRuns: 1_000 },
    );
  });

  it('leave out progress messages but keep the latest event, whatever it is', () => {
    const events = [c.reported('2026-03-02T01:00:00.000Z'), c.contacted('2026-03-02T02:00:00.000Z')];
    const messages = Array.from({ length: 50 }, (_, i) => message(`2026-03-03T0${i % 10}:00:00.000Z`, `${i}`));
    const kept = eventsForClocks([...events, ...messages].map((e) => minimiseEvent(e, fields)), policy);
    expect(kept.map((e) => e.type)).toEqual(['CaseReported', 'CustomerContacted', 'ProgressUpdateSent']);
  });
});
