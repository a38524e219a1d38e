import type { Actor, Instant } from '#casetrail/domain';

/**
 * The event store port (DESIGN §8). Adapters: SQLite (embedded default) and EventStoreDB
 * (production). Every adapter passes the contract suite in `contract/`.
 *
 * Revisions count from 0 per stream (the first event is revision 0). Positions are the store's
 * global order: in SQLite a gap-free sequence starting at 1. A checkpoint is the position of
 * the last event a reader has handled; `START` means none yet.
 */
export type Position = number;
export const START: Position = 0;

/** The revision the caller last saw: a number, or `'no-stream'` to create the stream. Never "any". */
export type ExpectedRevision = number | 'no-stream';

/** Metadata the caller supplies; the store adds `recordedAt`, `prevHash` and the hash. */
export interface EventMetadataInput {
  readonly eventId: string;
  /** The command that produced the event: the client's idempotency key when it gave one. */
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  readonly occurredAt: Instant;
  /** Set on `CaseReported` only: the SLA policy version in force for the case. */
  readonly slaPolicy?: string;
}

export interface StoredMetadata extends EventMetadataInput {
  readonly recordedAt: Instant;
  /** Hash of the previous event in the same stream; `null` for revision 0. */
  readonly prevHash: string | null;
}

export interface NewEvent {
  /** The stored, versioned type string, e.g. `CaseReported.v2`. */
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: EventMetadataInput;
}

/** An event as stored: raw type and data, no upcasting (the serializer does that above the port). */
export interface RecordedEvent {
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: StoredMetadata;
  /** SHA-256 (hex) over `metadata.prevHash` and the canonical JSON of type, data and metadata (DESIGN §6). */
  readonly hash: string;
}

/**
 * Recorded in the same transaction as the events it answered, so a retried request finds the
 * first answer or nothing at all, never half of it.
 */
export interface IdempotencyRecord {
  /** Already scoped by the caller (actor id + client key). */
  readonly key: string;
  /** Hash of the request (route + body) the key was first used with. */
  readonly fingerprint: string;
  /** The first answer, replayed as it was. */
  readonly response: unknown;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
  readonly idempotency?: IdempotencyRecord;
}

export interface AppendResult {
  /** Revision of the last event appended: the stream's new expected revision. */
  readonly revision: number;
  /** Global position of the last event appended. */
  readonly position: Position;
}

export interface StoredJsonOption {
  /**
   * Keep each event's stored JSON text beside it (`STORED_JSON`) where the adapter has it, for hash
   * verification to hash instead of serialising the event again. Off unless asked (it may be there
   * anyway on events an adapter already holds): a reader that only uses the parsed events would
   * keep the text alive with them. A whole-file rebuild spent ~8 % more CPU, most of it collecting
   * that text, and the server ~4 % more per command.
   */
  readonly storedJson?: boolean;
}

export interface ReadStreamOptions extends StoredJsonOption {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive. Forwards defaults to 0, backwards to the stream's end. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions extends StoredJsonOption {
  /** Exclusive: events strictly after this position. Defaults to `START`. */
  readonly after?: Position;
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  readonly after?: Position;
  /** Largest batch handed to the consumer at once. */
  readonly maxBatchSize?: number;
}

/**
 * A catch-up subscription to all events: first the history after the checkpoint, then live
 * events as they are appended, in batches, in global order. Woken by appends; never polls.
 */
export interface EventSubscription extends AsyncIterable<readonly RecordedEvent[]> {
  close(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends atomically, or not at all. Throws `WrongExpectedRevisionError` when the stream is not
   * at `expectedRevision`, `IdempotencyKeyTakenError` when the key is already recorded, and
   * `StoreUnavailableError` when the store cannot be reached (nothing written).
   */
  appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** A missing stream reads as no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<readonly RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): EventSubscription;
  findIdempotencyRecord(key: string): Promise<IdempotencyRecord | null>;
  /** Position of the newest event, `START` when empty. */
  headPosition(): Promise<Position>;
  close(): Promise<void>;
}
