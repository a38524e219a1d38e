/**
 * How an SLA target is counted (DESIGN §4):
 * - `hours`: calendar time, every hour counts;
 * - `businessHours`: only time inside the calendar's working hours on working days;
 * - `workingDays`: N × 24 h, counting only the hours of working days (a Friday 15:00 start
 *   with 3 working days is due Wednesday 15:00; a Saturday start counts from Monday 00:00).
 */
export type SlaUnit = 'hours' | 'businessHours' | 'workingDays';

export const SLA_UNITS: readonly SlaUnit[] = ['hours', 'businessHours', 'workingDays'];

/** An amount of time in one unit, e.g. `{ value: 3, unit: 'workingDays' }`. */
export interface SlaDuration {
  readonly value: number;
  readonly unit: SlaUnit;
}

const HOUR_MS = 3_600_000;

/** Milliseconds of counted time in one unit of `unit` (a working day counts 24 h of its own). */
export const unitMs = (unit: SlaUnit): number => (unit === 'workingDays' ? 24 * HOUR_MS : HOUR_MS);
