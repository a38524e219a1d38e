import { fail, readArray, readObject, readOptional, readString } from '../policy/json-fields.reader.js';
import {
  DEFAULT_TIME_ZONE,
  DEFAULT_WORKING_HOURS,
  DEFAULT_WORKING_WEEKDAYS,
  type IsoWeekday,
  type WorkingCalendar,
} from './working-calendar.types.js';
import { dayNumberOf } from './zoned-time.converter.js';

const KEYS = ['id', 'timeZone', 'workingWeekdays', 'workingHours', 'holidays', 'makeUpWorkingDays', 'source', 'note'];
const HH_MM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

const readTimeZone = (value: unknown, field: string): string => {
  const zone = readString(value, field);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    fail(field, `"${zone}" is not an IANA time zone`);
  }
  return zone;
};

const readWeekday = (value: unknown, field: string): IsoWeekday =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 7
    ? (value as IsoWeekday)
    : fail(field, 'must be an ISO weekday, 1 (Monday) to 7 (Sunday)');

const readDate = (value: unknown, field: string): string => {
  const date = readString(value, field);
  return Number.isNaN(dayNumberOf(date)) ? fail(field, `"${date}" is not a YYYY-MM-DD date`) : date;
};

const readWorkingHours = (value: unknown, field: string): WorkingCalendar['workingHours'] => {
  const hours = readObject(value, field, ['start', 'end']);
  const start = readString(hours['start'], `${field}.start`, HH_MM);
  const end = readString(hours['end'], `${field}.end`, HH_MM);
  if (start >= end) fail(field, `start ${start} must be before end ${end}`);
  return { start, end };
};

/** Reads a calendar file's JSON, filling in the defaults (Asia/Shanghai, Monday–Friday, 09:00–18:00). */
export const parseWorkingCalendar = (json: unknown): WorkingCalendar => {
  const doc = readObject(json, 'calendar', KEYS);
  const holidays = readOptional(doc['holidays'], 'holidays', (v, f) => readArray(v, f, readDate)) ?? [];
  const makeUpWorkingDays = readOptional(doc['makeUpWorkingDays'], 'makeUpWorkingDays', (v, f) => readArray(v, f, readDate)) ?? [];
  const both = makeUpWorkingDays.find((date) => holidays.includes(date));
  if (both) fail('makeUpWorkingDays', `${both} is also listed as a holiday`);
  const source = readOptional(doc['source'], 'source', readString);
  const note = readOptional(doc['note'], 'note', readString);
  return {
    id: readString(doc['id'], 'id', /^[a-z0-9][a-z0-9.-]*$/),
    timeZone: readOptional(doc['timeZone'], 'timeZone', readTimeZone) ?? DEFAULT_TIME_ZONE,
    workingWeekdays: readOptional(doc['workingWeekdays'], 'workingWeekdays', (v, f) => readArray(v, f, readWeekday)) ?? DEFAULT_WORKING_WEEKDAYS,
    workingHours: readOptional(doc['workingHours'], 'workingHours', readWorkingHours) ?? DEFAULT_WORKING_HOURS,
    holidays,
    makeUpWorkingDays,
    ...(source ? { source } : {}),
    ...(note ? { note } : {}),
  };
};
