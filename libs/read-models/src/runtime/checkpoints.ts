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

export async function writeCheckpoint(
  db: Kysely<any>,
  name: string,
  position: Position,
  failure: { position: Position; error: string } | null = null,
): Promise<void> {
  const row = {
    name,
    position,
    status: failure ? 'failed' : 'running',
    failed_position: failure?.position ?? null,
    error: failure?.error ?? null,
    updated_at: new Date().toISOString(),
  };
  await db
    .insertInto('projection_checkpoints')
    .values(row)
    .onConflict((oc) => oc.column('name').doUpdateSet({ ...row }))
    .execute();
}

export const startOf = (row: CheckpointRow | undefined): Position => row?.position ?? START;
