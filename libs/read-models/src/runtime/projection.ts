import type { Kysely, Transaction } from 'kysely';
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
 * How a projection may rebuild from position 0 into tables nothing reads until the rebuild ends
 * (a new read-model file): `apply` may leave out rows that are a pure function of what it keeps,
 * and `finish` writes them once after the last batch. Batch by batch those rows would be written
 * again each time a later batch touches the same key, and only the last write survives.
 */
export interface BulkRebuild {
  apply(trx: Transaction<any>, events: readonly ProjectedEvent[]): Promise<void>;
  finish(db: Kysely<any>): Promise<void>;
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
  readonly bulkRebuild?: BulkRebuild;
}
