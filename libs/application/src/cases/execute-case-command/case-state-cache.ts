import type { CaseState } from '#casetrail/domain';
import { LruMap } from '#casetrail/read-models';

export interface CachedCase {
  readonly state: CaseState;
  readonly revision: number;
}

/**
 * The folded state of the cases commanded last, least recently used dropped first. It saves the
 * read-and-fold of a case's stream on each command; it is never trusted for an answer: a stale
 * entry (another process appended) fails the append's expected revision, and every refusal is
 * decided again on the stream as stored.
 */
export class CaseStateCache extends LruMap<string, CachedCase> {
  constructor(capacity = 1_000) {
    super(capacity);
  }
}
