import { randomUUID } from 'node:crypto';
import type { Kysely, Migration } from 'kysely';

/**
 * Exactly one process advances a projection (DESIGN §8: one active projector per projection).
 * A lease row in the read-model database names the owner until `expires_at`; the owner renews
 * it, a standby takes it over only once it has expired. The same SQL runs on SQLite and
 * PostgreSQL. Every batch also checks the lease inside its transaction (a fence), so an owner
 * that stalled past its lease cannot write after a standby took over.
 */
export const leaseMigrations: Record<string, Migration> = {
  'projections/0002_leases': {
    up: async (db) => {
      await db.schema
        .createTable('projection_leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};

export class LeaseLostError extends Error {
  constructor(readonly projection: string) {
    super(`Projection ${projection}: another projector holds the lease`);
  }
}

export class ProjectionLease {
  readonly owner = `${process.pid}-${randomUUID()}`;

  constructor(
    private readonly db: Kysely<any>,
    readonly name: string,
    private readonly ttlMs = 15_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes or renews the lease; false while another owner's lease is still valid. */
  async tryAcquire(): Promise<boolean> {
    const now = this.now();
    const expires_at = now + this.ttlMs;
    await this.db
      .insertInto('projection_leases')
      .values({ name: this.name, owner: this.owner, expires_at })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const taken = await this.db
      .updateTable('projection_leases')
      .set({ owner: this.owner, expires_at })
      .where('name', '=', this.name)
      .where((eb) => eb.or([eb('owner', '=', this.owner), eb('expires_at', '<', now)]))
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) === 1;
  }

  /** Inside a batch's transaction: throws unless this process still holds a valid lease. */
  async fence(trx: Kysely<any>): Promise<void> {
    const row = await trx.selectFrom('projection_leases').select(['owner', 'expires_at']).where('name', '=', this.name).executeTakeFirst();
    if (!row || row.owner !== this.owner || Number(row.expires_at) < this.now()) throw new LeaseLostError(this.name);
  }

  async release(): Promise<void> {
    await this.db.deleteFrom('projection_leases').where('name', '=', this.name).where('owner', '=', this.owner).execute();
  }

  get renewEveryMs(): number {
    return Math.floor(this.ttlMs / 3);
  }
}
