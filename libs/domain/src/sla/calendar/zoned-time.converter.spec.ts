import { dateOfDayNumber, dayNumberOf, fromWallMs, isoWeekdayOf, localDateOf, offsetAt, toWallMs } from './zoned-time.converter.js';

const HOUR = 3_600_000;

describe('time zone offsets', () => {
  it.each([
    ['Asia/Shanghai', '2026-07-01T00:00:00Z', 8],
    ['UTC', '2026-07-01T00:00:00Z', 0],
    ['Etc/GMT-8', '2026-07-01T00:00:00Z', 8],
    ['Asia/Kathmandu', '2026-07-01T00:00:00Z', 5.75],
    ['America/New_York', '2026-01-15T12:00:00Z', -5],
    ['America/New_York', '2026-07-15T12:00:00Z', -4],
    ['Europe/Berlin', '2026-03-29T00:59:59Z', 1],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', 2],
    ['Australia/Sydney', '2026-01-15T00:00:00Z', 11],
  ])('%s at %s is UTC%+d', (zone, instant, hours) => {
    expect(offsetAt(zone, Date.parse(instant))).toBe(hours * HOUR);
  });

  it('rejects an unknown zone', () => {
    expect(() => offsetAt('Mars/Olympus_Mons', 0)).toThrow(RangeError);
  });
});

describe('wall time', () => {
  it.each(['Asia/Shanghai', 'Europe/Berlin', 'America/Sao_Paulo', 'Pacific/Chatham'])('round-trips every hour of 2026 in %s', (zone) => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let t = start; t < start + 365 * 24 * HOUR; t += HOUR) {
      const back = fromWallMs(toWallMs(t, zone), zone);
      // Only the repeated hour after clocks go back maps to its earlier twin.
      if (back !== t) expect(toWallMs(back, zone)).toBe(toWallMs(t, zone));
    }
  });

  it('moves a time skipped by spring-forward to after the gap', () => {
    const wall = Date.parse('2026-03-29T02:30:00Z');
    expect(new Date(fromWallMs(wall, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('gives the earlier instant for an ambiguous time', () => {
    const wall = Date.parse('2026-10-25T02:30:00Z');
    expect(new Date(fromWallMs(wall, 'Europe/Berlin')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('local dates', () => {
  it('reads the local date of an instant', () => {
    expect(localDateOf('2026-03-06T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-03-07');
  });

  it.each([
    ['2026-03-06', 5],
    ['2026-03-08', 7],
    ['1970-01-01', 4],
    ['1969-12-29', 1],
  ])('%s is ISO weekday %d', (date, weekday) => {
    expect(isoWeekdayOf(dayNumberOf(date))).toBe(weekday);
    expect(dateOfDayNumber(dayNumberOf(date))).toBe(date);
  });

  it.each(['2026-02-30', '2026-2-3', 'soon'])('does not read %s as a date', (text) => {
    expect(dayNumberOf(text)).toBeNaN();
  });
});
