import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '#casetrail/domain';
import { applyBatch } from '../runtime/apply-batch.js';
import { caseSummaryProjection } from './case-summary.projection.js';
import { listCaseSummaries, type CaseListFilter, type CaseSummaryItem } from './case-summary.queries.js';
import { caseEvents } from './testing/case-event.builders.js';
import { recordScriptedCases, scriptedWorld, type ScriptedWorld } from './testing/scripted-store.fixture.js';

const T = (day: number, hour: number): string => new Date(Date.UTC(2026, 2, day, hour)).toISOString();

/** Every page of a list, following `nextCursor` to the end. */
async function allPages(world: ScriptedWorld, filter: CaseListFilter, limit: number): Promise<CaseSummaryItem[][]> {
  const pages: CaseSummaryItem[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listCaseSummaries(world.db, filter, cursor, limit);
    pages.push([...page.items]);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return pages;
}

const ids = (items: readonly CaseSummaryItem[]): string[] => items.map((i) => i.caseId);

describe('listing case summaries', () => {
  let world: ScriptedWorld;
  beforeAll(async () => {
    world = await scriptedWorld([caseSummaryProjection]);
    await recordScriptedCases(world);
    // 20 more cases, three to a reporting instant, so pages must break ties on the case id.
    for (let n = 0; n < 20; n += 1) {
      const id = `bulk-${String(n).padStart(2, '0')}`;
      await world.append(id, caseEvents(id).reported(T(10, Math.floor(n / 3)), { model: n % 2 ? 'ODD-1' : 'EVEN-2' }));
    }
    await applyBatch(world.db, caseSummaryProjection, await world.all());
  });
  afterAll(() => world.dispose());

  it('answers camelCase items with flags as booleans', async () => {
    const page = await listCaseSummaries(world.db, { status: 'on-site' }, undefined, 10);
    expect(page).toEqual({ items: [expect.objectContaining({ caseId: 'held', technicianId: 'tech-2', onHold: true, loanerOut: true, holdReason: 'awaiting-parts' })], nextCursor: null });
  });

  it.each<[string, CaseListFilter, string[]]>([
    ['status', { status: 'cancelled' }, ['cancelled']],
    ['priority', { priority: 'urgent' }, ['cancelled']],
    ['region', { region: 'remote' }, ['remote']],
    ['technician', { technicianId: 'tech-1' }, ['full']],
    ['product model', { productModel: 'XQG-80' }, ['cancelled']],
    ['reporting window, from inclusive and to exclusive', { from: T(2, 2), to: T(3, 6) }, ['remote', 'cancelled']],
    ['several filters at once', { productModel: 'KFR-35GW', region: 'urban', to: T(10, 0) }, ['full']],
  ])('filters by %s', async (_name, filter, expected) => {
    expect(ids((await listCaseSummaries(world.db, filter, undefined, 100)).items)).toEqual(expected);
  });

  it('lists newest first, breaking ties on the case id', async () => {
    const items = (await listCaseSummaries(world.db, {}, undefined, 500)).items;
    const keys = items.map((i) => [i.reportedAt, i.caseId].join('|'));
    expect(keys).toEqual([...keys].sort().reverse());
    expect(items).toHaveLength(24);
  });

  it.each([1, 3, 7, 24, 25])('pages through every case with limit %i, without duplicates or gaps', async (limit) => {
    const everything = ids((await listCaseSummaries(world.db, {}, undefined, 500)).items);
    const pages = await allPages(world, {}, limit);
    expect(pages.flat().map((i) => i.caseId)).toEqual(everything);
    expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
    expect(pages).toHaveLength(Math.max(1, Math.ceil(everything.length / limit)));
  });

  it('pages within a filter', async () => {
    const pages = await allPages(world, { productModel: 'ODD-1' }, 4);
    expect(pages.map((p) => p.length)).toEqual([4, 4, 2]);
    expect(new Set(ids(pages.flat())).size).toBe(10);
  });

  it.each([0, 501, Number.NaN, 2.5])('refuses limit %p as an invalid request', async (limit) => {
    const error = await listCaseSummaries(world.db, {}, undefined, limit).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'invalid', details: { errors: [{ field: 'limit' }] } });
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(listCaseSummaries(world.db, {}, 'not-a-cursor', 5)).rejects.toMatchObject({ kind: 'invalid' });
  });
});
