import { describe, expect, it } from '@jest/globals';
import { evolveCaseSummary } from './case-summary.evolve.js';
import { caseEvents } from './testing/case-event.builders.js';

const c = caseEvents('c-1');
const reported = evolveCaseSummary(undefined, c.reported('2026-03-02T01:00:00.000Z'), { revision: 0, position: 10 });

describe('evolveCaseSummary', () => {
  it('keeps no personal data of the customer, only the id and region class', () => {
    const text = JSON.stringify(reported);
    for (const personal of ['赵敏', '+86 139 1111 2222', '杭州市西湖区文三路1号']) expect(text).not.toContain(personal);
    expect(reported).toMatchObject({ customer_id: 'cust-c-1', region: 'urban' });
  });

  it('ignores an event at or before the position it already applied', () => {
    expect(evolveCaseSummary(reported, c.contacted('2026-03-02T02:00:00.000Z'), { revision: 1, position: 10 })).toBe(reported);
  });

  it('refuses a case event that comes before the case was reported, so the projection stops loudly', () => {
    expect(() => evolveCaseSummary(undefined, c.contacted('2026-03-02T02:00:00.000Z'), { revision: 1, position: 11 })).toThrow(/precedes CaseReported/);
  });

  it('leaves the status alone for an event that does not fit it, as the domain does', () => {
    const accepted = evolveCaseSummary(reported, c.accepted('2026-03-02T02:00:00.000Z'), { revision: 1, position: 11 });
    expect(accepted).toMatchObject({ status: 'reported', accepted_at: null, last_event_at: '2026-03-02T02:00:00.000Z', revision: 1 });
  });
});
