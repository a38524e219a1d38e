import { caseStreamId, foldCase, type CaseEvent, type CaseState } from '#casetrail/domain';
import { caseEventSerializer, type EventStore, type RecordedEvent } from '#casetrail/event-store';
import { withholdPersonalData } from '../privacy/show-personal-data.js';

export interface LoadedCase {
  readonly state: CaseState;
  /** Revision of the last event, -1 when the case does not exist. */
  readonly revision: number;
  /** As stored: personal fields sealed (see `privacy/`). */
  readonly recorded: readonly RecordedEvent[];
  readonly events: readonly CaseEvent[];
}

/**
 * Reads a case's stream and folds it: the "read and fold" of read → fold → decide → append.
 * Personal fields read as `[redacted]` — deciding never needs them; a query that shows them to
 * its reader opens them with `PersonalDataReader` once the read is authorised.
 */
export async function loadCase(store: EventStore, caseId: string): Promise<LoadedCase> {
  const recorded = await store.readStream(caseStreamId(caseId));
  const events = recorded.map((r) => withholdPersonalData(caseEventSerializer.deserialize(r)));
  const last = recorded.at(-1);
  return { state: foldCase(events), revision: last ? last.revision : -1, recorded, events };
}
