import { caseStreamId, foldCase, type CaseEvent, type CaseState } from '#casetrail/domain';
import { caseEventSerializer, type EventStore, type RecordedEvent } from '#casetrail/event-store';

export interface LoadedCase {
  readonly state: CaseState;
  /** Revision of the last event, -1 when the case does not exist. */
  readonly revision: number;
  readonly recorded: readonly RecordedEvent[];
  readonly events: readonly CaseEvent[];
}

/** Reads a case's stream and folds it: the "read and fold" of read → fold → decide → append. */
export async function loadCase(store: EventStore, caseId: string): Promise<LoadedCase> {
  const recorded = await store.readStream(caseStreamId(caseId));
  const events = recorded.map((r) => caseEventSerializer.deserialize(r));
  const last = recorded.at(-1);
  return { state: foldCase(events), revision: last ? last.revision : -1, recorded, events };
}
