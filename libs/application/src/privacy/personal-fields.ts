import type { CaseEvent } from '#casetrail/domain';
import { CASE_EVENT_TYPES } from '#casetrail/event-store';

type Data = Readonly<Record<string, unknown>>;

/**
 * A field of a case event's data that holds the customer's personal data. Two today: the
 * `customer.personal` block of `CaseReported` (name, phone, address, kept together so they are
 * sealed and erased as one) and `signedBy` of `RepairAccepted` (usually the customer's name).
 * The paths are those of the newest shapes, which is what is appended and what reads see after
 * upcasting.
 */
export interface PersonalField {
  readonly path: 'customer.personal' | 'signedBy';
  get(data: Data): unknown;
  set(data: Data, value: unknown): Data;
}

const CUSTOMER_PERSONAL: PersonalField = {
  path: 'customer.personal',
  get: (data) => (data['customer'] as Data | undefined)?.['personal'],
  set: (data, value) => ({ ...data, customer: { ...(data['customer'] as Data), personal: value } }),
};

const SIGNED_BY: PersonalField = {
  path: 'signedBy',
  get: (data) => data['signedBy'],
  set: (data, value) => ({ ...data, signedBy: value }),
};

const BY_EVENT: Partial<Record<CaseEvent['type'], PersonalField>> = { CaseReported: CUSTOMER_PERSONAL, RepairAccepted: SIGNED_BY };
const BY_STORED_TYPE = new Map<string, PersonalField>([
  [CASE_EVENT_TYPES.CaseReported, CUSTOMER_PERSONAL],
  [CASE_EVENT_TYPES.RepairAccepted, SIGNED_BY],
]);

/** By event name (domain events, after upcasting). */
export const personalFieldOf = (eventType: string): PersonalField | undefined => BY_EVENT[eventType as CaseEvent['type']];

/** By stored type (events about to be appended, always in their newest shape). */
export const personalFieldOfStored = (storedType: string): PersonalField | undefined => BY_STORED_TYPE.get(storedType);

/** Shown instead of personal data to a reader not entitled to it. */
export const REDACTED = '[redacted]';
/** Shown instead of personal data whose key was deleted: gone for everyone. */
export const ERASED = '[erased]';
/** Shown when a sealed value does not open with its key: tampered or misplaced (the hash chain says which). */
export const UNREADABLE = '[unreadable]';

/** The marker replacing a whole field: each member of the personal block, or the single string. */
export function markerFor(field: PersonalField, marker: string): unknown {
  return field.path === 'customer.personal' ? { name: marker, phone: marker, address: marker } : marker;
}

/** The customer of a `CaseReported` event's data (both stored shapes keep `customer.id`). */
export const reportedCustomerId = (data: Data): string => (data['customer'] as Data)['id'] as string;
