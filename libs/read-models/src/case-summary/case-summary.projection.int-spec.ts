import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { applyBatch } from '../runtime/apply-batch.js';
import { rebuildProjection } from '../runtime/rebuild.js';
import { digestProjection } from '../runtime/table-digest.js';
import type { RecordedEvent } from '#casetrail/event-store';
import { caseSummaryProjection } from './case-summary.projection.js';
import { CASE_SUMMARY_TABLE, type CaseSummaryRow } from './case-summary.tables.js';
import { recordScriptedCases, scriptedWorld, type ScriptedWorld } from './testing/scripted-store.fixture.js';

const T = (day: number, hour: number): string => new Date(Date.UTC(2026, 2, day, hour)).toISOString();

async function applyInBatches(world: ScriptedWorld, size: number): Promise<void> {
  const events = await world.all();
  for (let i = 0; i < events.length; i += size) await applyBatch(world.db, caseSummaryProjection, events.slice(i, i + size));
}

/** PostgreSQL hands bigint back as a string. */
async function rowOf(world: ScriptedWorld, caseId: string): Promise<CaseSummaryRow> {
  const row = (await world.db.selectFrom(CASE_SUMMARY_TABLE).selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow()) as CaseSummaryRow;
  return { ...row, position: Number(row.position) };
}

describe('the case-summary projection', () => {
  let world: ScriptedWorld;
  let events: readonly RecordedEvent[];
  beforeEach(async () => {
    world = await scriptedWorld([caseSummaryProjection]);
    await recordScriptedCases(world);
    events = await world.all();
  });
  afterEach(() => world.dispose());

  describe('after the scripted cases, applied in batches of 7', () => {
    beforeEach(() => applyInBatches(world, 7));

    it('keeps one row per case and none for the product-unit stream', async () => {
      const ids = (await world.db.selectFrom(CASE_SUMMARY_TABLE).select('case_id').orderBy('case_id').execute()).map((r) => r.case_id);
      expect(ids).toEqual(['cancelled', 'full', 'held', 'remote']);
    });

    it('follows a full lifecycle with hold, loaner, rejection, rework and complaints to the survey', async () => {
      const last = events.filter((e) => e.streamId === 'ServiceCase-full').at(-1)!;
      expect(await rowOf(world, 'full')).toEqual({
        case_id: 'full', status: 'surveyed', priority: 'general', region: 'urban', customer_id: 'cust-full',
        product_model: 'KFR-35GW', serial_number: 'SN-full', fault_category: 'hardware', channel: 'hotline',
        technician_id: 'tech-1', complexity: 'complex', rework_count: 1, on_hold: 0, hold_reason: null,
        // cmp-1 resolved, reopened, resolved again; cmp-2 still open.
        open_complaints: 1, complaints_total: 2, warranty_status: 'in', coverage: 'chargeable', loaner_out: 0,
        reported_at: T(2, 1), contacted_at: T(2, 3), dispatched_at: T(3, 6), arrived_at: T(2, 7), repaired_at: T(4, 3),
        accepted_at: T(4, 10), surveyed_at: T(6, 1), cancelled_at: null, last_event_at: T(6, 1),
        revision: last.revision, position: last.position,
      });
    });

    it('closes the hold of a cancelled case and stamps the cancellation', async () => {
      expect(await rowOf(world, 'cancelled')).toMatchObject({
        status: 'cancelled', priority: 'urgent', region: 'suburban', product_model: 'XQG-80', technician_id: null,
        on_hold: 0, hold_reason: null, contacted_at: T(2, 6), dispatched_at: null, cancelled_at: T(3, 4), last_event_at: T(3, 4), revision: 3,
      });
    });

    it('records a remote repair with no technician, dispatch or arrival', async () => {
      expect(await rowOf(world, 'remote')).toMatchObject({
        status: 'accepted', region: 'remote', warranty_status: 'out', technician_id: null, coverage: 'chargeable',
        dispatched_at: null, arrived_at: null, repaired_at: T(3, 2), accepted_at: T(4, 10), revision: 3,
      });
    });

    it('shows a case on hold with its reason and the loaner out', async () => {
      expect(await rowOf(world, 'held')).toMatchObject({
        status: 'on-site', technician_id: 'tech-2', on_hold: 1, hold_reason: 'awaiting-parts', loaner_out: 1, arrived_at: T(4, 3),
      });
    });

    it('changes nothing when a batch is delivered again', async () => {
      const before = await digestProjection(world.db, caseSummaryProjection);
      await applyBatch(world.db, caseSummaryProjection, events.slice(5, 30));
      await applyBatch(world.db, caseSummaryProjection, events);
      expect(await digestProjection(world.db, caseSummaryProjection)).toEqual(before);
    });

    it('equals the live table after a rebuild from position 0', async () => {
      const live = await digestProjection(world.db, caseSummaryProjection);
      await rebuildProjection(world.store, world.db, caseSummaryProjection, () => {}, 4);
      const rebuilt = await digestProjection(world.db, caseSummaryProjection);
      expect(rebuilt).toEqual(live);
      expect(rebuilt[0]!.rows).toBe(4);
    });
  });

  it('gives the same rows whether the log arrives in one batch or one event at a time', async () => {
    await applyBatch(world.db, caseSummaryProjection, events);
    const whole = await digestProjection(world.db, caseSummaryProjection);
    await world.db.deleteFrom(CASE_SUMMARY_TABLE).execute();
    await world.db.deleteFrom('projection_checkpoints').execute();
    await applyInBatches(world, 1);
    expect(await digestProjection(world.db, caseSummaryProjection)).toEqual(whole);
  });
});
