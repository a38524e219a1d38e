import type { FieldError } from '../../shared/domain-error.js';
import type { CalendarDate } from '../../shared/primitives.js';
import { assessWarranty, effectiveProductDates } from '../../warranty/assess-warranty.js';
import { entitlementKinds, entitlementsAtReport } from '../../warranty/entitlements-at-report.js';
import { isCalendarDate, localDate } from '../../warranty/calendar-date.js';
import type { CaseState } from '../case-state.js';
import type { ReportCase } from '../commands.js';
import type { CaseReported } from '../events.js';
import { caseAlreadyExists, invalidFields } from './case-errors.js';
import { assertOccurredAt } from './admit-command.js';
import type { DecideContext } from './decide-context.js';

const DATE_FIELDS = ['invoiceDate', 'purchaseDate', 'manufactureDate'] as const;

const datesGiven = (product: ReportCase['data']['product']): [string, CalendarDate][] =>
  DATE_FIELDS.flatMap((field) => {
    const value = product[field];
    return value === null ? [] : [[`product.${field}`, value] as [string, CalendarDate]];
  });

/** The warranty cannot be assessed without a start date, nor from dates that are not real or lie ahead. */
const assertProductDates = (command: ReportCase, reportedOn: CalendarDate): void => {
  const dates = datesGiven(command.data.product);
  if (dates.length === 0) {
    throw invalidFields('CASE.WARRANTY_DATE_REQUIRED', 'An invoice, purchase or manufacture date is required.', [
      { field: 'product.invoiceDate', message: 'give invoiceDate, purchaseDate or manufactureDate' },
    ]);
  }
  const malformed: FieldError[] = dates
    .filter(([, date]) => !isCalendarDate(date))
    .map(([field]) => ({ field, message: 'must be a calendar date YYYY-MM-DD' }));
  if (malformed.length > 0) throw invalidFields('CASE.PRODUCT_DATE_INVALID', 'A product date is not a calendar date.', malformed);
  const future: FieldError[] = dates
    .filter(([, date]) => date > reportedOn)
    .map(([field]) => ({ field, message: `must not be after the report date ${reportedOn}` }));
  if (future.length > 0) throw invalidFields('CASE.PRODUCT_DATE_IN_FUTURE', 'A product date lies after the report date.', future);
};

export const reportCase = (command: ReportCase, state: CaseState, context: DecideContext): [CaseReported] => {
  if (state.status !== 'none') throw caseAlreadyExists(command.caseId);
  assertOccurredAt(command.occurredAt, context.now, null);
  const { customer, product, fault, channel, priority } = command.data;
  // "Today" for a product date is the service centre's calendar day, not UTC's.
  const reportedOn = localDate(command.occurredAt, context.warrantyPolicy.timeZone);
  assertProductDates(command, reportedOn);
  const { unit, warrantyPolicy } = context;
  const dates = effectiveProductDates(product, unit);
  const warranty = assessWarranty(dates, fault.category, command.occurredAt, warrantyPolicy, unit);
  const grounds = entitlementsAtReport({ dates, faultCategory: fault.category, reportedOn, warranty, repairs: unit?.repairs ?? [] }, warrantyPolicy);
  return [
    {
      type: 'CaseReported',
      occurredAt: command.occurredAt,
      data: {
        caseId: command.caseId,
        customer: {
          id: customer.id,
          region: customer.region,
          personal: { name: customer.name, phone: customer.phone, address: customer.address },
        },
        product: {
          model: product.model,
          serialNumber: product.serialNumber,
          invoiceDate: product.invoiceDate,
          purchaseDate: product.purchaseDate,
          manufactureDate: product.manufactureDate,
        },
        fault: { category: fault.category, description: fault.description },
        channel,
        priority,
        warranty,
        entitlements: entitlementKinds(unit?.entitlements ?? [], grounds),
        ...(grounds.length > 0 ? { entitlementGrounds: grounds } : {}),
        slaPolicy: context.slaPolicy,
      },
    },
  ];
};
