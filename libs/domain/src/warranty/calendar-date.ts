import type { CalendarDate, Instant } from '../shared/primitives.js';

/**
 * Date arithmetic on `YYYY-MM-DD` strings. Days are counted from 1970-01-01 with Howard
 * Hinnant's civil-calendar formulas, so no `Date` object (and no host time zone) is involved.
 */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

const parse = (date: CalendarDate): Ymd | null => {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
};

const format = ({ year, month, day }: Ymd): CalendarDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const parseOrThrow = (date: CalendarDate): Ymd => {
  const parsed = parse(date);
  // Callers validate dates at the edge; reaching this means a programming error, not bad input.
  if (!parsed) throw new RangeError(`not a calendar date: ${date}`);
  return parsed;
};

const toDayNumber = ({ year, month, day }: Ymd): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

const fromDayNumber = (dayNumber: number): Ymd => {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
};

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is not one). */
export const isCalendarDate = (value: string): boolean => parse(value) !== null;

export const addDays = (date: CalendarDate, days: number): CalendarDate =>
  format(fromDayNumber(toDayNumber(parseOrThrow(date)) + days));

/** Adds calendar months, clamping to the month's last day: 2026-01-31 + 1 month is 2026-02-28. */
export const addMonths = (date: CalendarDate, months: number): CalendarDate => {
  const { year, month, day } = parseOrThrow(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
};

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/**
 * The calendar date an instant falls on in a time zone: 2026-03-01T17:00Z is 2026-03-02 in
 * Asia/Shanghai. Intl knows the zone's rules (offsets, DST), so no offset is hard-coded here.
 */
export const localDate = (instant: Instant, timeZone: string): CalendarDate => {
  const millis = Date.parse(instant);
  if (Number.isNaN(millis)) throw new RangeError(`not an instant: ${instant}`);
  const parts = formatterFor(timeZone).formatToParts(millis);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return format({ year: part('year'), month: part('month'), day: part('day') });
};

/** Whole days from `from` to `to` (negative when `to` is earlier): 2026-03-01 → 2026-03-08 is 7. */
export const daysBetween = (from: CalendarDate, to: CalendarDate): number => toDayNumber(parseOrThrow(to)) - toDayNumber(parseOrThrow(from));
