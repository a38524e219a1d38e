import { foldUnit, unitStreamId, type UnitEvent, type UnitState } from '#casetrail/domain';
import { productUnitEventSerializer, type EventStore } from '#casetrail/event-store';

export interface LoadedUnit {
  readonly streamId: string;
  readonly state: UnitState;
  /** Revision of the last event, -1 when the unit is not registered. */
  readonly revision: number;
  readonly events: readonly UnitEvent[];
}

/** Reads a product unit's stream and folds it. */
export async function loadUnit(store: EventStore, serialNumber: string): Promise<LoadedUnit> {
  const streamId = unitStreamId(serialNumber);
  const recorded = await store.readStream(streamId);
  const events = recorded.map((r) => productUnitEventSerializer.deserialize(r));
  return { streamId, state: foldUnit(events), revision: recorded.at(-1)?.revision ?? -1, events };
}
