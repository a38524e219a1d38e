import type { CalendarDate, Instant } from '../../shared/primitives.js';
import { unitMs, type SlaDuration, type SlaUnit } from './sla-duration.types.js';
import type { WorkingCalendar } from './working-calendar.types.js';
import { DAY_MS, dayNumberOf, fromWallMs, isoWeekdayOf, toWallMs } from './zoned-time.converter.js';

/**
 * Counting time under a working calendar. `hours` is plain elapsed time; the other units count
 * wall-clock time inside per-day windows (the whole day for `workingDays`, the working hours
 * for `businessHours`) so that "3 working days" keeps the local time of day across DST.
 */
interface CompiledCalendar {
  readonly timeZone: string;
  readonly weekdays: ReadonlySet<number>;
  readonly holidays: ReadonlySet<number>;
  readonly makeUp: ReadonlySet<number>;
  readonly hoursStart: number;
  readonly hoursEnd: number;
}

/** A calendar with no working window for this many consecutive days is a data error, not a wait. */
const MAX_IDLE_DAYS = 3_660;

const compiled = new WeakMap<WorkingCalendar, CompiledCalendar>();

const clockMs = (hhmm: string): number => {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000;
};

const compile = (calendar: WorkingCalendar): CompiledCalendar => {
  let result = compiled.get(calendar);
  if (!result) {
    result = {
      timeZone: calendar.timeZone,
      weekdays: new Set(calendar.workingWeekdays),
      holidays: new Set(calendar.holidays.map(dayNumberOf)),
      makeUp: new Set(calendar.makeUpWorkingDays.map(dayNumberOf)),
      hoursStart: clockMs(calendar.workingHours.start),
      hoursEnd: clockMs(calendar.workingHours.end),
    };
    compiled.set(calendar, result);
  }
  return result;
};

const isWorkingDayNumber = (cal: CompiledCalendar, day: number): boolean =>
  cal.makeUp.has(day) || (!cal.holidays.has(day) && cal.weekdays.has(isoWeekdayOf(day)));

/** The counted part of local day `day`, as wall-time offsets into the day, or null. */
const windowOf = (cal: CompiledCalendar, unit: SlaUnit, day: number): readonly [number, number] | null => {
  if (!isWorkingDayNumber(cal, day)) return null;
  return unit === 'workingDays' ? [0, DAY_MS] : [cal.hoursStart, cal.hoursEnd];
};

const addWall = (cal: CompiledCalendar, unit: SlaUnit, startWall: number, amountMs: number): number => {
  let remaining = amountMs;
  let idle = 0;
  for (let day = Math.floor(startWall / DAY_MS); ; day++) {
    const window = windowOf(cal, unit, day);
    const from = window ? Math.max(startWall, day * DAY_MS + window[0]) : 0;
    const to = window ? day * DAY_MS + window[1] : 0;
    if (!window || from >= to) {
      if (++idle > MAX_IDLE_DAYS) throw new Error(`calendar has no working time after ${startWall}`);
      continue;
    }
    idle = 0;
    if (remaining <= to - from) return from + remaining;
    remaining -= to - from;
  }
};

const measureWall = (cal: CompiledCalendar, unit: SlaUnit, fromWall: number, toWall: number): number => {
  let total = 0;
  const lastDay = Math.floor((toWall - 1) / DAY_MS);
  for (let day = Math.floor(fromWall / DAY_MS); day <= lastDay; day++) {
    const window = windowOf(cal, unit, day);
    if (!window) continue;
    const overlap = Math.min(toWall, day * DAY_MS + window[1]) - Math.max(fromWall, day * DAY_MS + window[0]);
    if (overlap > 0) total += overlap;
  }
  return total;
};

/** Whether a local date is a working day under the calendar. */
export const isWorkingDay = (localDate: CalendarDate, calendar: WorkingCalendar): boolean => {
  const day = dayNumberOf(localDate);
  if (Number.isNaN(day)) throw new RangeError(`not a YYYY-MM-DD date: ${localDate}`);
  return isWorkingDayNumber(compile(calendar), day);
};

/** The instant `countedMs` of counted time (in `unit`) after `startMs`. Zero gives `startMs` back. */
export const addCountedMs = (startMs: number, countedMs: number, unit: SlaUnit, calendar: WorkingCalendar): number => {
  if (unit === 'hours' || countedMs <= 0) return startMs + Math.max(0, countedMs);
  const cal = compile(calendar);
  return fromWallMs(addWall(cal, unit, toWallMs(startMs, cal.timeZone), countedMs), cal.timeZone);
};

/** Counted time (ms, in `unit`) between two instants; negative when `toMs` is before `fromMs`. */
export const measureCountedMs = (fromMs: number, toMs: number, unit: SlaUnit, calendar: WorkingCalendar): number => {
  if (toMs < fromMs) return -measureCountedMs(toMs, fromMs, unit, calendar);
  if (unit === 'hours') return toMs - fromMs;
  const cal = compile(calendar);
  return measureWall(cal, unit, toWallMs(fromMs, cal.timeZone), toWallMs(toMs, cal.timeZone));
};

/** The instant `duration` after `start`, e.g. Friday 15:00 + 3 working days → Wednesday 15:00. */
export const addDuration = (start: Instant, duration: SlaDuration, calendar: WorkingCalendar): Instant =>
  new Date(addCountedMs(Date.parse(start), Math.round(duration.value * unitMs(duration.unit)), duration.unit, calendar)).toISOString();

/** Time between two instants in `unit` (hours for the hour units, days for `workingDays`); the inverse of `addDuration`. */
export const measure = (from: Instant, to: Instant, calendar: WorkingCalendar, unit: SlaUnit): number =>
  measureCountedMs(Date.parse(from), Date.parse(to), unit, calendar) / unitMs(unit);
