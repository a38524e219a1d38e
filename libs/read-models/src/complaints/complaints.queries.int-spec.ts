import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { complaintsProjection } from './complaints.projection.js';
import { listComplaints } from './complaints.queries.js';
import { summarizeComplaints } from './complaints-summary.queries.js';
import { analyticsWorld, type AnalyticsWorld } from './testing/analytics-world.fixture.js';
import { at, COMPLAINT_SCRIPT } from './testing/complaint-script.js';

const ids = (page: { items: readonly { complaintId: string }[] }): string[] => page.items.map((c) => c.complaintId);

describe('complaint queries over the scripted cases', () => {
  let world: AnalyticsWorld;
  beforeAll(async () => {
    world = await analyticsWorld(complaintsProjection);
    await world.record(COMPLAINT_SCRIPT);
    await world.project(5);
  });
  afterAll(() => world.dispose());

  describe('the list', () => {
    it('serves complaints newest first, in camelCase and without text', async () => {
      const page = await listComplaints(world.db, {}, undefined, 50);
      expect(ids(page)).toEqual(['k4', 'k3', 'k2', 'k1']);
      expect(page.items[3]).toEqual({
        complaintId: 'k1', caseId: 'c1', category: 'quality', severity: 'serious', department: 'quality', status: 'resolved',
        filedAt: at(3, 2, 4), acknowledgedAt: at(3, 2, 5), resolvedAt: at(3, 5, 10), reopenCount: 1, resolutionHours: 78,
        month: '2026-03', productModel: 'KFR-35GW', region: 'urban', priority: 'general', technicianId: 'tech-1',
      });
      expect(page.nextCursor).toBeNull();
    });

    it.each([
      [{ category: 'service' as const }, ['k3', 'k2']],
      [{ severity: 'serious' as const }, ['k1']],
      [{ status: 'resolved' as const }, ['k2', 'k1']],
      [{ department: 'quality' }, ['k1']],
      [{ productModel: 'KFR-35GW' }, ['k3', 'k1']],
      [{ caseId: 'c2' }, ['k2']],
      [{ from: at(3, 4, 3), to: at(3, 31, 16, 30) }, ['k3', 'k2']],
    ])('filters by %j', async (filter, expected) => {
      expect(ids(await listComplaints(world.db, filter, undefined, 50))).toEqual(expected);
    });

    it('pages through every complaint with the cursor', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listComplaints(world.db, {}, cursor, 3);
        seen.push(...ids(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(['k4', 'k3', 'k2', 'k1']);
    });
  });

  describe('the summary', () => {
    it('counts, times and rates complaints by category against every case in the window', async () => {
      const summary = await summarizeComplaints(world.db, 'category', {});
      expect(summary).toEqual({
        groupBy: 'category',
        from: null,
        to: null,
        groups: [
          { key: 'other', filed: 1, open: 1, resolved: 0, reopened: 0, averageResolutionHours: null, maxResolutionHours: null, resolvedWithinTarget: 0, cases: 5, complaintRatePer1000Cases: 200 },
          { key: 'quality', filed: 1, open: 0, resolved: 1, reopened: 1, averageResolutionHours: 78, maxResolutionHours: 78, resolvedWithinTarget: 0, cases: 5, complaintRatePer1000Cases: 200 },
          { key: 'service', filed: 2, open: 1, resolved: 1, reopened: 0, averageResolutionHours: 12, maxResolutionHours: 12, resolvedWithinTarget: 1, cases: 5, complaintRatePer1000Cases: 400 },
        ],
        totals: { filed: 4, open: 2, resolved: 2, reopened: 1, averageResolutionHours: 45, maxResolutionHours: 78, resolvedWithinTarget: 1, cases: 5, complaintRatePer1000Cases: 800 },
      });
    });

    it('groups by severity and by department, unassigned complaints last', async () => {
      const severity = await summarizeComplaints(world.db, 'severity', {});
      expect(severity.groups.map((g) => [g.key, g.filed, g.cases])).toEqual([['minor', 3, 5], ['serious', 1, 5]]);
      const department = await summarizeComplaints(world.db, 'department', {});
      expect(department.groups.map((g) => [g.key, g.filed, g.open])).toEqual([['quality', 1, 0], ['service', 1, 0], [null, 2, 2]]);
    });

    it('rates each product model against its own cases, a model without complaints at 0', async () => {
      const summary = await summarizeComplaints(world.db, 'productModel', {});
      expect(summary.groups.map((g) => [g.key, g.filed, g.cases, g.complaintRatePer1000Cases])).toEqual([
        ['AC-200', 1, 1, 1000],
        ['BCD-470', 0, 1, 0],
        ['KFR-35GW', 2, 2, 1000],
        ['XQG-80', 1, 1, 1000],
      ]);
    });

    it('rates each Shanghai month against the cases reported in it', async () => {
      const summary = await summarizeComplaints(world.db, 'month', {});
      expect(summary.groups.map((g) => [g.key, g.filed, g.cases, g.complaintRatePer1000Cases])).toEqual([
        ['2026-03', 3, 4, 750],
        ['2026-04', 1, 1, 1000],
      ]);
    });

    it('counts complaints filed and cases reported inside the window only', async () => {
      const summary = await summarizeComplaints(world.db, 'category', { from: at(3, 4, 0), to: at(3, 11, 0) });
      expect(summary.totals).toMatchObject({ filed: 2, open: 1, resolved: 1, cases: 2, complaintRatePer1000Cases: 1000 });
      expect(summary.from).toBe(at(3, 4, 0));
    });

    it('answers an empty window with no groups, zero counts and unknown rates', async () => {
      const summary = await summarizeComplaints(world.db, 'month', { from: '2027-01-01T00:00:00.000Z' });
      expect(summary.groups).toEqual([]);
      expect(summary.totals).toEqual({
        filed: 0, open: 0, resolved: 0, reopened: 0, averageResolutionHours: null, maxResolutionHours: null, resolvedWithinTarget: 0, cases: 0, complaintRatePer1000Cases: null,
      });
    });
  });
});
