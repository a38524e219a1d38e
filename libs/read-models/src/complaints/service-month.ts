/**
 * The calendar month (`YYYY-MM`) an instant falls in at the service centre, Asia/Shanghai
 * (DESIGN §4's default calendar). Computed once at projection time from the event's business time
 * and stored, so grouping by month is a plain column in SQL on SQLite and PostgreSQL alike, and a
 * rebuild yields the same key (the input is the event, never the clock).
 */
const SHANGHAI_MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' });

export function serviceMonthOf(instant: string): string {
  const parts = SHANGHAI_MONTH.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}`;
}

/** Instants as stored: UTC ISO-8601 text, which sorts chronologically as text in both databases. */
export const utcInstant = (instant: string): string => new Date(instant).toISOString();
