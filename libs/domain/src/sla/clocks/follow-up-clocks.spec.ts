import { accepted, arrived, loanerIssued, progress, rejected, repaired, reported, surveyed } from '../testing/case-events.fixture.js';
import { clockAt, summary } from '../testing/sla-clock.fixture.js';

// 2026-03-09 is a Monday; the week has no holidays.
const MON = '2026-03-09';
const onSite = [reported(`${MON}T09:00`), arrived(`${MON}T10:00`)];
const urgentOnSite = [reported(`${MON}T09:00`, 'urgent'), arrived(`${MON}T10:00`)];

describe('the result-feedback clock', () => {
  const done = [...onSite, repaired('2026-03-10T10:00')];

  it('starts when the repair is done and runs 24 h', () => {
    expect(summary(clockAt(done, '2026-03-10T11:00', 'resultFeedback'))).toMatchObject({ state: 'running', dueAt: '2026-03-11T10:00' });
  });

  it.each([
    ['met by a result update', progress('2026-03-10T12:00', 'result'), 'met'],
    ['met by a rejection', rejected('2026-03-10T12:00'), 'met'],
    ['breached by a late acceptance', accepted('2026-03-11T11:00'), 'breached'],
  ])('is %s', (_, stop, state) => {
    expect(clockAt([...done, stop], '2026-03-12T00:00', 'resultFeedback')?.state).toBe(state);
  });

  it('is not stopped by a mere progress update', () => {
    expect(clockAt([...done, progress('2026-03-10T12:00', 'progress')], '2026-03-11T11:00', 'resultFeedback')?.state).toBe('overdue');
  });

  it("starts afresh on a rework's repair", () => {
    const rework = [...done, rejected('2026-03-10T12:00'), arrived('2026-03-11T09:00'), repaired('2026-03-11T15:00')];
    expect(summary(clockAt(rework, '2026-03-11T16:00', 'resultFeedback'))).toMatchObject({ state: 'running', stoppedAt: null, dueAt: '2026-03-12T15:00' });
  });
});

describe('the loaner clock', () => {
  it.each([
    ['general: 48 h from the first arrival', onSite, '2026-03-11T10:00'],
    ['urgent: 12 h from the first arrival', urgentOnSite, `${MON}T22:00`],
  ])('%s', (_, events, due) => {
    expect(summary(clockAt(events, `${MON}T11:00`, 'loaner'))).toMatchObject({ state: 'running', dueAt: due });
  });

  it('does not start before anyone arrives', () => {
    expect(clockAt([reported(`${MON}T09:00`)], `${MON}T11:00`, 'loaner')).toBeUndefined();
  });

  it.each([
    ['not applicable when the repair is done in time', [repaired('2026-03-10T10:00')], 'not-applicable'],
    ['met when a loaner is issued in time', [loanerIssued('2026-03-10T10:00'), repaired('2026-03-13T10:00')], 'met'],
    ['breached when a loaner is issued late', [loanerIssued('2026-03-11T11:00')], 'breached'],
    ['breached when a late repair came without a loaner', [repaired('2026-03-11T11:00')], 'breached'],
  ])('is %s', (_, later, state) => {
    expect(clockAt([...onSite, ...later], '2026-03-20T00:00', 'loaner')?.state).toBe(state);
  });

  it('has no due instant when it turned out not to apply', () => {
    expect(clockAt([...onSite, repaired('2026-03-10T10:00')], '2026-03-20T00:00', 'loaner')?.dueAt).toBeNull();
  });
});

describe('the survey clock', () => {
  const acceptedCase = [...onSite, repaired('2026-03-10T10:00'), accepted('2026-03-10T12:00')];

  it.each([
    ['running for a week', acceptedCase, '2026-03-12T00:00', 'running'],
    ['met by a survey within the week', [...acceptedCase, surveyed('2026-03-16T12:00')], '2026-03-20T00:00', 'met'],
    ['overdue a week later', acceptedCase, '2026-03-17T12:01', 'overdue'],
  ])('is %s', (_, events, now, state) => {
    expect(summary(clockAt(events, now, 'survey'))).toMatchObject({ state, dueAt: '2026-03-17T12:00' });
  });
});
