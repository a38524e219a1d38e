import { caseStreamId } from '#casetrail/domain';
import type { EventStore } from '#casetrail/event-store';
import type { SlaPolicyRegistry } from '#casetrail/policies';
import { LruMap } from '#casetrail/read-models';
import { foldOn, type FoldedCase } from './folded-case.js';

/**
 * The cases read last, folded (least recently used dropped first). Events are immutable and a
 * stream only grows, so an entry is never stale, only behind: each read folds in what was
 * appended since it, read from the store. Nothing personal is opened here; keys are looked up by
 * each read, so an erasure shows at once.
 */
export class FoldedCases {
  private readonly cache = new LruMap<string, FoldedCase>(512);

  constructor(
    private readonly store: EventStore,
    private readonly policies: SlaPolicyRegistry,
  ) {}

  /** The case as stored now; null when it has no events. */
  async load(caseId: string): Promise<FoldedCase | null> {
    const cached = this.cache.get(caseId) ?? null;
    const next = await this.store.readStream(caseStreamId(caseId), { fromRevision: cached ? cached.revision + 1 : 0 });
    if (next.length === 0) return cached;
    const folded = foldOn(cached, next, this.policies);
    // Another read of the same case may have got further meanwhile: keep the furthest.
    if ((this.cache.get(caseId)?.revision ?? -1) < folded.revision) this.cache.set(caseId, folded);
    return folded;
  }
}
