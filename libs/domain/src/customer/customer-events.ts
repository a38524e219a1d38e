import type { Actor, Instant } from '../shared/primitives.js';

/**
 * The events of a customer's stream (`Customer-<customerId>`). The stream holds no personal data:
 * it records what was done to the customer's data, by whom and why — the audit trail of an erasure.
 */
interface Event<T extends string, D> {
  readonly type: T;
  readonly data: D;
  readonly occurredAt: Instant;
}

/**
 * The customer's personal data was erased (crypto-shredded): the keys it was encrypted under are
 * gone, so every copy of it in the event store is unreadable for good. `erasedBy` repeats the
 * actor of the metadata so the record reads on its own.
 */
export type CustomerErased = Event<
  'CustomerErased',
  { readonly customerId: string; readonly erasedBy: Actor; readonly reason: string }
>;

export type CustomerEvent = CustomerErased;

/** The category before the first dash, as for every stream (DESIGN §2). */
export const customerStreamId = (customerId: string): string => `Customer-${customerId}`;
