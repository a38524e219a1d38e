import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { analyticsWorld, type AnalyticsWorld } from '../complaints/testing/analytics-world.fixture.js';
import { at } from '../complaints/testing/complaint-script.js';
import { satisfactionProjection } from './satisfaction.projection.js';
import { summarizeSatisfaction, type SatisfactionGroup } from './satisfaction-summary.queries.js';
import { SATISFACTION_SCRIPT } from './testing/satisfaction-script.js';

/** The figures a group is judged on, in one line per group. */
const brief = (g: SatisfactionGroup) => [g.key, g.surveys, g.satisfied, g.satisfiedShare, g.meetsTarget, g.meetsExcellent, g.repaired, g.surveyedOfRepaired, g.returnVisitRate, g.meetsReturnVisitTarget];

describe('the satisfaction summary over the scripted cases', () => {
  let world: AnalyticsWorld;
  beforeAll(async () => {
    world = await analyticsWorld(satisfactionProjection);
    await world.record(SATISFACTION_SCRIPT);
    await world.project(6);
  });
  afterAll(() => world.dispose());

  it('totals surveys against the 90 % and 98 % targets and repairs against the 25 % return-visit target', async () => {
    const summary = await summarizeSatisfaction(world.db, 'region', {});
    expect(summary.targets).toEqual({ satisfiedShare: 0.9, excellentSatisfiedShare: 0.98, returnVisitRate: 0.25 });
    expect(summary.totals).toEqual({
      surveys: 4, satisfied: 3, satisfiedShare: 0.75, meetsTarget: false, meetsExcellent: false,
      averageScores: { attitude: 4.25, quality: 4.25, responseSpeed: 4, overall: 4.25 },
      repaired: 5, surveyedOfRepaired: 4, returnVisitRate: 0.8, meetsReturnVisitTarget: true,
    });
  });

  it('credits technicians with the surveys and repairs of the cases they last repaired', async () => {
    const summary = await summarizeSatisfaction(world.db, 'technicianId', {});
    expect(summary.groups.map(brief)).toEqual([
      ['tech-1', 2, 1, 0.5, false, false, 2, 2, 1, true],
      ['tech-2', 1, 1, 1, true, true, 2, 1, 0.5, true],
      [null, 1, 1, 1, true, true, 1, 1, 1, true],
    ]);
    expect(summary.groups[0]!.averageScores).toEqual({ attitude: 3.5, quality: 3.5, responseSpeed: 3, overall: 3.5 });
  });

  it('groups by Shanghai month: surveys by survey month, return visits by repair month', async () => {
    const summary = await summarizeSatisfaction(world.db, 'month', {});
    expect(summary.groups.map(brief)).toEqual([
      ['2026-03', 3, 2, 0.6667, false, false, 4, 3, 0.75, true],
      ['2026-04', 1, 1, 1, true, true, 1, 1, 1, true],
    ]);
  });

  it('groups by region', async () => {
    const summary = await summarizeSatisfaction(world.db, 'region', {});
    expect(summary.groups.map(brief)).toEqual([
      ['remote', 1, 1, 1, true, true, 1, 1, 1, true],
      ['suburban', 1, 0, 0, false, false, 1, 1, 1, true],
      ['urban', 2, 2, 1, true, true, 3, 2, 0.6667, true],
    ]);
  });

  it('counts surveys taken and cases first repaired inside the window only', async () => {
    // s2's rework repair on 6 March does not bring it in: it was first repaired on 4 March.
    const summary = await summarizeSatisfaction(world.db, 'region', { from: at(3, 6, 0), to: at(3, 10, 0) });
    expect(summary.groups.map(brief)).toEqual([
      ['suburban', 1, 0, 0, false, false, 0, 0, null, null],
      ['urban', 0, 0, null, null, null, 1, 0, 0, false],
    ]);
    expect(summary.groups[1]!.averageScores).toEqual({ attitude: null, quality: null, responseSpeed: null, overall: null });
  });

  it('answers an empty window with no groups and unknown shares', async () => {
    const summary = await summarizeSatisfaction(world.db, 'month', { from: '2027-01-01T00:00:00.000Z', to: '2027-02-01T00:00:00.000Z' });
    expect(summary.groups).toEqual([]);
    expect(summary.totals).toEqual({
      surveys: 0, satisfied: 0, satisfiedShare: null, meetsTarget: null, meetsExcellent: null,
      averageScores: { attitude: null, quality: null, responseSpeed: null, overall: null },
      repaired: 0, surveyedOfRepaired: 0, returnVisitRate: null, meetsReturnVisitTarget: null,
    });
  });
});
