import { DomainError } from '../shared/domain-error.js';
import type { CalendarDate, Instant } from '../shared/primitives.js';
import type { ProductDetails, WarrantyAssessment } from '../service-case/events.js';
import type { FaultCategory, WarrantyBasis } from '../service-case/vocabulary.js';
import { addDays, addMonths, localDate } from './calendar-date.js';
import type { UnitWarrantyFacts, WarrantyPolicy } from './warranty-policy.js';

type ProductDates = Pick<ProductDetails, 'model' | 'invoiceDate' | 'purchaseDate' | 'manufactureDate'>;

/** The invoice is the strongest proof of when the warranty started; manufacture date is the fallback. */
const warrantyStart = (product: ProductDates): { basis: WarrantyBasis; startsOn: CalendarDate } | null => {
  if (product.invoiceDate) return { basis: 'invoice', startsOn: product.invoiceDate };
  if (product.purchaseDate) return { basis: 'purchase', startsOn: product.purchaseDate };
  if (product.manufactureDate) return { basis: 'manufacture', startsOn: product.manufactureDate };
  return null;
};

const warrantyMonths = (model: string, faultCategory: FaultCategory, policy: WarrantyPolicy): number => {
  if (faultCategory === 'consumable') return policy.consumableMonths;
  // hasOwn: a model named "constructor" must not pick up Object.prototype's member.
  return Object.hasOwn(policy.monthsByModel, model) ? (policy.monthsByModel[model] ?? policy.defaultMonths) : policy.defaultMonths;
};

/**
 * The warranty as it stands on the day a fault is reported (DESIGN §1, §4). The last covered day
 * is the day before the same date `months` later, plus any extension days the unit has earned.
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
  const extensionDays = unit?.extensionDays ?? 0;
  const expiresOn = addDays(addMonths(start.startsOn, months), extensionDays - 1);
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
