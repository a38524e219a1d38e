import { randomUUID } from 'node:crypto';
import { caseStreamId } from '#casetrail/domain';
import { caseEventSerializer, type EventStore, type NewEvent } from '#casetrail/event-store';
import type { GeneratedCase } from './case-generator.js';

/** The metadata the command handler would have written (DESIGN §2), for a generated event. */
export function toNewEvents(generated: GeneratedCase): NewEvent[] {
  return generated.events.map(({ event, actor }) => {
    const { type, data } = caseEventSerializer.serialize(event);
    const id = randomUUID();
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
