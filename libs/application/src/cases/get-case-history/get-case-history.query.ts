import { Query } from '@nestjs/cqrs';
import type { Actor, CaseState, Instant, SlaClock } from '#casetrail/domain';
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
  /** The SLA clocks as they stood at this event's `occurredAt`, under the case's recorded policy. */
  readonly slaClocks: readonly SlaClock[];
}

/** The most events one history answer holds; `nextRevision` continues from where it stopped. */
export const HISTORY_PAGE_LIMIT = 1000;

export interface CaseHistory {
  readonly caseId: string;
  readonly events: readonly HistoryEntry[];
  /**
   * Where the next page starts (`?fromRevision=`); absent when this answer reaches the end of the
   * list asked for (the stream's end, or the `revision`/`asOf` bound).
   */
  readonly nextRevision?: number;
  /** Present when asked `asOf`: that instant, and the clocks as they stood then (time run on past the last event). */
  readonly asOf?: Instant;
  readonly slaClocks?: readonly SlaClock[];
}

export class GetCaseHistoryQuery extends Query<CaseHistory> {
  constructor(
    readonly caseId: string,
    readonly actor: Actor,
    /** Stop after this revision (inclusive). */
    readonly revision?: number,
    /** Stop at this business instant (events that occurred at or before it). */
    readonly asOf?: Instant,
    /** Start the page at this revision; state and clocks still count every event before it. */
    readonly fromRevision?: number,
  ) {
    super();
  }
}
