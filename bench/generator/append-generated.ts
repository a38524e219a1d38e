import { caseStreamId } from '#casetrail/domain';
import { caseEventSerializer, uuidV7, type EventStore, type NewEvent } from '#casetrail/event-store';
import type { GeneratedCase } from './case-generator.js';

/**
 * The metadata the command handler would have written (DESIGN §2), for a generated event: ids from
 * the same time-ordered generator the service uses for commands without an idempotency key.
 */
export function toNewEvents(generated: GeneratedCase, nextId: () => string = uuidV7): NewEvent[] {
  return generated.events.map(({ event, actor }) => {
    const { type, data } = caseEventSerializer.serialize(event);
    const id = nextId();
    return {
      type,
      data,
      metadata: {
        eventId: id,
        commandId: id,
        correlationId: id,
        causationId: null,
        actor,
        occurredAt: event.occurredAt,
        ...(event.type === 'CaseReported' ? { slaPolicy: event.data.slaPolicy } : {}),
      },
    };
  });
}

/** Appends a generated case as one stream, in one append (as a bulk import would). */
export async function appendGenerated(store: EventStore, generated: GeneratedCase): Promise<void> {
  await store.appendToStream(caseStreamId(generated.caseId), toNewEvents(generated), { expectedRevision: 'no-stream' });
}
