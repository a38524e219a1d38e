import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { computeSlaClocks, type CaseEvent } from '#casetrail/domain';
import { applyBatch } from '../runtime/apply-batch.js';
import { scriptedWorld, type ScriptedWorld } from '../case-summary/testing/scripted-store.fixture.js';
import { loadSlaPolicyRegistry } from '#casetrail/policies';
import { slaProjection } from './sla.projection.js';
import { listSlaClocks, type SlaClockItem } from './sla.queries.js';
import { summarizeSla } from './sla-summary.queries.js';
import { cst, recordSlaScript } from './testing/sla-script.js';

const policy = loadSlaPolicyRegistry().get('standard-v1');
const keyOf = (c: { caseId?: string; clock: string; complaintId?: string }, caseId = c.caseId): string => `${caseId}/${c.clock}/${c.complaintId ?? ''}`;

describe('SLA clocks read at query time', () => {
  let world: ScriptedWorld;
  let events: Map<string, CaseEvent[]>;
  const all = async (now: string, filter = {}): Promise<SlaClockItem[]> => [...(await listSlaClocks(world.db, filter, now, undefined, 500)).items];
  const stateOf = (items: SlaClockItem[], caseId: string, clock: string): string | undefined =>
    items.find((c) => c.caseId === caseId && c.clock === clock)?.state;

  beforeAll(async () => {
    world = await scriptedWorld([slaProjection]);
    events = await recordSlaScript(world);
    await applyBatch(world.db, slaProjection, await world.all());
  });
  afterAll(() => world.dispose());

  it('turns a running clock overdue once its due instant has passed', async () => {
    const items = await all(cst('2026-03-03T13:00'));
    expect(stateOf(items, 'urban-ok', 'onSite')).toBe('overdue');
    expect(stateOf(items, 'urgent-late', 'repair')).toBe('overdue');
    expect(stateOf(items, 'held', 'onSite')).toBe('running');
  });

  it('turns a running clock at-risk once 80 % of its target is used', async () => {
    expect(stateOf(await all(cst('2026-03-04T05:00')), 'held', 'onSite')).toBe('at-risk');
    expect(stateOf(await all(cst('2026-03-04T19:00')), 'urban-ok', 'repair')).toBe('at-risk');
    expect(stateOf(await all(cst('2026-03-04T18:00')), 'urban-ok', 'repair')).toBe('running');
  });

  it.each(['2026-03-03T12:30', '2026-03-04T05:00', '2026-03-04T19:00', '2026-03-07T12:00'])('agrees with the SLA engine at %s', async (local) => {
    const now = cst(local);
    const expected = [...events].flatMap(([caseId, caseEvents]) => computeSlaClocks(caseEvents, now, policy).map((c) => [keyOf(c, caseId), c.state]));
    const items = await all(now);
    expect(Object.fromEntries(items.map((c) => [keyOf(c), c.state]))).toEqual(Object.fromEntries(expected));
  });

  it('filters on the state at now, and on case, clock, region, priority, technician and start', async () => {
    const now = cst('2026-03-03T13:00');
    const overdue = await all(now, { state: 'overdue' });
    expect(overdue.map((c) => keyOf(c)).sort()).toEqual((await all(now)).filter((c) => c.state === 'overdue').map((c) => keyOf(c)).sort());
    expect(overdue.length).toBeGreaterThan(0);
    expect((await all(now, { caseId: 'complained', clock: 'complaintAck' })).map((c) => [c.complaintId, c.state])).toEqual([['cmp-1', 'met']]);
    expect((await all(now, { region: 'suburban' })).every((c) => c.caseId === 'urgent-late')).toBe(true);
    expect((await all(now, { priority: 'urgent', clock: 'firstResponse' })).map((c) => c.state)).toEqual(['breached']);
    expect((await all(now, { technicianId: 'tech-2' })).map((c) => c.caseId)).toEqual(['held', 'held', 'held']);
    const window = { from: cst('2026-03-02T10:00'), to: cst('2026-03-02T11:00') };
    expect((await all(now, window)).map((c) => c.clock).sort()).toEqual(['complaintAck', 'complaintResolution', 'firstResponse', 'onSite', 'repair']);
  });

  it('pages newest first without repeating or losing a clock', async () => {
    const now = cst('2026-03-03T13:00');
    const seen: SlaClockItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSlaClocks(world.db, {}, now, cursor, 4);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.map((c) => keyOf(c))).toEqual((await all(now)).map((c) => keyOf(c)));
    expect(new Set(seen.map((c) => keyOf(c))).size).toBe(21);
    expect(seen[0]!.startedAt >= seen[seen.length - 1]!.startedAt).toBe(true);
  });

  it('summarises first-response compliance per priority', async () => {
    const { groups } = await summarizeSla(world.db, { clock: 'firstResponse', groupBy: 'priority' }, cst('2026-03-03T13:00'));
    expect(groups).toEqual([
      expect.objectContaining({ key: 'general', total: 5, met: 4, breached: 0, cancelled: 1, compliance: 1 }),
      expect.objectContaining({ key: 'urgent', total: 1, met: 0, breached: 1, compliance: 0 }),
    ]);
  });

  it('counts every state once per group, and leaves compliance null where nothing has stopped', async () => {
    const now = cst('2026-03-04T05:00');
    const { groups } = await summarizeSla(world.db, { clock: 'onSite', groupBy: 'region' }, now);
    expect(groups.map((g) => g.key)).toEqual(['remote', 'suburban', 'urban']);
    const urban = groups.find((g) => g.key === 'urban')!;
    // urban-ok and complained are overdue, held is at-risk, cancelled is cancelled.
    expect(urban).toEqual({ key: 'urban', total: 4, met: 0, breached: 0, running: 0, atRisk: 1, overdue: 2, paused: 0, cancelled: 1, notApplicable: 0, compliance: null });
    expect(groups.find((g) => g.key === 'remote')).toMatchObject({ notApplicable: 1, compliance: null });
    const byMonth = await summarizeSla(world.db, { groupBy: 'month', from: cst('2026-03-01T00:00'), to: cst('2026-04-01T00:00') }, now);
    expect(byMonth.groups.map((g) => [g.key, g.total])).toEqual([['2026-03', 21]]);
  });

  it('summarises every clock in one group without groupBy, and answers no group when no clock matches', async () => {
    const now = cst('2026-03-04T05:00');
    const [all, byRegion, none, noneByRegion] = await Promise.all([
      summarizeSla(world.db, {}, now),
      summarizeSla(world.db, { groupBy: 'region' }, now),
      summarizeSla(world.db, { caseId: 'no-such-case' }, now),
      summarizeSla(world.db, { caseId: 'no-such-case', groupBy: 'region' }, now),
    ]);
    expect(all.groups.map((g) => g.key)).toEqual(['all']);
    expect(all.groups[0]!.total).toBe(byRegion.groups.reduce((sum, g) => sum + g.total, 0));
    expect(all.groups[0]!.met).toBe(byRegion.groups.reduce((sum, g) => sum + g.met, 0));
    expect(none).toEqual({ groups: [] });
    expect(noneByRegion).toEqual({ groups: [] });
  });
});
