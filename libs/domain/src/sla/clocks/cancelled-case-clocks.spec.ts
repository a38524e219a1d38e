import { arrived, cancelled, complaintFiled, contacted, reported } from '../testing/case-events.fixture.js';
import { clockAt, summary } from '../testing/sla-clock.fixture.js';

// 2026-03-09 is a Monday; the week has no holidays.
const MON = '2026-03-09';

describe('a cancelled case', () => {
  const events = [reported(`${MON}T09:00`), contacted(`${MON}T10:00`), cancelled(`${MON}T11:00`)];

  it.each([
    ['firstResponse', 'met', `${MON}T10:00`],
    ['onSite', 'cancelled', `${MON}T11:00`],
    ['repair', 'cancelled', `${MON}T11:00`],
  ])('leaves %s %s', (clock, state, stoppedAt) => {
    expect(summary(clockAt(events, '2026-03-20T00:00', clock))).toMatchObject({ state, stoppedAt });
  });

  it('starts no case clock afterwards but still times a complaint', () => {
    const later = [...events, arrived(`${MON}T12:00`), complaintFiled(`${MON}T13:00`, 'c-1')];
    expect(clockAt(later, `${MON}T14:00`, 'loaner')).toBeUndefined();
    expect(clockAt(later, `${MON}T14:00`, 'complaintAck', 'c-1')?.state).toBe('running');
  });
});
