import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { caseStreamId, type CaseEvent } from '#casetrail/domain';
import { caseEventSerializer, SqliteEventStore, type RecordedEvent } from '#casetrail/event-store';
import { applyBatch } from '../../runtime/apply-batch.js';
import { checkpointMigrations } from '../../runtime/checkpoints.js';
import type { Projection } from '../../runtime/projection.js';
import { migrateReadModels } from '../../store/migrations.js';
import { openReadModelDb, type ReadModelDb } from '../../store/read-model-database.js';

/**
 * Set to a PostgreSQL server URL (a role that may create databases) to run these tests against
 * PostgreSQL instead of SQLite: each world then gets a database of its own, dropped at the end.
 */
const POSTGRES_URL = process.env['CASETRAIL_TEST_POSTGRES_URL'];

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

async function openTestDb(dir: string): Promise<{ db: ReadModelDb; drop(): Promise<void> }> {
  if (!POSTGRES_URL) return { db: openReadModelDb({ kind: 'sqlite', file: join(dir, 'read-models.sqlite') }), drop: async () => {} };
  const name = `casetrail_test_${randomUUID().replace(/-/g, '')}`;
  const admin = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { db: openReadModelDb({ kind: 'postgres', url: url.toString() }), drop: () => admin(`DROP DATABASE ${name}`) };
}

export async function analyticsWorld(projection: Projection): Promise<AnalyticsWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'casetrail-analytics-'));
  let now = Date.parse('2026-06-01T00:00:00.000Z');
  const store = SqliteEventStore.open(join(dir, 'events.sqlite'), { clock: { now: () => (now += 1000) } });
  const { db, drop } = await openTestDb(dir);
  await migrateReadModels(db, { ...checkpointMigrations, ...projection.migrations });
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
      await db.destroy();
      await drop();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
