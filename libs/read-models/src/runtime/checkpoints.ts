import type { Kysely, Migration } from 'kysely';
import { START, type Position } from '#casetrail/event-store';

/** One row per projection: where it stands and, when it stopped on an event, which and why. */
export interface CheckpointRow {
  name: string;
  position: number;
  status: 'running' | 'failed';
  failed_position: number | null;
  error: string | null;
  updated_at: string;
}

export const checkpointMigrations: Record<string, Migration> = {
  'projections/0001_checkpoints': {
    up: async (db) => {
      await db.schema
        .createTable('projection_checkpoints')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('position', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('failed_position', 'bigint')
        .addColumn('error', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

export async function readCheckpoint(db: Kysely<any>, name: string): Promise<CheckpointRow | undefined> {
  const row = (await db.selectFrom('projection_checkpoints').selectAll().where('name', '=', name).executeTakeFirst()) as CheckpointRow | undefined;
  // PostgreSQL hands bigint back as a string.
  return row && { ...row, position: Number(row.position), failed_position: row.failed_position === null ? null : Number(row.failed_position) };
}

export async function writeCheckpoint(db: Kysely<any>, name: string, position: Position): Promise<void> {
  const row = { name, position, status: 'running', failed_position: null, error: null, updated_at: new Date().toISOString() };
  await db
    .insertInto('projection_checkpoints')
    .values(row)
    .onConflict((oc) => oc.column('name').doUpdateSet({ ...row }))
    .execute();
}

/**
 * Marks a projection failed at `failure.position` without touching its position: the events
 * before the culprit are committed with their own checkpoint, which must stay as it is.
 */
export async function recordFailure(db: Kysely<any>, name: string, failure: { position: Position; error: string }): Promise<void> {
  const status = { status: 'failed', failed_position: failure.position, error: failure.error, updated_at: new Date().toISOString() };
  await db
    .insertInto('projection_checkpoints')
    .values({ name, position: START, ...status })
    .onConflict((oc) => oc.column('name').doUpdateSet(status))
    .execute();
}

export const startOf = (row: CheckpointRow | undefined): Position => row?.position ?? START;
