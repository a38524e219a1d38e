import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { customerStreamId, decideCustomer, foldCustomer, type Clock, type IdGenerator } from '#casetrail/domain';
import { WrongExpectedRevisionError, type EventStore } from '#casetrail/event-store';
import { CLOCK, CUSTOMER_KEY_STORE, EVENT_STORE, ID_GENERATOR } from '../../tokens.js';
import type { CustomerKeyStore } from '../key-store/customer-key-store.port.js';
import { customerEventSerializer } from './customer-event-serializer.js';
import { EraseCustomerCommand, type CustomerErasure } from './erase-customer.command.js';

const MAX_ATTEMPTS = 5;

/**
 * Records the erasure on the customer's stream, then deletes the customer's keys: every sealed
 * copy of their personal data — events, exports, backups of the event store — becomes unreadable.
 * Record first: a crash in between leaves a recorded erasure whose keys a repeated request
 * deletes (every request deletes them, recorded or not), never a silent deletion with no record.
 */
@CommandHandler(EraseCustomerCommand)
export class EraseCustomerHandler implements ICommandHandler<EraseCustomerCommand, CustomerErasure> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CUSTOMER_KEY_STORE) private readonly keys: CustomerKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ customerId, reason, actor, correlationId }: EraseCustomerCommand): Promise<CustomerErasure> {
    const streamId = customerStreamId(customerId);
    for (let attempt = 1; ; attempt++) {
      const recorded = await this.store.readStream(streamId);
      const history = recorded.map((r) => customerEventSerializer.deserialize(r));
      const occurredAt = new Date(this.clock.now()).toISOString();
      const decided = decideCustomer({ type: 'EraseCustomer', customerId, occurredAt, data: { reason } }, foldCustomer(history), actor);
      const commandId = this.ids.next();
      try {
        const newEvents = decided.map((event) => ({
          ...customerEventSerializer.serialize(event),
          metadata: { eventId: this.ids.next(), commandId, correlationId: correlationId ?? commandId, causationId: null, actor, occurredAt },
        }));
        if (newEvents.length > 0) await this.store.appendToStream(streamId, newEvents, { expectedRevision: recorded.length === 0 ? 'no-stream' : recorded.length - 1 });
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
      await this.keys.deleteKeys(customerId);
      const state = foldCustomer([...history, ...decided]);
      if (state.status !== 'erased') throw new Error(`Customer ${customerId} is not erased after its erasure`);
      return { customerId, erased: true, revision: recorded.length + decided.length - 1, erasedAt: state.erasedAt, erasedBy: state.erasedBy, reason: state.reason };
    }
  }
}
