import { createHash } from 'node:crypto';
import { IdempotencyKeyTakenError } from '../event-store.errors.js';
import type { IdempotencyRecord } from '../event-store.port.js';
import { jsonEvent, NO_STREAM, type EsdbClient } from './esdb-client.js';
import { isWrongExpectedVersion, translateEsdbError } from './esdb-errors.js';
import type { EsdbReads } from './esdb-reads.js';
import type { PreparedEvent } from './esdb-recorded-event.js';
import type { Semaphore } from './esdb-semaphore.js';

const CLAIMED = 'IdempotencyClaimed.v1';
const RELEASED = 'IdempotencyReleased.v1';

/** Outside casetrail's stream prefixes, so no subscription, read-all or `$ce-` projection of cases ever sees it. */
export const idempotencyStreamId = (key: string): string => `CasetrailIdempotency-${createHash('sha256').update(key).digest('hex')}`;

/** The append a claim stands for, complete enough to be written again by whoever finds the claim. */
export interface ClaimedAppend {
  readonly streamId: string;
  /** -1 for a stream that did not exist. */
  readonly expectedRevision: number;
  readonly events: readonly PreparedEvent[];
}

interface ClaimData extends ClaimedAppend {
  readonly key: string;
  readonly fingerprint: string;
  readonly response: unknown;
}

/** Writes the claimed events at exactly their expected revision, or finds them there: false when another append took that revision. */
export type CompleteAppend = (claimed: ClaimedAppend) => Promise<boolean>;

/**
 * Idempotency records without cross-stream transactions. The record is written FIRST, as a claim
 * holding the whole append it answers (events prepared, hashes and all), in the key's own stream
 * with an exact expected revision, so of two racing requests only one holds the key. Then the
 * events are written. Whoever later finds a claim first completes it: writes its events at their
 * recorded revision, which EventStoreDB's event-id idempotence turns into a no-op if they already
 * landed. If that revision has been taken by another append, the claimed append can never land;
 * the claim is released and the key is free, so the retried command is decided afresh. No order
 * of crashes stores a command's events twice: they are only ever written at one revision, with
 * one set of ids.
 *
 * The window that remains: after a crash between claim and events, the events are missing until
 * someone looks the key up (the client's retry does); subscribers see them late, and if the case
 * moves on first, the claimed command is dropped and only the retry decides it again. Events
 * first would instead leave a window where a retry finds no record and, for a command the state
 * still allows (another progress update), stores it a second time under new revisions.
 */
export class EsdbIdempotency {
  constructor(
    private readonly client: EsdbClient,
    private readonly gate: Semaphore,
    private readonly reads: EsdbReads,
    private readonly complete: CompleteAppend,
  ) {}

  /** Returns the claim's revision, needed to release it; `IdempotencyKeyTakenError` when the key is held. */
  async claim(record: IdempotencyRecord, append: ClaimedAppend): Promise<bigint> {
    const streamId = idempotencyStreamId(record.key);
    const [last] = await this.reads.raw(streamId, { direction: 'backwards', maxCount: 1 });
    if (last?.event?.type === CLAIMED) throw new IdempotencyKeyTakenError(record.key);
    const data: ClaimData = { ...append, key: record.key, fingerprint: record.fingerprint, response: record.response ?? null };
    try {
      const result = await this.gate.run(() =>
        this.client.appendToStream(streamId, jsonEvent({ type: CLAIMED, data: data as unknown as Record<string, unknown> }), {
          expectedRevision: last?.event ? last.event.revision : NO_STREAM,
        }),
      );
      return result.nextExpectedRevision;
    } catch (error) {
      if (isWrongExpectedVersion(error)) throw new IdempotencyKeyTakenError(record.key);
      throw translateEsdbError(error);
    }
  }

  /** Frees a key whose append was refused. Losing the race to another release is fine: the key is free either way. */
  async release(key: string, claimRevision: bigint): Promise<void> {
    try {
      await this.gate.run(() =>
        this.client.appendToStream(idempotencyStreamId(key), jsonEvent({ type: RELEASED, data: {} }), { expectedRevision: claimRevision }),
      );
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw translateEsdbError(error);
    }
  }

  async find(key: string): Promise<IdempotencyRecord | null> {
    const [last] = await this.reads.raw(idempotencyStreamId(key), { direction: 'backwards', maxCount: 1 });
    if (!last?.event || last.event.type !== CLAIMED) return null;
    const claim = last.event.data as unknown as ClaimData;
    if (await this.complete(claim)) return { key: claim.key, fingerprint: claim.fingerprint, response: claim.response };
    await this.release(key, last.event.revision);
    return null;
  }
}
