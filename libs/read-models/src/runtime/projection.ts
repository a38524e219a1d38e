import type { Transaction } from 'kysely';
import type { CaseEvent } from '#casetrail/domain';
import type { RecordedEvent } from '#casetrail/event-store';
import type { Migrations } from '../store/migrations.js';

/** An event as projections see it: as stored (metadata, position, hash) and, for case streams, upcast. */
export interface ProjectedEvent {
  readonly recorded: RecordedEvent;
  readonly caseEvent: CaseEvent | null;
}

export interface ProjectionTable {
  readonly name: string;
  /** Columns that order rows for the digest (a rebuild must equal the live projection row for row). */
  readonly key: readonly string[];
}

/**
 * A read model's projection (DESIGN §5). `apply` runs inside the transaction that also moves the
 * checkpoint, so a batch is applied exactly once. It must be deterministic — no clock reads — so a
 * rebuild from position 0 equals the live tables.
 */
export interface Projection {
  readonly name: string;
  readonly tables: readonly ProjectionTable[];
  readonly migrations: Migrations;
  apply(trx: Transaction<any>, events: readonly ProjectedEvent[]): Promise<void>;
}
