import { accepted, arrived, contacted, dispatched, onHold, rejected, repaired, reported, resumed } from '../testing/case-events.fixture.js';
import { clockAt, summary } from '../testing/sla-clock.fixture.js';

// 2026-03-09 is a Monday; the week has no holidays.
const MON = '2026-03-09';

describe('the first-response clock', () => {
  const general = [reported(`${MON}T09:00`)];
  const urgent = [reported(`${MON}T09:00`, 'urgent')];

  it.each([
    ['running early on', general, `${MON}T20:00`, 'running', '2026-03-10T09:00'],
    ['at risk from 80 % of 24 h', general, '2026-03-10T04:12', 'at-risk', '2026-03-10T09:00'],
    ['overdue once past due without contact', general, '2026-03-10T09:01', 'overdue', '2026-03-10T09:00'],
    ['urgent: 2 h, running at 75 %', urgent, `${MON}T10:30`, 'running', `${MON}T11:00`],
    ['urgent: at risk at 80 %', urgent, `${MON}T10:36`, 'at-risk', `${MON}T11:00`],
  ])('%s', (_, events, now, state, due) => {
    expect(summary(clockAt(events, now, 'firstResponse'))).toMatchObject({ state, dueAt: due, stoppedAt: null });
  });

  it.each([
    ['met by a contact in time', '2026-03-10T08:00', 'met'],
    ['met by a contact exactly at the due instant', '2026-03-10T09:00', 'met'],
    ['breached by a late contact', '2026-03-10T10:00', 'breached'],
  ])('is %s', (_, contactAt, state) => {
    const events = [...general, contacted(contactAt), contacted('2026-03-10T11:00')];
    expect(summary(clockAt(events, '2026-03-12T00:00', 'firstResponse'))).toMatchObject({ state, stoppedAt: contactAt });
  });

  it('reports elapsed time and the share of the target used', () => {
    expect(clockAt(general, `${MON}T15:00`, 'firstResponse')).toMatchObject({ elapsedSeconds: 6 * 3600, pausedSeconds: 0, usedRatio: 0.25 });
  });

  it('leaves clocks that have not started out', () => {
    expect(clockAt(general, `${MON}T10:00`, 'resultFeedback')).toBeUndefined();
  });
});

describe('the on-site clock', () => {
  it.each([
    ['general', 'urban', `2026-03-10T09:00`, '24 hours', undefined],
    ['general', 'suburban', `2026-03-11T09:00`, '48 hours', undefined],
    ['general', 'remote', `2026-03-12T09:00`, '72 hours', true],
    ['urgent', 'urban', `${MON}T11:00`, '2 hours', undefined],
    ['urgent', 'suburban', `${MON}T13:00`, '4 hours', undefined],
    ['urgent', 'remote', `2026-03-10T09:00`, '24 hours', undefined],
  ] as const)('a %s case in a %s area is due %s', (priority, region, due, target, bestEffort) => {
    const clock = clockAt([reported(`${MON}T09:00`, priority, region)], `${MON}T09:30`, 'onSite');
    expect(summary(clock)).toMatchObject({ dueAt: due, target });
    expect(clock?.bestEffort).toBe(bestEffort);
  });

  it('stops at the first arrival', () => {
    const events = [reported(`${MON}T09:00`), arrived(`${MON}T16:00`), arrived('2026-03-11T16:00')];
    expect(summary(clockAt(events, '2026-03-12T00:00', 'onSite'))).toMatchObject({ state: 'met', stoppedAt: `${MON}T16:00` });
  });

  it('is not applicable when the repair was done remotely', () => {
    const events = [reported(`${MON}T09:00`), contacted(`${MON}T10:00`), repaired(`${MON}T11:00`, { mode: 'remote' })];
    expect(summary(clockAt(events, '2026-03-12T00:00', 'onSite'))).toMatchObject({ state: 'not-applicable', dueAt: null, stoppedAt: `${MON}T11:00` });
  });

  describe('held for the customer from 10:00 to 15:00', () => {
    const held = [reported(`${MON}T09:00`), onHold(`${MON}T10:00`, 'awaiting-customer')];
    const events = [...held, resumed(`${MON}T15:00`, 'awaiting-customer')];

    it('is paused while held, with its due instant moving', () => {
      expect(clockAt(held, `${MON}T12:00`, 'onSite')).toMatchObject({ state: 'paused', elapsedSeconds: 3600, pausedSeconds: 7200 });
    });

    it('is due five hours later once resumed', () => {
      expect(summary(clockAt(events, `${MON}T16:00`, 'onSite'))).toMatchObject({ state: 'running', dueAt: '2026-03-10T14:00' });
      expect(clockAt(events, `${MON}T16:00`, 'onSite')).toMatchObject({ pausedSeconds: 5 * 3600, elapsedSeconds: 2 * 3600 });
    });

    it('is not paused by waiting for parts', () => {
      const parts = [reported(`${MON}T09:00`), onHold(`${MON}T10:00`, 'awaiting-parts'), resumed(`${MON}T15:00`, 'awaiting-parts')];
      expect(summary(clockAt(parts, `${MON}T16:00`, 'onSite'))).toMatchObject({ state: 'running', dueAt: '2026-03-10T09:00' });
    });

    it('is overdue while held if it was already past due', () => {
      const late = [reported(`${MON}T09:00`), onHold('2026-03-10T10:00', 'customer-unreachable')];
      expect(summary(clockAt(late, '2026-03-10T12:00', 'onSite'))).toMatchObject({ state: 'overdue', dueAt: '2026-03-10T09:00' });
    });
  });
});

