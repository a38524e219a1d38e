import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '#casetrail/domain';
import type { RecordedEvent } from '#casetrail/event-store';
import { applyBatch } from '../runtime/apply-batch.js';
import { recordScriptedCases, scriptedWorld, type ScriptedWorld } from '../case-summary/testing/scripted-store.fixture.js';
import { auditProjection } from './audit.projection.js';
import { listAuditEvents, type AuditEventItem, type AuditFilter } from './audit.queries.js';

async function allPages(world: ScriptedWorld, filter: AuditFilter, limit: number): Promise<AuditEventItem[][]> {
  const pages: AuditEventItem[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listAuditEvents(world.db, filter, cursor, limit);
    pages.push([...page.items]);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return pages;
}

const positions = (items: readonly AuditEventItem[]): number[] => items.map((i) => i.position);

describe('listing audit events', () => {
  let world: ScriptedWorld;
  let events: readonly RecordedEvent[];
  const where = (test: (e: RecordedEvent) => boolean): number[] => events.filter(test).map((e) => e.position);
  beforeAll(async () => {
    world = await scriptedWorld([auditProjection]);
    await recordScriptedCases(world);
    events = await world.all();
    await applyBatch(world.db, auditProjection, events);
  });
  afterAll(() => world.dispose());

  it('answers camelCase items in ascending position', async () => {
    const page = await listAuditEvents(world.db, {}, undefined, 2);
    expect(page.items[0]).toEqual(expect.objectContaining({ position: 1, streamId: 'ServiceCase-full', caseId: 'full', type: 'CaseReported', actorRole: 'agent' }));
    expect(positions(page.items)).toEqual([1, 2]);
  });

  it.each<[string, AuditFilter, (e: RecordedEvent) => boolean]>([
    ['case', { caseId: 'cancelled' }, (e) => e.streamId === 'ServiceCase-cancelled'],
    ['actor', { actorId: 'tech-2' }, (e) => e.metadata.actor.id === 'tech-2'],
    ['event name, whatever its version', { type: 'CaseReported' }, (e) => e.type.startsWith('CaseReported.')],
    ['case and name together', { caseId: 'full', type: 'ComplaintResolved' }, (e) => e.streamId === 'ServiceCase-full' && e.type === 'ComplaintResolved.v1'],
  ])('filters by %s', async (_name, filter, test) => {
    const expected = where(test);
    expect(expected.length).toBeGreaterThan(0);
    expect(positions((await listAuditEvents(world.db, filter, undefined, 500)).items)).toEqual(expected);
  });

  it('filters on the server time an event was recorded, from inclusive and to exclusive', async () => {
    const from = events[10]!.metadata.recordedAt;
    const to = events[20]!.metadata.recordedAt;
    const expected = where((e) => e.metadata.recordedAt >= from && e.metadata.recordedAt < to);
    expect(expected).toEqual(events.slice(10, 20).map((e) => e.position));
    expect(positions((await listAuditEvents(world.db, { from, to }, undefined, 500)).items)).toEqual(expected);
  });

  it.each([1, 4, 13, 39, 40])('pages through every event with limit %i, without duplicates or gaps', async (limit) => {
    const pages = await allPages(world, {}, limit);
    expect(positions(pages.flat())).toEqual(events.map((e) => e.position));
    expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
  });

  it('pages within a filter', async () => {
    const pages = await allPages(world, { caseId: 'full' }, 5);
    expect(positions(pages.flat())).toEqual(where((e) => e.streamId === 'ServiceCase-full'));
  });

  it.each([0, 501, Number.NaN])('refuses limit %p as an invalid request', async (limit) => {
    const error = await listAuditEvents(world.db, {}, undefined, limit).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'invalid', details: { errors: [{ field: 'limit' }] } });
  });
});
