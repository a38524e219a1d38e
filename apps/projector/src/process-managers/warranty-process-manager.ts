import { WarrantyProcess } from '#casetrail/application';
import type { WarrantyPolicy } from '#casetrail/domain';
import type { EventStore } from '#casetrail/event-store';
import type { Projection } from '#casetrail/read-models';

export const WARRANTY_PROCESS_MANAGER = 'warranty-process-manager';

/**
 * The warranty process manager (DESIGN §4), hosted like a projection so it gets what every projection
 * has: the event store's subscription from its own checkpoint (never the in-memory event bus), a lease
 * so one projector runs it, failure recording and health. Its "rows" are appends to product-unit
 * streams, made in `apply` before the checkpoint commits. A crash between an append and the checkpoint
 * makes it handle those events again, which appends nothing: the unit's decider already holds the
 * repair or grant, and the event ids derive from the causing event. It keeps no tables, so a rebuild
 * replays it as a no-op; it is not in `ALL_PROJECTIONS` (the read-model registry) for that reason.
 */
export function warrantyProcessManager(store: EventStore, policy: WarrantyPolicy): Projection {
  const process = new WarrantyProcess(store, policy);
  return {
    name: WARRANTY_PROCESS_MANAGER,
    tables: [],
    migrations: {},
    async apply(_trx, events) {
      // One at a time, in store order: a repair must be recorded before a later report reads the unit.
      for (const { recorded } of events) await process.handle(recorded);
    },
  };
}
