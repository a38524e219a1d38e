import type { RecordedEvent } from '../event-store.port.js';
import { computeRecordedHash } from './event-hash.js';

export type ChainProblem = 'revision-gap' | 'broken-link' | 'hash-mismatch' | 'foreign-event';

export interface ChainVerification {
  readonly valid: boolean;
  /** Events examined. */
  readonly events: number;
  /** Hash of the last event that verified; `null` when none did. */
  readonly headHash: string | null;
  /** The first revision that is missing, out of place or does not match its hash. */
  readonly firstInvalidRevision?: number;
  readonly problem?: ChainProblem;
  readonly reason?: string;
}

/**
 * Checks one stream's hash chain an event at a time, so a stream can be verified from a list
 * (`verifyStream`) or while paging through the whole store (`verifyAllStreams`) without holding
 * it in memory. After the first problem it only counts: every later link depends on the broken one.
 */
export class ChainVerifier {
  private nextRevision = 0;
  private headHash: string | null = null;
  private events = 0;
  private failure: Pick<ChainVerification, 'firstInvalidRevision' | 'problem' | 'reason'> | null = null;

  constructor(readonly streamId: string) {}

  push(event: RecordedEvent): void {
    this.events += 1;
    if (this.failure) return;
    const expected = this.nextRevision;
    if (event.streamId !== this.streamId) {
      return this.fail(expected, 'foreign-event', `event at position ${event.position} belongs to ${event.streamId}`);
    }
    if (event.revision !== expected) {
      const what = event.revision > expected ? 'missing' : 'out of order';
      return this.fail(expected, 'revision-gap', `revision ${expected} is ${what}: found revision ${event.revision}`);
    }
    if (event.metadata.prevHash !== this.headHash) {
      return this.fail(expected, 'broken-link', `prevHash does not match the hash of revision ${expected - 1}`);
    }
    if (computeRecordedHash(event) !== event.hash) {
      return this.fail(expected, 'hash-mismatch', `stored hash does not match the event's content`);
    }
    this.headHash = event.hash;
    this.nextRevision += 1;
  }

  result(): ChainVerification {
    const base = { valid: this.failure === null, events: this.events, headHash: this.headHash };
    return this.failure ? { ...base, ...this.failure } : base;
  }

  private fail(revision: number, problem: ChainProblem, reason: string): void {
    this.failure = { firstInvalidRevision: revision, problem, reason: `${this.streamId}: ${reason}` };
  }
}

/** Verifies a whole stream, read forwards from revision 0. An empty list is a valid (absent) stream. */
export function verifyStream(records: readonly RecordedEvent[]): ChainVerification {
  const verifier = new ChainVerifier(records[0]?.streamId ?? '');
  for (const record of records) verifier.push(record);
  return verifier.result();
}
