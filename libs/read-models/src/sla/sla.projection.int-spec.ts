import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { applyBatch } from '../runtime/apply-batch.js';
import { rebuildProjection } from '../runtime/rebuild.js';
import { digestProjection } from '../runtime/table-digest.js';
import { scriptedWorld, type ScriptedWorld } from '../case-summary/testing/scripted-store.fixture.js';
import { slaProjection } from './sla.projection.js';
import { SLA_CASE_EVENTS_TABLE, SLA_CLOCKS_TABLE, type SlaClockRow } from './sla.tables.js';
import { cst, recordSlaScript } from './testing/sla-script.js';

const clocksOf = async (world: ScriptedWorld, caseId: string): Promise<Record<string, SlaClockRow>> => {
  const rows = (await world.db.selectFrom(SLA_CLOCKS_TABLE).selectAll().where('case_id', '=', caseId).execute()) as SlaClockRow[];
  return Object.fromEntries(rows.map((row) => [row.complaint_id ? `${row.clock}#${row.complaint_id}` : row.clock, row]));
};

describe('the SLA projection over scripted cases reported on Monday 2 March 2026', () => {
  let world: ScriptedWorld;
  beforeEach(async () => {
    world = await scriptedWorld([slaProjection]);
    await recordSlaScript(world);
    await applyBatch(world.db, slaProjection, await world.all());
  });
  afterEach(() => world.dispose());

  it('marks a general urban case contacted within 3 hours as a met first response', async () => {
    const clocks = await clocksOf(world, 'urban-ok');
    expect(clocks['firstResponse']).toMatchObject({
      state: 'met',
      started_at: cst('2026-03-02T09:00'),
      stopped_at: cst('2026-03-02T12:00'),
      due_at: cst('2026-03-03T09:00'),
      at_risk_at: null,
      target_value: 24,
      target_unit: 'hours',
      elapsed_seconds: 3 * 3600,
    });
    expect(clocks['onSite']).toMatchObject({ state: 'running', due_at: cst('2026-03-03T09:00'), at_risk_at: cst('2026-03-03T04:12') });
    // 80 % of 3 working days is 57.6 h of working days: Monday 09:00 → Wednesday 18:36.
    expect(clocks['repair']).toMatchObject({ state: 'running', target_unit: 'workingDays', due_at: cst('2026-03-05T09:00'), at_risk_at: cst('2026-03-04T18:36') });
    expect(clocks['repair']).toMatchObject({ priority: 'general', region: 'urban', product_model: 'KFR-35GW', month: '2026-03', evaluated_at: cst('2026-03-02T12:00') });
  });

  it('marks an urgent case contacted after 3 hours as a breached first response', async () => {
    const clocks = await clocksOf(world, 'urgent-late');
    expect(clocks['firstResponse']).toMatchObject({ state: 'breached', due_at: cst('2026-03-02T12:00'), target_value: 2 });
    expect(clocks['onSite']).toMatchObject({ state: 'running', target_value: 4, due_at: cst('2026-03-02T14:00'), at_risk_at: cst('2026-03-02T13:12') });
    expect(clocks['repair']).toMatchObject({ target_value: 12, target_unit: 'hours', due_at: cst('2026-03-02T22:00') });
  });

  it('moves the on-site and repair due instants by a day held awaiting the customer', async () => {
    const clocks = await clocksOf(world, 'held');
    expect(clocks['onSite']).toMatchObject({
      state: 'running',
      due_at: cst('2026-03-04T09:00'),
      at_risk_at: cst('2026-03-04T04:12'),
      paused_seconds: 24 * 3600,
      elapsed_seconds: 3 * 3600,
    });
    expect(clocks['repair']).toMatchObject({ state: 'running', due_at: cst('2026-03-06T09:00'), at_risk_at: cst('2026-03-05T18:36'), paused_seconds: 24 * 3600 });
    expect(clocks['repair']!.technician_id).toBe('tech-2');
  });

  it('makes the on-site visit not applicable after a remote repair, and starts the result-feedback clock', async () => {
    const clocks = await clocksOf(world, 'remote');
    expect(clocks['onSite']).toMatchObject({ state: 'not-applicable', due_at: null, at_risk_at: null, best_effort: 1, stopped_at: cst('2026-03-02T11:00') });
    expect(clocks['repair']).toMatchObject({ state: 'met', stopped_at: cst('2026-03-02T11:00') });
    expect(clocks['resultFeedback']).toMatchObject({ state: 'running', started_at: cst('2026-03-02T11:00'), due_at: cst('2026-03-03T11:00') });
  });

  it('cancels every running clock of a cancelled case', async () => {
    const clocks = await clocksOf(world, 'cancelled');
    expect(Object.values(clocks).map((c) => [c.clock, c.state, c.stopped_at])).toEqual(
      ['firstResponse', 'onSite', 'repair'].map((clock) => [clock, 'cancelled', cst('2026-03-02T10:00')]),
    );
  });

  it('keeps acknowledgement and resolution clocks per complaint', async () => {
    const clocks = await clocksOf(world, 'complained');
    expect(clocks['complaintAck#cmp-1']).toMatchObject({ state: 'met', due_at: cst('2026-03-03T10:00'), elapsed_seconds: 3600 });
    expect(clocks['complaintResolution#cmp-1']).toMatchObject({ state: 'running', target_value: 3, target_unit: 'workingDays', due_at: cst('2026-03-05T10:00') });
    expect(clocks['firstResponse']).toMatchObject({ state: 'met', complaint_id: '' });
  });

  it('stores no personal data with the events it keeps', async () => {
    const rows = (await world.db.selectFrom(SLA_CASE_EVENTS_TABLE).selectAll().execute()) as Array<{ events: string }>;
    expect(rows).toHaveLength(6);
    for (const { events } of rows) {
      expect(events).not.toMatch(/赵敏|\+86|文三路|signedBy|description/);
    }
  });
});

describe('replaying the SLA projection', () => {
  let world: ScriptedWorld;
  beforeEach(async () => {
    world = await scriptedWorld([slaProjection]);
    await recordSlaScript(world);
  });
  afterEach(() => world.dispose());

  it('changes nothing when a batch is delivered again', async () => {
    const events = await world.all();
    await applyBatch(world.db, slaProjection, events);
    const first = await digestProjection(world.db, slaProjection);
    await applyBatch(world.db, slaProjection, events);
    await applyBatch(world.db, slaProjection, events.slice(3, 9));
    expect(await digestProjection(world.db, slaProjection)).toEqual(first);
    expect(first[0]!.rows).toBe(21);
  });

  it('ends in the same rows whether applied one event at a time or rebuilt from position 0', async () => {
    for (const event of await world.all()) await applyBatch(world.db, slaProjection, [event]);
    const live = await digestProjection(world.db, slaProjection);
    await rebuildProjection(world.store, world.db, slaProjection);
    expect(await digestProjection(world.db, slaProjection)).toEqual(live);
  });
});
