import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseStreamId, type CaseEvent } from '#casetrail/domain';
import { caseEventSerializer, SqliteEventStore, type RecordedEvent } from '#casetrail/event-store';
import { applyBatch } from '../../runtime/apply-batch.js';
import { checkpointMigrations } from '../../runtime/checkpoints.js';
import type { Projection } from '../../runtime/projection.js';
import type { ReadModelDb } from '../../store/read-model-database.js';
import { testReadModelDb } from '../../testing/test-read-model-db.js';

/** A temp event store and read-model database for one projection; `dispose` removes both. */
export interface AnalyticsWorld {
  readonly store: SqliteEventStore;
  readonly db: ReadModelDb;
  /** Appends each event to its case's stream, in the order given. */
  record(events: readonly CaseEvent[]): Promise<void>;
  all(): Promise<readonly RecordedEvent[]>;
  /** Projects everything recorded so far in batches of `size`, as the live runner would. */
  project(size: number): Promise<void>;
  dispose(): Promise<void>;
}

export async function analyticsWorld(projection: Projection): Promise<AnalyticsWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'casetrail-analytics-'));
  let now = Date.parse('2026-06-01T00:00:00.000Z');
  const store = SqliteEventStore.open(join(dir, 'events.sqlite'), { clock: { now: () => (now += 1000) } });
  // SQLite, or PostgreSQL when the suite runs in the `postgres` Jest project.
  const { db, dispose: drop } = await testReadModelDb({ ...checkpointMigrations, ...projection.migrations });
  const revisions = new Map<string, number>();
  const all = () => store.readAll();
  return {
    store,
    db,
    all,
    record: async (events) => {
      for (const event of events) {
        const streamId = caseStreamId(event.data.caseId);
        const commandId = randomUUID();
        const actor = { id: 'agent-1', role: 'agent' as const };
        const metadata = { eventId: randomUUID(), commandId, correlationId: commandId, causationId: null, actor, occurredAt: event.occurredAt };
        const result = await store.appendToStream(streamId, [{ ...caseEventSerializer.serialize(event), metadata }], {
          expectedRevision: revisions.get(streamId) ?? 'no-stream',
        });
        revisions.set(streamId, result.revision);
      }
    },
    project: async (size) => {
      const events = await all();
      for (let i = 0; i < events.length; i += size) await applyBatch(db, projection, events.slice(i, i + size));
    },
    dispose: async () => {
      await drop();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
