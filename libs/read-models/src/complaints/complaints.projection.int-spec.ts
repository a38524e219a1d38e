import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { applyBatch } from '../runtime/apply-batch.js';
import { rebuildProjection } from '../runtime/rebuild.js';
import { digestProjection } from '../runtime/table-digest.js';
import { complaintsProjection } from './complaints.projection.js';
import { COMPLAINT_CASES_TABLE, COMPLAINTS_TABLE, type ComplaintRow } from './complaints.tables.js';
import { SECRET } from './testing/analytics-events.builders.js';
import { analyticsWorld, type AnalyticsWorld } from './testing/analytics-world.fixture.js';
import { at, COMPLAINT_SCRIPT } from './testing/complaint-script.js';

const complaint = async (world: AnalyticsWorld, id: string): Promise<ComplaintRow> =>
  (await world.db.selectFrom(COMPLAINTS_TABLE).selectAll().where('complaint_id', '=', id).executeTakeFirstOrThrow()) as ComplaintRow;

describe('the complaints projection', () => {
  let world: AnalyticsWorld;
  beforeEach(async () => {
    world = await analyticsWorld(complaintsProjection);
    await world.record(COMPLAINT_SCRIPT);
  });
  afterEach(() => world.dispose());

  describe('after the scripted cases, applied in batches of 4', () => {
    beforeEach(() => world.project(4));

    it('keeps a complaint reopened and resolved again as resolved, timed to its last resolution', async () => {
      expect(await complaint(world, 'k1')).toEqual({
        complaint_id: 'k1', case_id: 'c1', category: 'quality', severity: 'serious', department: 'quality', status: 'resolved',
        filed_at: at(3, 2, 4), acknowledged_at: at(3, 2, 5), resolved_at: at(3, 5, 10), reopen_count: 1, resolution_hours: 78,
        month: '2026-03', product_model: 'KFR-35GW', region: 'urban', priority: 'general',
        // The rework dispatch of tech-2 came after the complaint: it stays with the technician it was about.
        technician_id: 'tech-1',
      });
    });

    it('carries the case context of a case never dispatched', async () => {
      expect(await complaint(world, 'k2')).toMatchObject({
        status: 'resolved', department: 'service', resolution_hours: 12, product_model: 'XQG-80', region: 'suburban', priority: 'urgent', technician_id: null,
      });
    });

    it('leaves a complaint only filed open, with no department and no resolution time', async () => {
      expect(await complaint(world, 'k3')).toMatchObject({ status: 'filed', department: null, acknowledged_at: null, resolved_at: null, resolution_hours: null });
    });

    it('files a complaint made just after midnight in Shanghai under the new month', async () => {
      expect((await complaint(world, 'k4')).month).toBe('2026-04');
      const cases = await world.db.selectFrom(COMPLAINT_CASES_TABLE).select(['case_id', 'month', 'technician_id']).orderBy('case_id').execute();
      expect(cases).toEqual([
        { case_id: 'c1', month: '2026-03', technician_id: 'tech-2' },
        { case_id: 'c2', month: '2026-03', technician_id: null },
        { case_id: 'c3', month: '2026-03', technician_id: null },
        { case_id: 'c4', month: '2026-04', technician_id: null },
        { case_id: 'c5', month: '2026-03', technician_id: null },
      ]);
    });

    it('keeps no complaint text and no personal data', async () => {
      const rows = [
        ...(await world.db.selectFrom(COMPLAINTS_TABLE).selectAll().execute()),
        ...(await world.db.selectFrom(COMPLAINT_CASES_TABLE).selectAll().execute()),
      ];
      const dump = JSON.stringify(rows);
      for (const secret of Object.values(SECRET)) expect(dump).not.toContain(secret);
    });

    it('changes nothing when a batch is delivered again', async () => {
      const before = await digestProjection(world.db, complaintsProjection);
      const events = await world.all();
      await applyBatch(world.db, complaintsProjection, events.slice(3, 11));
      await applyBatch(world.db, complaintsProjection, events);
      expect(await digestProjection(world.db, complaintsProjection)).toEqual(before);
    });

    it('rebuilds from position 0 to the same rows as the live projection', async () => {
      const live = await digestProjection(world.db, complaintsProjection);
      await rebuildProjection(world.store, world.db, complaintsProjection);
      expect(await digestProjection(world.db, complaintsProjection)).toEqual(live);
      expect(live.map((d) => d.rows)).toEqual([4, 5]);
    });
  });

  it('shows a reopened complaint as acknowledged and open again, without a resolution time', async () => {
    const events = await world.all();
    const reopen = events.findIndex((e) => e.type.startsWith('ComplaintReopened'));
    await applyBatch(world.db, complaintsProjection, events.slice(0, reopen + 1));
    expect(await complaint(world, 'k1')).toMatchObject({ status: 'acknowledged', resolved_at: null, resolution_hours: null, reopen_count: 1 });
  });

  it('ends the same whether the log arrives one event at a time or all at once', async () => {
    await world.project(1);
    const oneByOne = await digestProjection(world.db, complaintsProjection);
    await rebuildProjection(world.store, world.db, complaintsProjection);
    expect(await digestProjection(world.db, complaintsProjection)).toEqual(oneByOne);
  });
});
