import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SECRET } from '../complaints/testing/analytics-events.builders.js';
import { analyticsWorld, type AnalyticsWorld } from '../complaints/testing/analytics-world.fixture.js';
import { at } from '../complaints/testing/complaint-script.js';
import { applyBatch } from '../runtime/apply-batch.js';
import { rebuildProjection } from '../runtime/rebuild.js';
import { digestProjection } from '../runtime/table-digest.js';
import { satisfactionProjection } from './satisfaction.projection.js';
import { SATISFACTION_CASES_TABLE, SATISFACTION_REPAIRS_TABLE, SATISFACTION_SURVEYS_TABLE } from './satisfaction.tables.js';
import { SATISFACTION_SCRIPT } from './testing/satisfaction-script.js';

describe('the satisfaction projection', () => {
  let world: AnalyticsWorld;
  const rows = (table: string) => world.db.selectFrom(table).selectAll().orderBy('case_id').execute();
  beforeEach(async () => {
    world = await analyticsWorld(satisfactionProjection);
    await world.record(SATISFACTION_SCRIPT);
  });
  afterEach(() => world.dispose());

  describe('after the scripted cases, applied in batches of 4', () => {
    beforeEach(() => world.project(4));

    it('records each survey with its technician, region and model; overall 4 is satisfied, 3 is not', async () => {
      expect(await rows(SATISFACTION_SURVEYS_TABLE)).toEqual([
        { case_id: 's1', surveyed_at: at(3, 5, 1), month: '2026-03', technician_id: 'tech-1', region: 'urban', product_model: 'KFR-35GW', attitude: 5, quality: 4, response_speed: 3, overall: 4, satisfied: 1, channel: 'phone' },
        { case_id: 's2', surveyed_at: at(3, 7, 1), month: '2026-03', technician_id: 'tech-1', region: 'suburban', product_model: 'KFR-35GW', attitude: 2, quality: 3, response_speed: 3, overall: 3, satisfied: 0, channel: 'phone' },
        { case_id: 's4', surveyed_at: at(4, 2, 1), month: '2026-04', technician_id: null, region: 'remote', product_model: 'XQG-80', attitude: 5, quality: 5, response_speed: 5, overall: 5, satisfied: 1, channel: 'phone' },
        { case_id: 's5', surveyed_at: at(3, 12, 1), month: '2026-03', technician_id: 'tech-2', region: 'urban', product_model: 'KFR-35GW', attitude: 5, quality: 5, response_speed: 5, overall: 5, satisfied: 1, channel: 'phone' },
      ]);
    });

    it('dates a repair at its first completion, credits the last repairer, and marks return visits', async () => {
      expect(await rows(SATISFACTION_REPAIRS_TABLE)).toEqual([
        { case_id: 's1', repaired_at: at(3, 3, 1), month: '2026-03', technician_id: 'tech-1', region: 'urban', product_model: 'KFR-35GW', surveyed: 1 },
        { case_id: 's2', repaired_at: at(3, 4, 1), month: '2026-03', technician_id: 'tech-1', region: 'suburban', product_model: 'KFR-35GW', surveyed: 1 },
        { case_id: 's3', repaired_at: at(3, 9, 1), month: '2026-03', technician_id: 'tech-2', region: 'urban', product_model: 'KFR-35GW', surveyed: 0 },
        // 17:00 UTC on 31 March is 01:00 on 1 April in Shanghai.
        { case_id: 's4', repaired_at: at(3, 31, 17), month: '2026-04', technician_id: null, region: 'remote', product_model: 'XQG-80', surveyed: 1 },
        { case_id: 's5', repaired_at: at(3, 10, 1), month: '2026-03', technician_id: 'tech-2', region: 'urban', product_model: 'KFR-35GW', surveyed: 1 },
      ]);
    });

    it('keeps no comment and no personal data', async () => {
      const dump = JSON.stringify([...(await rows(SATISFACTION_CASES_TABLE)), ...(await rows(SATISFACTION_SURVEYS_TABLE)), ...(await rows(SATISFACTION_REPAIRS_TABLE))]);
      for (const secret of Object.values(SECRET)) expect(dump).not.toContain(secret);
    });

    it('changes nothing when a batch is delivered again', async () => {
      const before = await digestProjection(world.db, satisfactionProjection);
      const events = await world.all();
      await applyBatch(world.db, satisfactionProjection, events.slice(8, 20));
      await applyBatch(world.db, satisfactionProjection, events);
      expect(await digestProjection(world.db, satisfactionProjection)).toEqual(before);
    });

    it('rebuilds from position 0 to the same rows as the live projection', async () => {
      const live = await digestProjection(world.db, satisfactionProjection);
      await rebuildProjection(world.store, world.db, satisfactionProjection);
      expect(await digestProjection(world.db, satisfactionProjection)).toEqual(live);
      expect(live.map((d) => d.rows)).toEqual([5, 4, 5]);
    });
  });

  it('ends the same whether the log arrives one event at a time or all at once', async () => {
    await world.project(1);
    const oneByOne = await digestProjection(world.db, satisfactionProjection);
    await rebuildProjection(world.store, world.db, satisfactionProjection);
    expect(await digestProjection(world.db, satisfactionProjection)).toEqual(oneByOne);
  });
});
