import type { FieldError } from '../../shared/domain-error.js';
import type { CalendarDate } from '../../shared/primitives.js';
import { productWarrantyMonths, warrantyExpiry, warrantyStart } from '../../warranty/assess-warranty.js';
import { isCalendarDate, localDate } from '../../warranty/calendar-date.js';
import type { RegisterUnit } from '../unit-commands.js';
import type { UnitRegistered } from '../unit-events.js';
import type { UnitState } from '../unit-state.js';
import type { UnitDecideContext } from './unit-decide-context.js';
import { invalidUnitFields, unitAlreadyRegistered } from './unit-errors.js';

const DATE_FIELDS = ['invoiceDate', 'purchaseDate', 'manufactureDate'] as const;

/** Dates must be real, not lie after the registration day, and at least one must be given to start the warranty. */
const assertDates = (command: RegisterUnit, today: CalendarDate): void => {
  const given = DATE_FIELDS.flatMap((field) => {
    const value = command.data[field];
    return value === null ? [] : [[field, value] as const];
  });
  if (given.length === 0) {
    throw invalidUnitFields('UNIT.WARRANTY_DATE_REQUIRED', 'An invoice, purchase or manufacture date is required.', [
      { field: 'invoiceDate', message: 'give invoiceDate, purchaseDate or manufactureDate' },
    ]);
  }
  const wrong: FieldError[] = given.flatMap(([field, date]) => {
    if (!isCalendarDate(date)) return [{ field, message: 'must be a calendar date YYYY-MM-DD' }];
    return date > today ? [{ field, message: `must not be after ${today}` }] : [];
  });
  if (wrong.length > 0) throw invalidUnitFields('UNIT.PRODUCT_DATE_INVALID', 'A product date is invalid.', wrong);
};

/**
 * Registers the unit's warranty card. A registration over HTTP for a known serial is refused (409);
 * the registration a case report asks for is a no-op then, so the process manager may repeat it.
 */
export const registerUnit = (command: RegisterUnit, state: UnitState, context: UnitDecideContext): UnitRegistered[] => {
  if (state.status === 'registered') {
    if (command.data.source === 'case-report') return [];
    throw unitAlreadyRegistered(command.serialNumber);
  }
  const policy = context.warrantyPolicy;
  assertDates(command, localDate(command.occurredAt, policy.timeZone));
  const { model, invoiceDate, purchaseDate, manufactureDate, customerId, source, caseId } = command.data;
  const start = warrantyStart(command.data)!;
  const months = productWarrantyMonths(model, policy);
  return [
    {
      type: 'UnitRegistered',
      occurredAt: command.occurredAt,
      data: {
        serialNumber: command.serialNumber,
        model,
        invoiceDate,
        purchaseDate,
        manufactureDate,
        customerId,
        source,
        caseId,
        warranty: { ...start, months, expiresOn: warrantyExpiry(start.startsOn, months, 0) },
        policyVersion: policy.version,
      },
    },
  ];
};
