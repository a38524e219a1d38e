import { Inject, Injectable } from '@nestjs/common';
import { decideUnit, unitWarrantyFacts, type CaseReported, type UnitWarrantyFacts } from '#casetrail/domain';
import { WrongExpectedRevisionError, type EventStore } from '#casetrail/event-store';
import type { CasePolicies } from '../cases/case-policies.js';
import { deriveEventId } from '../cases/execute-case-command/event-envelope.js';
import type { CommandRequest } from '../cases/execute-case-command/execute-case-command.js';
import type { UnitFactsLookup } from '../cases/unit-facts.port.js';
import { CASE_POLICIES, EVENT_STORE } from '../tokens.js';
import { loadUnit } from './load-unit.js';
import { registrationFromReport } from './register-unit/registration-from-report.js';
import { toUnitNewEvents } from './unit-event-envelope.js';

/**
 * The product-unit side of reporting a case, over the unit's stream in the event store (not a read
 * model, so a report sees every repair already recorded, with no projection lag).
 */
@Injectable()
export class EventStoreUnitFacts implements UnitFactsLookup {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CASE_POLICIES) private readonly policies: CasePolicies,
  ) {}

  async forSerial(serialNumber: string): Promise<UnitWarrantyFacts | null> {
    return unitWarrantyFacts((await loadUnit(this.store, serialNumber)).state);
  }

  /**
   * Appends `UnitRegistered` for a reported serial casetrail does not know, before the case itself.
   * The unit's decider decides nothing for a known unit; the event id derives from the request
   * (its Idempotency-Key, else the new case id), so a retried report cannot register twice.
   */
  async registerReported(reported: CaseReported, request: CommandRequest): Promise<void> {
    const { streamId, state, revision } = await loadUnit(this.store, reported.data.product.serialNumber);
    const events = decideUnit(registrationFromReport(reported), state, { warrantyPolicy: this.policies.warranty });
    if (events.length === 0) return;
    const key = request.idempotencyKey ?? reported.data.caseId;
    const commandId = request.idempotencyKey ?? deriveEventId(request.actor.id, key, streamId, -1);
    const envelope = {
      eventId: (index: number) => deriveEventId(request.actor.id, key, streamId, index),
      commandId,
      correlationId: request.correlationId ?? commandId,
      causationId: null,
      actor: request.actor,
    };
    try {
      await this.store.appendToStream(streamId, toUnitNewEvents(events, envelope), { expectedRevision: revision < 0 ? 'no-stream' : revision });
    } catch (error) {
      // Registered meanwhile, by its warranty card or another report: known now, which is all we need.
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
}
