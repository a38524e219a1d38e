/**
 * The calendar month (`YYYY-MM`) an instant falls in at the service centre, Asia/Shanghai
 * (DESIGN §4's default calendar). Computed once at projection time from the event's business time
 * and stored, so grouping by month is a plain column in SQL on SQLite and PostgreSQL alike, and a
 * rebuild yields the same key (the input is the event, never the clock).
 */
const SHANGHAI_MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' });

/**
 * Offsets are whole hours, so an instant's month is that of its UTC hour, kept here. Not only the
 * last one: a rebuild meets cases one after another, each starting back in its own weeks, and
 * `formatToParts` was 2.5 % of the rebuild's main thread. A year is 8,760 hours; past 50,000
 * (over five years of them) the map starts over.
 */
const monthsByHour = new Map<string, string>();
const HOURS_KEPT = 50_000;

export function serviceMonthOf(instant: string): string {
  const utc = utcInstant(instant);
  const hour = utc.slice(0, 13);
  const known = monthsByHour.get(hour);
  if (known !== undefined) return known;
  const parts = SHANGHAI_MONTH.formatToParts(new Date(utc));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)!.value;
  const month = `${part('year')}-${part('month')}`;
  if (monthsByHour.size >= HOURS_KEPT) monthsByHour.clear();
  monthsByHour.set(hour, month);
  return month;
}

/** Already as `toISOString` writes it, with a day every month has (`Date` rolls 02-30 over to March). */
const CANONICAL = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** Instants as stored: UTC ISO-8601 text, which sorts chronologically as text in both databases. */
export const utcInstant = (instant: string): string => (CANONICAL.test(instant) ? instant : new Date(instant).toISOString());
