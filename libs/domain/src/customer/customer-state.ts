import type { Actor, Instant } from '../shared/primitives.js';
import type { CustomerEvent } from './customer-events.js';

export interface ActiveCustomer {
  readonly status: 'active';
}

export interface ErasedCustomer {
  readonly status: 'erased';
  readonly erasedAt: Instant;
  readonly erasedBy: Actor;
  readonly reason: string;
}

/** No events means "active": a customer exists through its cases, not through its own stream. */
export type CustomerState = ActiveCustomer | ErasedCustomer;

export const initialCustomerState: CustomerState = { status: 'active' };

export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  switch (event.type) {
    case 'CustomerErased':
      // A second erasure record (written around the decider) keeps the first: that is when it happened.
      return state.status === 'erased' ? state : { status: 'erased', erasedAt: event.occurredAt, erasedBy: event.data.erasedBy, reason: event.data.reason };
    default: {
      const unknown: never = event.type;
      throw new Error(`Unhandled customer event ${String(unknown)}`);
    }
  }
}

export const foldCustomer = (events: readonly CustomerEvent[]): CustomerState => events.reduce(evolveCustomer, initialCustomerState);
