import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '#casetrail/event-store';
import { applyBatch } from '../runtime/apply-batch.js';
import { rebuildProjection } from '../runtime/rebuild.js';
import { digestProjection } from '../runtime/table-digest.js';
import { recordScriptedCases, scriptedWorld, type ScriptedWorld } from '../case-summary/testing/scripted-store.fixture.js';
import { auditProjection } from './audit.projection.js';
import { AUDIT_TABLE, type AuditRow } from './audit.tables.js';

/** PostgreSQL hands bigint back as a string. */
const rows = async (world: ScriptedWorld): Promise<AuditRow[]> =>
  ((await world.db.selectFrom(AUDIT_TABLE).selectAll().orderBy('position').execute()) as AuditRow[]).map((r) => ({ ...r, position: Number(r.position) }));

describe('the audit projection', () => {
  let world: ScriptedWorld;
  let events: readonly RecordedEvent[];
  beforeEach(async () => {
    world = await scriptedWorld([auditProjection]);
    await recordScriptedCases(world);
    events = await world.all();
    for (let i = 0; i < events.length; i += 6) await applyBatch(world.db, auditProjection, events.slice(i, i + 6));
  });
  afterEach(() => world.dispose());

  it('keeps one row per event of every stream, in store order', async () => {
    const all = await rows(world);
    expect(all.map((r) => r.position)).toEqual(events.map((e) => e.position));
    expect(all.filter((r) => r.case_id === null).map((r) => r.stream_id)).toEqual(['ProductUnit-SN-full']);
  });

  it('copies who, when, why and the hash from the stored event, with the name apart from its version', async () => {
    const reported = events.find((e) => e.streamId === 'ServiceCase-full' && e.revision === 0)!;
    const row = (await rows(world)).find((r) => r.position === reported.position);
    expect(row).toEqual({
      position: reported.position,
      stream_id: 'ServiceCase-full',
      case_id: 'full',
      revision: 0,
      type: 'CaseReported',
      stored_type: 'CaseReported.v2',
      occurred_at: '2026-03-02T01:00:00.000Z',
      recorded_at: reported.metadata.recordedAt,
      actor_id: 'agent-1',
      actor_role: 'agent',
      correlation_id: reported.metadata.correlationId,
      causation_id: null,
      command_id: reported.metadata.commandId,
      event_id: reported.metadata.eventId,
      hash: reported.hash,
    });
  });

  it('names product-unit events too, with no case', async () => {
    expect((await rows(world)).find((r) => r.case_id === null)).toMatchObject({ type: 'UnitRegistered', stored_type: 'UnitRegistered.v1', revision: 0 });
  });

  it('keeps no event data, so no personal data', async () => {
    const text = JSON.stringify(await rows(world));
    for (const personal of ['赵敏', '+86 139 1111 2222', '杭州市西湖区文三路1号']) expect(text).not.toContain(personal);
  });

  it('changes nothing when a batch is delivered again', async () => {
    const before = await digestProjection(world.db, auditProjection);
    await applyBatch(world.db, auditProjection, events.slice(3, 20));
    await applyBatch(world.db, auditProjection, events);
    // Even past the checkpoint guard, a row already there is left alone.
    await world.db.transaction().execute((trx) => auditProjection.apply(trx, events.slice(0, 5).map((recorded) => ({ recorded, caseEvent: null }))));
    expect(await digestProjection(world.db, auditProjection)).toEqual(before);
  });

  it('equals the live table after a rebuild from position 0', async () => {
    const live = await digestProjection(world.db, auditProjection);
    await rebuildProjection(world.store, world.db, auditProjection, () => {}, 5);
    expect(await digestProjection(world.db, auditProjection)).toEqual(live);
    expect(live[0]!.rows).toBe(events.length);
  });
});
