import { cnMainland2026, cst } from '../testing/shipped-policies.fixture.js';
import type { SlaUnit } from './sla-duration.types.js';
import { workingCalendar } from './working-calendar.types.js';
import { addDuration, isWorkingDay, measure } from './working-time.calculator.js';

const calendar = cnMainland2026;

describe('working days under the 2026 mainland China calendar', () => {
  it.each([
    ['2026-03-06', true, 'an ordinary Friday'],
    ['2026-03-07', false, 'an ordinary Saturday'],
    ['2026-10-05', false, 'a Monday in the National Day holiday'],
    ['2026-10-10', true, 'the make-up Saturday after National Day'],
    ['2026-09-20', true, 'the make-up Sunday before National Day'],
    ['2026-02-14', true, 'the make-up Saturday before the Spring Festival'],
    ['2026-01-01', false, "New Year's Day"],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, calendar)).toBe(expected);
  });
});

describe('adding a duration', () => {
  it.each<[string, number, SlaUnit, string, string]>([
    ['Friday 15:00 + 3 working days is Wednesday 15:00', 3, 'workingDays', '2026-03-06T15:00', '2026-03-11T15:00'],
    ['a Saturday report counts from Monday 00:00', 3, 'workingDays', '2026-03-07T10:00', '2026-03-12T00:00'],
    ['a Sunday report counts from Monday 00:00', 1, 'workingDays', '2026-03-08T23:00', '2026-03-10T00:00'],
    ['the National Day week is skipped and the make-up Saturday counts', 3, 'workingDays', '2026-09-30T15:00', '2026-10-10T15:00'],
    ['a make-up Saturday counts before the Spring Festival', 1, 'workingDays', '2026-02-13T15:00', '2026-02-14T15:00'],
    ['the Spring Festival is skipped', 1, 'workingDays', '2026-02-14T15:00', '2026-02-24T15:00'],
    ['a due time ending at midnight stays at the end of that working day', 3, 'workingDays', '2026-03-10T00:00', '2026-03-13T00:00'],
    ['business hours run across a night and a weekend', 2, 'businessHours', '2026-03-06T17:00', '2026-03-09T10:00'],
    ['business hours before opening start at 09:00', 3, 'businessHours', '2026-03-09T06:30', '2026-03-09T12:00'],
    ['business hours that exactly fill a day end at 18:00', 9, 'businessHours', '2026-03-09T09:00', '2026-03-09T18:00'],
    ['fractional business hours', 1.5, 'businessHours', '2026-03-09T17:00', '2026-03-10T09:30'],
    ['hours are plain calendar time, holidays included', 24, 'hours', '2026-10-01T08:00', '2026-10-02T08:00'],
  ])('%s', (_, value, unit, start, due) => {
    expect(addDuration(cst(start), { value, unit }, calendar)).toBe(cst(due));
  });

  it('adds nothing for a zero duration, even outside working time', () => {
    expect(addDuration(cst('2026-03-07T10:00'), { value: 0, unit: 'workingDays' }, calendar)).toBe(cst('2026-03-07T10:00'));
  });

  it('refuses to wait forever on a calendar without working days', () => {
    const never = workingCalendar({ id: 'never', workingWeekdays: [] });
    expect(() => addDuration(cst('2026-03-07T10:00'), { value: 1, unit: 'workingDays' }, never)).toThrow(/no working time/);
  });
});

describe('measuring between two instants', () => {
  it.each<[string, SlaUnit, string, string, number]>([
    ['Friday 15:00 to Wednesday 15:00', 'workingDays', '2026-03-06T15:00', '2026-03-11T15:00', 3],
    ['a weekend only', 'workingDays', '2026-03-07T00:00', '2026-03-09T00:00', 0],
    ['across National Day', 'workingDays', '2026-09-30T12:00', '2026-10-08T12:00', 1],
    ['business hours across a weekend', 'businessHours', '2026-03-06T17:00', '2026-03-09T10:00', 2],
    ['business hours at night', 'businessHours', '2026-03-09T19:00', '2026-03-10T08:00', 0],
    ['hours', 'hours', '2026-03-06T15:00', '2026-03-07T03:30', 12.5],
    ['backwards is negative', 'workingDays', '2026-03-11T15:00', '2026-03-06T15:00', -3],
  ])('%s', (_, unit, from, to, expected) => {
    expect(measure(cst(from), cst(to), calendar, unit)).toBeCloseTo(expected, 9);
  });

  it.each<[SlaUnit, string, number]>([
    ['workingDays', '2026-09-28T11:17', 4.25],
    ['workingDays', '2026-02-12T18:00', 2],
    ['businessHours', '2026-04-03T16:45', 7.5],
    ['businessHours', '2026-12-31T20:00', 30],
    ['hours', '2026-05-01T00:00', 100],
  ])('is the inverse of addDuration (%s from %s, %d)', (unit, start, value) => {
    const due = addDuration(cst(start), { value, unit }, calendar);
    expect(measure(cst(start), due, calendar, unit)).toBeCloseTo(value, 9);
  });
});

describe('a calendar in a time zone with daylight saving time', () => {
  const berlin = workingCalendar({ id: 'de', timeZone: 'Europe/Berlin' });
  const cet = (local: string, offset: string): string => new Date(`${local}:00${offset}`).toISOString();

  it('keeps the local time of day across the spring-forward weekend', () => {
    expect(addDuration(cet('2026-03-27T15:00', '+01:00'), { value: 3, unit: 'workingDays' }, berlin)).toBe(cet('2026-04-01T15:00', '+02:00'));
  });

  it('counts a 23-hour calendar day as 23 hours', () => {
    expect(addDuration(cet('2026-03-28T12:00', '+01:00'), { value: 24, unit: 'hours' }, berlin)).toBe(cet('2026-03-29T13:00', '+02:00'));
  });

  it('reads working hours in local time after the autumn change', () => {
    expect(addDuration(cet('2026-10-23T17:00', '+02:00'), { value: 2, unit: 'businessHours' }, berlin)).toBe(cet('2026-10-26T10:00', '+01:00'));
  });
});
