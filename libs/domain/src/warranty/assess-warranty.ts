import { DomainError } from '../shared/domain-error.js';
import type { CalendarDate, Instant } from '../shared/primitives.js';
import type { ProductDetails, WarrantyAssessment } from '../service-case/events.js';
import type { FaultCategory, WarrantyBasis } from '../service-case/vocabulary.js';
import { addDays, addMonths, localDate } from './calendar-date.js';
import type { UnitProductDates, UnitWarrantyFacts, WarrantyPolicy } from './warranty-policy.js';

type ProductDates = Pick<ProductDetails, 'model' | 'invoiceDate' | 'purchaseDate' | 'manufactureDate'>;

/** The invoice is the strongest proof of when the warranty started; manufacture date is the fallback. */
export const warrantyStart = (dates: UnitProductDates): { basis: WarrantyBasis; startsOn: CalendarDate } | null => {
  if (dates.invoiceDate) return { basis: 'invoice', startsOn: dates.invoiceDate };
  if (dates.purchaseDate) return { basis: 'purchase', startsOn: dates.purchaseDate };
  if (dates.manufactureDate) return { basis: 'manufacture', startsOn: dates.manufactureDate };
  return null;
};

/** The day the product was bought, for the 7/15/45-day windows: invoice, else purchase date; never manufacture. */
export const purchaseDay = (dates: UnitProductDates): CalendarDate | null => dates.invoiceDate ?? dates.purchaseDate ?? null;

/** The product's own warranty months (consumables aside). */
export const productWarrantyMonths = (model: string, policy: WarrantyPolicy): number =>
  // hasOwn: a model named "constructor" must not pick up Object.prototype's member.
  Object.hasOwn(policy.monthsByModel, model) ? (policy.monthsByModel[model] ?? policy.defaultMonths) : policy.defaultMonths;

const warrantyMonths = (model: string, faultCategory: FaultCategory, policy: WarrantyPolicy): number =>
  faultCategory === 'consumable' ? policy.consumableMonths : productWarrantyMonths(model, policy);

/** The last covered day: the day before the same date `months` later, plus the extension days. */
export const warrantyExpiry = (startsOn: CalendarDate, months: number, extensionDays: number): CalendarDate =>
  addDays(addMonths(startsOn, months), extensionDays - 1);

/** A report's dates with the unit's registered dates laid over them: the warranty card is the record. */
export const effectiveProductDates = (product: ProductDates, unit: UnitWarrantyFacts | null): ProductDates => ({
  model: product.model,
  invoiceDate: unit?.dates?.invoiceDate ?? product.invoiceDate,
  purchaseDate: unit?.dates?.purchaseDate ?? product.purchaseDate,
  manufactureDate: unit?.dates?.manufactureDate ?? product.manufactureDate,
});

/**
 * The warranty as it stands on the day a fault is reported (DESIGN §1, §4). The last covered day
 * is the day before the same date `months` later, plus any extension days the unit has earned.
 * A consumable's own short warranty is not extended by the product's repairs.
 */
export const assessWarranty = (
  product: ProductDates,
  faultCategory: FaultCategory,
  reportedAt: Instant,
  policy: WarrantyPolicy,
  unit: UnitWarrantyFacts | null,
): WarrantyAssessment => {
  const start = warrantyStart(product);
  if (!start) {
    throw new DomainError('CASE.WARRANTY_DATE_REQUIRED', 'invalid', 'An invoice, purchase or manufacture date is required.', {
      errors: [{ field: 'product.invoiceDate', message: 'give invoiceDate, purchaseDate or manufactureDate' }],
    });
  }
  const months = warrantyMonths(product.model, faultCategory, policy);
  const extensionDays = faultCategory === 'consumable' ? 0 : (unit?.extensionDays ?? 0);
  const expiresOn = warrantyExpiry(start.startsOn, months, extensionDays);
  const reportedOn = localDate(reportedAt, policy.timeZone);
  return {
    status: reportedOn <= expiresOn ? 'in' : 'out',
    basis: start.basis,
    startsOn: start.startsOn,
    expiresOn,
    months,
    extensionDays,
  };
};