describe('the repair clock', () => {
  const report = reported(`${MON}T09:00`);

  it.each([
    ['a general fault: 3 working days', [report], '3 workingDays', '2026-03-12T09:00'],
    ['a complex fault set on arrival: 7 working days from the report', [report, arrived('2026-03-10T10:00', 'complex')], '7 workingDays', '2026-03-18T09:00'],
    ['a complexity set back to general on repair', [report, arrived('2026-03-10T10:00', 'complex'), repaired('2026-03-11T10:00', { complexity: 'general' })], '3 workingDays', '2026-03-12T09:00'],
    ['an urgent case: 12 hours', [reported(`${MON}T09:00`, 'urgent')], '12 hours', `${MON}T21:00`],
  ])('%s', (_, events, target, due) => {
    expect(summary(clockAt(events, '2026-03-11T12:00', 'repair'))).toMatchObject({ target, dueAt: due });
  });

  it('keeps the general target before the technician says the fault is complex', () => {
    const events = [report, arrived('2026-03-10T10:00', 'complex')];
    expect(summary(clockAt(events, '2026-03-10T09:00', 'repair'))).toMatchObject({ target: '3 workingDays', dueAt: '2026-03-12T09:00' });
  });

  it.each([
    ['met under the complex target', 'complex', 'met'],
    ['breached under the general target', null, 'breached'],
  ] as const)('a repair on the fifth working day is %s', (_, complexity, state) => {
    const events = [report, arrived('2026-03-10T10:00', complexity), repaired('2026-03-13T12:00')];
    expect(clockAt(events, '2026-03-20T00:00', 'repair')?.state).toBe(state);
  });

  it('moves its due instant only by the working-day part of a hold over a weekend', () => {
    const events = [reported('2026-03-12T09:00'), onHold('2026-03-13T18:00', 'customer-unreachable'), resumed('2026-03-16T09:00', 'customer-unreachable')];
    const clock = clockAt(events, '2026-03-16T10:00', 'repair');
    expect(summary(clock)).toMatchObject({ state: 'running', dueAt: '2026-03-18T00:00' });
    expect(clock?.pausedSeconds).toBe(15 * 3600);
  });

  describe('with a rejected repair and a rework', () => {
    const firstRound = [report, contacted(`${MON}T10:00`), dispatched(`${MON}T11:00`), arrived(`${MON}T14:00`), repaired('2026-03-10T10:00')];
    const rework = [...firstRound, rejected('2026-03-10T12:00'), dispatched('2026-03-11T09:00', 1), arrived('2026-03-11T11:00')];

    it('is met when the first repair is done', () => {
      expect(clockAt(firstRound, '2026-03-10T11:00', 'repair')?.state).toBe('met');
    });

    it('runs again from the original report once the repair is rejected', () => {
      expect(summary(clockAt(rework, '2026-03-11T12:00', 'repair'))).toMatchObject({ state: 'running', stoppedAt: null, dueAt: '2026-03-12T09:00' });
    });

    it.each([
      ['met when the rework is done in time', '2026-03-11T16:00', 'met'],
      ['breached when the rework is late', '2026-03-12T10:00', 'breached'],
    ])('is %s', (_, at, state) => {
      const clock = clockAt([...rework, repaired(at), accepted(at)], '2026-03-13T00:00', 'repair');
      expect(summary(clock)).toMatchObject({ state, stoppedAt: at });
      expect(clock?.startedAt).toBe(report.occurredAt);
    });
  });
});
