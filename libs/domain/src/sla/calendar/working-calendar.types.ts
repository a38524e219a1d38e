import type { CalendarDate } from '../../shared/primitives.js';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * When a service centre works, in its own time zone (DESIGN §4). One calendar per SLA policy.
 * A day is a working day when it is a make-up working day (调休: a Saturday or Sunday worked
 * to bridge a holiday), or else when it is a working weekday and not a public holiday.
 */
export interface WorkingCalendar {
  readonly id: string;
  /** An IANA time zone name; every local date and hour below is read in it. */
  readonly timeZone: string;
  readonly workingWeekdays: readonly IsoWeekday[];
  /** Local `HH:MM`; `end` may be `24:00`. Used by the `businessHours` unit only. */
  readonly workingHours: { readonly start: string; readonly end: string };
  readonly holidays: readonly CalendarDate[];
  readonly makeUpWorkingDays: readonly CalendarDate[];
  /** Where the dates come from (an official notice), and anything uncertain about them. */
  readonly source?: string;
  readonly note?: string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const DEFAULT_WORKING_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5];
export const DEFAULT_WORKING_HOURS = { start: '09:00', end: '18:00' } as const;

/** A calendar with the defaults (Asia/Shanghai, Monday–Friday, 09:00–18:00, no holidays) filled in. */
export const workingCalendar = (fields: Partial<WorkingCalendar> & Pick<WorkingCalendar, 'id'>): WorkingCalendar => ({
  timeZone: DEFAULT_TIME_ZONE,
  workingWeekdays: DEFAULT_WORKING_WEEKDAYS,
  workingHours: DEFAULT_WORKING_HOURS,
  holidays: [],
  makeUpWorkingDays: [],
  ...fields,
});
