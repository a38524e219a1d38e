import type { Actor, UnitEvent } from '#casetrail/domain';
import { productUnitEventSerializer, type NewEvent } from '#casetrail/event-store';

/** The metadata a product-unit append carries (DESIGN §2); `eventId` per index so retries can derive the same ids. */
export interface UnitEnvelope {
  readonly eventId: (index: number) => string;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
}

export function toUnitNewEvents(events: readonly UnitEvent[], envelope: UnitEnvelope): NewEvent[] {
  return events.map((event, index) => {
    const { type, data } = productUnitEventSerializer.serialize(event);
    return {
      type,
      data,
      metadata: {
        eventId: envelope.eventId(index),
        commandId: envelope.commandId,
        correlationId: envelope.correlationId,
        causationId: envelope.causationId,
        actor: envelope.actor,
        occurredAt: event.occurredAt,
      },
    };
  });
}
