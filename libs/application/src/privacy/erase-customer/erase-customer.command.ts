import { Command } from '@nestjs/cqrs';
import type { Actor, Instant } from '#casetrail/domain';

/** The answer to an erasure, the same every time it is asked again: the first record counts. */
export interface CustomerErasure {
  readonly customerId: string;
  readonly erased: true;
  /** Revision of the `CustomerErased` event on the customer's stream. */
  readonly revision: number;
  readonly erasedAt: Instant;
  readonly erasedBy: Actor;
  readonly reason: string;
}

export class EraseCustomerCommand extends Command<CustomerErasure> {
  constructor(
    readonly customerId: string,
    readonly reason: string,
    readonly actor: Actor,
    readonly correlationId?: string,
  ) {
    super();
  }
}
