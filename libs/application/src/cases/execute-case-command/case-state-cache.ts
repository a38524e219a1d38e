import type { CaseState } from '#casetrail/domain';

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
export class CaseStateCache {
  private readonly entries = new Map<string, CachedCase>();

  constructor(private readonly capacity = 1_000) {}

  get(caseId: string): CachedCase | undefined {
    const entry = this.entries.get(caseId);
    if (entry) {
      this.entries.delete(caseId);
      this.entries.set(caseId, entry);
    }
    return entry;
  }

  set(caseId: string, entry: CachedCase): void {
    this.entries.delete(caseId);
    this.entries.set(caseId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(caseId: string): void {
    this.entries.delete(caseId);
  }
}
