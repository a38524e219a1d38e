import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseStreamId, type Actor, type CaseEvent } from '#casetrail/domain';
import { caseEventSerializer, SqliteEventStore, type NewEvent, type RecordedEvent } from '#casetrail/event-store';
import { checkpointMigrations } from '../../runtime/checkpoints.js';
import type { Projection } from '../../runtime/projection.js';
import type { ReadModelDb } from '../../store/read-model-database.js';
import { testReadModelDb } from '../../testing/test-read-model-db.js';
import { caseEvents } from './case-event.builders.js';

/**
 * A temp event store and a read-model database (SQLite, or PostgreSQL when the suite runs with
 * `READ_MODEL_DB=postgres`) for projection tests; `dispose` removes both.
 */
export interface ScriptedWorld {
  readonly store: SqliteEventStore;
  readonly db: ReadModelDb;
  append(caseId: string, event: CaseEvent, actor?: Actor): Promise<void>;
  appendRaw(streamId: string, type: string, data: Record<string, unknown>, actor?: Actor): Promise<void>;
  all(): Promise<readonly RecordedEvent[]>;
  dispose(): Promise<void>;
}

const AGENT: Actor = { id: 'agent-1', role: 'agent' };

export async function scriptedWorld(projections: readonly Projection[]): Promise<ScriptedWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'casetrail-rm-'));
  let now = Date.parse('2026-03-02T08:00:00.000Z');
  const store = SqliteEventStore.open(join(dir, 'events.sqlite'), { clock: { now: () => (now += 1000) } });
  const readModels = await testReadModelDb(Object.assign({}, checkpointMigrations, ...projections.map((p) => p.migrations)));
  const db = readModels.db;
  const revisions = new Map<string, number>();
  const appendTo = async (streamId: string, event: NewEvent): Promise<void> => {
    const expected = revisions.get(streamId);
    const result = await store.appendToStream(streamId, [event], { expectedRevision: expected ?? 'no-stream' });
    revisions.set(streamId, result.revision);
  };
  const metadata = (actor: Actor, occurredAt: string) => {
    const commandId = randomUUID();
    return { eventId: randomUUID(), commandId, correlationId: commandId, causationId: null, actor, occurredAt };
  };
  return {
    store,
    db,
    append: (caseId, event, actor = AGENT) => appendTo(caseStreamId(caseId), { ...caseEventSerializer.serialize(event), metadata: metadata(actor, event.occurredAt) }),
    appendRaw: (streamId, type, data, actor = AGENT) => appendTo(streamId, { type, data, metadata: metadata(actor, '2026-03-01T00:00:00.000Z') }),
    all: () => store.readAll(),
    dispose: async () => {
      await readModels.dispose();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const T = (day: number, hour: number): string => new Date(Date.UTC(2026, 2, day, hour)).toISOString();

/**
 * The scripted cases, interleaved as a busy service centre would record them:
 * `full` — contact twice, hold + loaner, repair, complaint, rejection, rework, second hold, repair,
 *   second complaint, first complaint resolved/reopened/resolved, acceptance, loaner back, survey;
 * `cancelled` — urgent suburban case put on hold and cancelled;
 * `remote` — fixed by phone guidance from `contacted`, no technician ever dispatched;
 * `held` — on site with tech-2, loaner out, waiting for parts;
 * plus one `ProductUnit-` event after the fourth case event.
 */
export async function recordScriptedCases(world: ScriptedWorld): Promise<void> {
  const full = caseEvents('full');
  const cancelled = caseEvents('cancelled');
  const remote = caseEvents('remote');
  const held = caseEvents('held');
  const tech1: Actor = { id: 'tech-1', role: 'technician' };
  const script: Array<[string, CaseEvent, Actor?]> = [
    ['full', full.reported(T(2, 1), { model: 'KFR-35GW' })],
    ['cancelled', cancelled.reported(T(2, 2), { priority: 'urgent', region: 'suburban', model: 'XQG-80' })],
    ['full', full.contacted(T(2, 3))],
    ['full', full.contacted(T(2, 4))],
    ['remote', remote.reported(T(2, 5), { region: 'remote', warranty: 'out' })],
    ['full', full.dispatched(T(2, 6))],
    ['cancelled', cancelled.contacted(T(2, 6))],
    ['full', full.arrived(T(2, 7), 'tech-1', 'complex'), tech1],
    ['full', full.onHold(T(2, 8), 'awaiting-parts'), tech1],
    ['full', full.loanerIssued(T(2, 8)), tech1],
    ['cancelled', cancelled.onHold(T(2, 9), 'awaiting-customer')],
    ['remote', remote.contacted(T(2, 9))],
    ['full', full.resumed(T(3, 1), 'awaiting-parts', T(2, 8)), tech1],
    ['remote', remote.repaired(T(3, 2), { mode: 'remote', technicianId: null, coverage: 'chargeable' })],
    ['full', full.repaired(T(3, 3)), tech1],
    ['full', full.complaintFiled(T(3, 4), 'cmp-1')],
    ['cancelled', cancelled.cancelled(T(3, 4)), { id: 'supervisor-1', role: 'supervisor' }],
    ['full', full.rejected(T(3, 5))],
    ['held', held.reported(T(3, 6), { model: 'BCD-470' })],
    ['full', full.dispatched(T(3, 6), 'tech-1', 1)],
    ['held', held.contacted(T(3, 7))],
    ['full', full.arrived(T(4, 1)), tech1],
    ['held', held.dispatched(T(4, 1), 'tech-2')],
    ['full', full.onHold(T(4, 2), 'awaiting-customer'), tech1],
    ['full', full.repaired(T(4, 3), { coverage: 'chargeable' }), tech1],
    ['held', held.arrived(T(4, 3), 'tech-2'), { id: 'tech-2', role: 'technician' }],
    ['full', full.complaintFiled(T(4, 4), 'cmp-2')],
    ['full', full.complaintAcknowledged(T(4, 5), 'cmp-1'), { id: 'supervisor-1', role: 'supervisor' }],
    ['full', full.complaintResolved(T(4, 6), 'cmp-1'), { id: 'supervisor-1', role: 'supervisor' }],
    ['full', full.complaintReopened(T(4, 7), 'cmp-1'), { id: 'supervisor-1', role: 'supervisor' }],
    ['held', held.loanerIssued(T(4, 7)), { id: 'tech-2', role: 'technician' }],
    ['full', full.complaintResolved(T(4, 8), 'cmp-1'), { id: 'supervisor-1', role: 'supervisor' }],
    ['held', held.onHold(T(4, 8), 'awaiting-parts'), { id: 'tech-2', role: 'technician' }],
    ['full', full.progress(T(4, 9))],
    ['full', full.accepted(T(4, 10)), tech1],
    ['remote', remote.accepted(T(4, 10))],
    ['full', full.loanerReturned(T(5, 1))],
    ['full', full.surveyed(T(6, 1))],
  ];
  for (const [i, [caseId, event, actor]] of script.entries()) {
    // A product-unit stream between the cases: not a case, yet the audit trail must hold it.
    if (i === 4) await world.appendRaw('ProductUnit-SN-full', 'UnitRegistered.v1', { serialNumber: 'SN-full', model: 'KFR-35GW' });
    await world.append(caseId, event, actor);
  }
}
