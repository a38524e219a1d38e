import { Query } from '@nestjs/cqrs';
import type { Actor, CaseState, Instant } from '#casetrail/domain';
import type { Position, StoredMetadata } from '#casetrail/event-store';

/** One step of a case's history: the event as stored and the case as it stood right after it. */
export interface HistoryEntry {
  readonly revision: number;
  readonly position: Position;
  readonly type: string;
  /** The stored, versioned type (`CaseReported.v2`); `data` is shown upcast to the newest shape. */
  readonly storedType: string;
  readonly occurredAt: Instant;
  readonly recordedAt: Instant;
  readonly actor: StoredMetadata['actor'];
  readonly commandId: string;
  readonly correlationId: string;
  readonly data: unknown;
  readonly hash: string;
  readonly prevHash: string | null;
  readonly state: CaseState;
}

export interface CaseHistory {
  readonly caseId: string;
  readonly events: readonly HistoryEntry[];
}

export class GetCaseHistoryQuery extends Query<CaseHistory> {
  constructor(
    readonly caseId: string,
    readonly actor: Actor,
    /** Stop after this revision (inclusive). */
    readonly revision?: number,
    /** Stop at this business instant (events that occurred at or before it). */
    readonly asOf?: Instant,
  ) {
    super();
  }
}
