import type { CaseEvent } from '#casetrail/domain';
import type { CustomerDataKey } from './key-store/customer-key-store.port.js';
import type { PersonalDataAccess } from './personal-data-access.js';
import { ERASED, markerFor, personalFieldOf, REDACTED, UNREADABLE, type PersonalField } from './personal-fields.js';
import { isSealed, unseal } from './sealed-envelope.js';

type Data = Readonly<Record<string, unknown>>;
export type KeyLookup = (customerId: string, keyId: string) => CustomerDataKey | null;

/**
 * A case event as one reader may see it. A `CaseReported` customer also carries `personalErased`,
 * so clients tell erased data from a customer whose name happens to read "[erased]". Data stored
 * in plaintext before sealing existed is shown or redacted by the same rule, but cannot be
 * crypto-shredded: it has no key to delete.
 */
export function showPersonalData(event: CaseEvent, access: PersonalDataAccess | 'withhold', keyOf: KeyLookup): CaseEvent {
  const field = personalFieldOf(event.type);
  if (!field) return event;
  const data = event.data as Data;
  const value = field.get(data);
  const { shown, erased } = show(field, value, access, keyOf, data['caseId'] as string);
  const opened = field.set(data, shown);
  const marked = field.path === 'customer.personal' && access !== 'withhold' ? markErased(opened, erased) : opened;
  return { ...event, data: marked } as CaseEvent;
}

function show(field: PersonalField, value: unknown, access: PersonalDataAccess | 'withhold', keyOf: KeyLookup, caseId: string) {
  if (!isSealed(value)) return { shown: access === 'reveal' ? value : markerFor(field, REDACTED), erased: false };
  if (access === 'withhold') return { shown: markerFor(field, REDACTED), erased: false };
  const key = keyOf(value.customerId, value.keyId);
  if (!key) return { shown: markerFor(field, ERASED), erased: true };
  if (access === 'redact') return { shown: markerFor(field, REDACTED), erased: false };
  try {
    return { shown: unseal(value, key, { caseId, field: field.path }), erased: false };
  } catch {
    return { shown: markerFor(field, UNREADABLE), erased: false };
  }
}

const markErased = (data: Data, erased: boolean): Data => ({ ...data, customer: { ...(data['customer'] as Data), personalErased: erased } });

/**
 * Without looking any key up: personal fields read as `[redacted]`. What the write path folds
 * (`decide` never reads personal data) and what operator tools print.
 */
export const withholdPersonalData = (event: CaseEvent): CaseEvent => showPersonalData(event, 'withhold', () => null);
