import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideUnit, unitAlreadyRegistered, type Clock, type IdGenerator, type RegisterUnit } from '#casetrail/domain';
import { WrongExpectedRevisionError, type EventStore } from '#casetrail/event-store';
import type { CasePolicies } from '../../cases/case-policies.js';
import { CASE_POLICIES, CLOCK, EVENT_STORE, ID_GENERATOR } from '../../tokens.js';
import { loadUnit } from '../load-unit.js';
import { toUnitNewEvents } from '../unit-event-envelope.js';
import { RegisterUnitCommand, type UnitCommandResult } from './register-unit.command.js';

/** read → fold → decide → append; a registration that lost the race to another one is the same 409. */
@CommandHandler(RegisterUnitCommand)
export class RegisterUnitHandler implements ICommandHandler<RegisterUnitCommand, UnitCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(CASE_POLICIES) private readonly policies: CasePolicies,
  ) {}

  async execute({ serialNumber, data, actor, correlationId }: RegisterUnitCommand): Promise<UnitCommandResult> {
    const { streamId, state, revision } = await loadUnit(this.store, serialNumber);
    const command: RegisterUnit = {
      type: 'RegisterUnit',
      serialNumber,
      occurredAt: new Date(this.clock.now()).toISOString(),
      data: { ...data, source: 'registration', caseId: null },
    };
    const events = decideUnit(command, state, { warrantyPolicy: this.policies.warranty });
    const commandId = this.ids.next();
    const envelope = { eventId: () => this.ids.next(), commandId, correlationId: correlationId ?? commandId, causationId: null, actor };
    try {
      const appended = await this.store.appendToStream(streamId, toUnitNewEvents(events, envelope), {
        expectedRevision: revision < 0 ? 'no-stream' : revision,
      });
      return { serialNumber, revision: appended.revision };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) throw unitAlreadyRegistered(serialNumber);
      throw error;
    }
  }
}
