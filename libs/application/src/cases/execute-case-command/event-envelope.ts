import { createHash } from 'node:crypto';
import type { CaseEvent, IdGenerator } from '#casetrail/domain';
import { caseEventSerializer, type NewEvent } from '#casetrail/event-store';
import type { CommandRequest } from './execute-case-command.js';

/**
 * A UUID-shaped id derived from the actor, the client's idempotency key, the stream and the
 * event's index: a retried append carries the same ids, so the store can never keep it twice.
 */
export function deriveEventId(scope: string, key: string, streamId: string, index: number): string {
  const hex = createHash('sha256').update(`${scope}\u0000${key}\u0000${streamId}\u0000${index}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Serializes domain events and wraps them with the metadata of DESIGN §2. */
export function toNewEvents(events: readonly CaseEvent[], streamId: string, request: CommandRequest, ids: IdGenerator): NewEvent[] {
  const key = request.idempotencyKey;
  const commandId = key ?? ids.next();
  return events.map((event, index) => {
    const { type, data } = caseEventSerializer.serialize(event);
    return {
      type,
      data,
      metadata: {
        eventId: key ? deriveEventId(request.actor.id, key, streamId, index) : ids.next(),
        commandId,
        correlationId: request.correlationId ?? commandId,
        causationId: null,
        actor: request.actor,
        occurredAt: event.occurredAt,
        ...(event.type === 'CaseReported' ? { slaPolicy: event.data.slaPolicy } : {}),
      },
    };
  });
}
