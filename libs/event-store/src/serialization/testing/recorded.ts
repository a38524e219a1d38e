import type { RecordedEvent } from '../../event-store.port.js';

/** A stored event as a reader would get it, without going through a store. */
export function recorded(type: string, data: Record<string, unknown>, occurredAt = '2026-03-02T09:30:00.000Z'): RecordedEvent {
  return {
    streamId: 'ServiceCase-case-0001',
    revision: 4,
    position: 17,
    type,
    data,
    metadata: {
      eventId: 'evt-1',
      commandId: 'cmd-1',
      correlationId: 'cmd-1',
      causationId: null,
      actor: { id: 'agent-7', role: 'agent' },
      occurredAt,
      recordedAt: '2026-03-02T09:30:01.000Z',
      prevHash: null,
    },
    hash: 'not checked here',
  };
}
