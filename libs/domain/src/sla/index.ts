/** The SLA engine (DESIGN §4): working calendars, versioned policies and the clocks of a case. */
export type { SlaDuration, SlaUnit } from './calendar/sla-duration.types.js';
export { SLA_UNITS, unitMs } from './calendar/sla-duration.types.js';
export type { IsoWeekday, WorkingCalendar } from './calendar/working-calendar.types.js';
export { DEFAULT_TIME_ZONE, DEFAULT_WORKING_HOURS, DEFAULT_WORKING_WEEKDAYS, workingCalendar } from './calendar/working-calendar.types.js';
export { addCountedMs, addDuration, isWorkingDay, measure, measureCountedMs } from './calendar/working-time.calculator.js';
export { localDateOf } from './calendar/zoned-time.converter.js';
export { parseWorkingCalendar } from './calendar/working-calendar.parser.js';
export type {
  SlaClockDefinition,
  SlaPolicy,
  SlaStopTrigger,
  SlaTargetCondition,
  SlaTargetRule,
  SlaTrigger,
  StandardSlaClock,
} from './policy/sla-policy.types.js';
export { STANDARD_SLA_CLOCKS, triggersOf } from './policy/sla-policy.types.js';
export { parseSlaPolicy } from './policy/sla-policy.parser.js';
export { SlaPolicyValidationError } from './policy/json-fields.reader.js';
export type { SlaClock, SlaClockState } from './clocks/sla-clock.types.js';
export { SLA_CLOCK_STATES } from './clocks/sla-clock.types.js';
export { computeSlaClocks, slaClocksAfterEachEvent } from './clocks/compute-sla-clocks.js';
export { movesSlaClocks } from './clocks/sla-clock.fold.js';
