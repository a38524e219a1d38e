import { caseEventSerializer, type RecordedEvent } from '#casetrail/event-store';
import type { ProjectedEvent } from './projection.js';

const CASE_STREAM = 'ServiceCase-';

/** Live subscribers share the store's recorded events: each is upcast once, not once per projection. */
const projected = new WeakMap<RecordedEvent, ProjectedEvent>();

/** Upcasts case events once; an event that cannot be read throws, so the projection stops loudly. */
export const toProjected = (recorded: RecordedEvent): ProjectedEvent => {
  let event = projected.get(recorded);
  if (event === undefined) {
    event = { recorded, caseEvent: recorded.streamId.startsWith(CASE_STREAM) ? caseEventSerializer.deserialize(recorded) : null };
    projected.set(recorded, event);
  }
  return event;
};
