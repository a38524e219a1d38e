import type { Actor, Instant } from '../shared/primitives.js';
import type { CustomerEvent } from './customer-events.js';
import type { CustomerState } from './customer-state.js';

/** An admin asks for a customer's personal data to be erased (the right to be forgotten). */
export interface EraseCustomer {
  readonly type: 'EraseCustomer';
  readonly customerId: string;
  readonly occurredAt: Instant;
  readonly data: { readonly reason: string };
}

export type CustomerCommand = EraseCustomer;

/**
 * Erasing twice records one erasure: the second request is answered from the first record, so a
 * retried or repeated request is harmless. (Deleting the keys again is the application's job and
 * is itself idempotent.)
 */
export function decideCustomer(command: CustomerCommand, state: CustomerState, actor: Actor): CustomerEvent[] {
  switch (command.type) {
    case 'EraseCustomer':
      if (state.status === 'erased') return [];
      return [
        {
          type: 'CustomerErased',
          occurredAt: command.occurredAt,
          data: { customerId: command.customerId, erasedBy: actor, reason: command.data.reason },
        },
      ];
    default: {
      const unknown: never = command.type;
      throw new Error(`Unhandled customer command ${String(unknown)}`);
    }
  }
}
