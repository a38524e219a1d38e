import { caseEventSerializer, type RecordedEvent } from '#casetrail/event-store';
import type { ProjectedEvent } from './projection.js';

const CASE_STREAM = 'ServiceCase-';

/** Upcasts case events once; an event that cannot be read throws, so the projection stops loudly. */
export const toProjected = (recorded: RecordedEvent): ProjectedEvent => ({
  recorded,
  caseEvent: recorded.streamId.startsWith(CASE_STREAM) ? caseEventSerializer.deserialize(recorded) : null,
});
