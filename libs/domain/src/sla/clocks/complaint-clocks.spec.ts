import { complaintAcknowledged, complaintFiled, complaintReopened, complaintResolved, reported } from '../testing/case-events.fixture.js';
import { clockAt, summary } from '../testing/sla-clock.fixture.js';

// 2026-03-09 is a Monday; the week has no holidays.
const MON = '2026-03-09';
const filed = [reported(`${MON}T09:00`), complaintFiled(`${MON}T10:00`, 'c-minor'), complaintFiled(`${MON}T11:00`, 'c-serious', 'serious')];

describe('complaint clocks, one pair per complaint', () => {
  it.each([
    ['complaintAck', 'c-minor', '24 hours', '2026-03-10T10:00'],
    ['complaintAck', 'c-serious', '24 hours', '2026-03-10T11:00'],
    ['complaintResolution', 'c-minor', '3 workingDays', '2026-03-12T10:00'],
    ['complaintResolution', 'c-serious', '1 workingDays', '2026-03-10T11:00'],
  ])('%s of %s: %s', (clock, complaintId, target, due) => {
    const found = clockAt(filed, `${MON}T12:00`, clock, complaintId);
    expect(summary(found)).toMatchObject({ state: 'running', target, dueAt: due });
    expect(found?.complaintId).toBe(complaintId);
  });

  it('stops only the acknowledged complaint', () => {
    const events = [...filed, complaintAcknowledged('2026-03-10T09:00', 'c-minor')];
    expect(clockAt(events, '2026-03-10T12:00', 'complaintAck', 'c-minor')?.state).toBe('met');
    expect(clockAt(events, '2026-03-10T12:00', 'complaintAck', 'c-serious')?.state).toBe('overdue');
  });

  it.each([
    ['c-minor', '2026-03-12T10:00', 'met'],
    ['c-serious', '2026-03-10T11:30', 'breached'],
  ])('resolution of %s at %s is %s', (complaintId, at, state) => {
    const events = [...filed, complaintAcknowledged(`${MON}T12:00`, complaintId), complaintResolved(at, complaintId)];
    expect(clockAt(events, '2026-03-20T00:00', 'complaintResolution', complaintId)?.state).toBe(state);
  });

  it('restarts the resolution clock, with its full target, when the complaint is reopened', () => {
    const events = [
      ...filed,
      complaintAcknowledged(`${MON}T12:00`, 'c-minor'),
      complaintResolved('2026-03-11T10:00', 'c-minor'),
      complaintReopened('2026-03-13T10:00', 'c-minor'),
    ];
    expect(summary(clockAt(events, '2026-03-13T11:00', 'complaintResolution', 'c-minor'))).toMatchObject({
      state: 'running',
      stoppedAt: null,
      dueAt: '2026-03-18T10:00',
    });
    expect(clockAt(events, '2026-03-13T11:00', 'complaintAck', 'c-minor')?.state).toBe('met');
  });
});
