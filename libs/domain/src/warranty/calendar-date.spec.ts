import { addDays, addMonths, isCalendarDate, localDate } from './calendar-date.js';

describe('calendar dates', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2025-11-15', 3, '2026-02-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-05-10', -5, '2025-12-10'],
  ])('%s plus %i months is %s, clamped to the month end', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-05-31', 60, '2026-07-30'],
    ['1999-12-31', 366, '2000-12-31'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-01', '2026-04-31', ''])('%p is not a calendar date', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it('takes the day of an instant in the given time zone', () => {
    expect(localDate('2026-03-01T17:00:00.000Z', 'Asia/Shanghai')).toBe('2026-03-02');
    expect(localDate('2026-03-01T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-03-01');
    expect(localDate('2026-03-01T17:00:00.000Z', 'UTC')).toBe('2026-03-01');
  });
});
