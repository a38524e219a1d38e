import type { CalendarDate, Instant } from '../../shared/primitives.js';

/**
 * Conversion between instants (epoch ms) and "wall" time (epoch ms of the local date and time
 * read as if it were UTC), so that calendar arithmetic can treat every local day as exactly
 * 24 h and day `n` as `[n × DAY_MS, (n + 1) × DAY_MS)`. Offsets come from Intl and are cached
 * per UTC day, so a zone costs at most two Intl calls per day it is asked about; a day with a
 * DST transition finds it by bisection.
 */
export const DAY_MS = 86_400_000;

interface DayOffsets {
  readonly first: number;
  readonly last: number;
  /** First instant of the day at which `last` applies; only set when the day has a transition. */
  readonly switchAt: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const dayCaches = new Map<string, Map<number, DayOffsets>>();
const MAX_CACHED_DAYS = 50_000;

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

const fixedOffsets = new Map<string, number | null>();

/** Offsets of zones that never change, so the Intl path is skipped altogether. */
const fixedOffsetOf = (timeZone: string): number | null => {
  let offset = fixedOffsets.get(timeZone);
  if (offset === undefined) {
    // POSIX-style sign: Etc/GMT-8 is UTC+8.
    const etc = /^Etc\/GMT([+-])(\d{1,2})$/.exec(timeZone);
    offset = /^(Etc\/)?(UTC|GMT|UCT|Zulu|Universal)$/.test(timeZone) ? 0 : etc ? (etc[1] === '-' ? 1 : -1) * Number(etc[2]) * 3_600_000 : null;
    fixedOffsets.set(timeZone, offset);
  }
  return offset;
};

const intlOffset = (timeZone: string, epochMs: number): number => {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) fields[part.type] = part.value;
  const year = fields['era'] === 'BC' ? 1 - Number(fields['year']) : Number(fields['year']);
  const wall = Date.UTC(year, Number(fields['month']) - 1, Number(fields['day']), Number(fields['hour']), Number(fields['minute']), Number(fields['second']));
  return wall - (epochMs - (((epochMs % 1000) + 1000) % 1000));
};

const dayOffsets = (timeZone: string, day: number): DayOffsets => {
  let cache = dayCaches.get(timeZone);
  if (!cache) dayCaches.set(timeZone, (cache = new Map()));
  let entry = cache.get(day);
  if (entry) return entry;
  const start = day * DAY_MS;
  const first = intlOffset(timeZone, start);
  const last = intlOffset(timeZone, start + DAY_MS - 1000);
  let switchAt = start + DAY_MS;
  if (first !== last) {
    // Transitions fall on whole seconds: bisect the day down to one.
    let low = start;
    let high = start + DAY_MS - 1000;
    while (high - low > 1000) {
      const mid = low + Math.floor((high - low) / 2000) * 1000;
      if (intlOffset(timeZone, mid) === first) low = mid;
      else high = mid;
    }
    switchAt = high;
  }
  if (cache.size >= MAX_CACHED_DAYS) cache.clear();
  entry = { first, last, switchAt };
  cache.set(day, entry);
  return entry;
};

/** The zone's offset from UTC (ms, east positive) at an instant. Throws RangeError for an unknown zone. */
export const offsetAt = (timeZone: string, epochMs: number): number => {
  const fixed = fixedOffsetOf(timeZone);
  if (fixed !== null) return fixed;
  const offsets = dayOffsets(timeZone, Math.floor(epochMs / DAY_MS));
  return epochMs < offsets.switchAt ? offsets.first : offsets.last;
};

export const toWallMs = (epochMs: number, timeZone: string): number => epochMs + offsetAt(timeZone, epochMs);

/**
 * The instant a local wall time denotes. An ambiguous time (clocks turned back) gives the
 * earlier instant; a time skipped by a DST gap moves forward by the gap, as Temporal's
 * `compatible` disambiguation does.
 */
export const fromWallMs = (wallMs: number, timeZone: string): number => {
  const before = offsetAt(timeZone, wallMs - DAY_MS);
  const after = offsetAt(timeZone, wallMs + DAY_MS);
  const candidates = [wallMs - before, wallMs - after].filter((t) => t + offsetAt(timeZone, t) === wallMs);
  return candidates.length > 0 ? Math.min(...candidates) : wallMs - before;
};

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` date; NaN when it is not a real date. */
export const dayNumberOf = (date: CalendarDate): number => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return Number.NaN;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms / DAY_MS : Number.NaN;
};

export const dateOfDayNumber = (day: number): CalendarDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** ISO weekday (1 = Monday) of a day number; 1970-01-01 was a Thursday. */
export const isoWeekdayOf = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/** The local date of an instant in a zone. */
export const localDateOf = (instant: Instant, timeZone: string): CalendarDate =>
  dateOfDayNumber(Math.floor(toWallMs(Date.parse(instant), timeZone) / DAY_MS));
