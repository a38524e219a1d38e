import type { Instant } from '#casetrail/domain';
import type { RecordedEvent } from '../event-store.port.js';
import { UnknownEventTypeError } from './unknown-event-type.error.js';
import { UpcasterRegistry, type TypedData } from './upcaster-registry.js';

/** The shape of every domain event: a name, primitive data, and business time. */
export interface DomainEvent {
  readonly type: string;
  readonly data: object;
  readonly occurredAt: Instant;
}

/** For each event name, the stored type string of its newest shape (`'CaseReported.v2'`). */
export type StoredTypes<E extends DomainEvent> = { readonly [K in E['type']]: string };

/**
 * Maps domain events to stored `{ type, data }` and back through a registry of explicit type
 * strings, never class names (which break on rename or minification). `occurredAt` travels in
 * the metadata, which the caller writes.
 */
export class EventSerializer<E extends DomainEvent> {
  private readonly names = new Map<string, E['type']>();

  constructor(
    private readonly types: StoredTypes<E>,
    private readonly upcasters: UpcasterRegistry = new UpcasterRegistry(),
  ) {
    for (const name of Object.keys(types) as E['type'][]) {
      const stored = types[name];
      const taken = this.names.get(stored);
      if (taken) throw new Error(`${name} and ${taken} are both registered as ${stored}`);
      this.names.set(stored, name);
    }
  }

  serialize(event: E): TypedData {
    const type = this.types[event.type as E['type']];
    if (!type) throw new Error(`No stored type is registered for event ${event.type}`);
    return { type, data: event.data as Readonly<Record<string, unknown>> };
  }

  deserialize(recorded: RecordedEvent): E {
    const { type, data } = this.upcasters.upcast({ type: recorded.type, data: recorded.data });
    const name = this.names.get(type);
    if (!name) throw new UnknownEventTypeError(recorded.type, recorded.streamId, recorded.revision, recorded.position);
    return { type: name, data, occurredAt: recorded.metadata.occurredAt } as unknown as E;
  }
}
