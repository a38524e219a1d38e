import type { Transaction } from 'kysely';
import type { CaseEvent, SlaPolicy } from '#casetrail/domain';
import { loadSlaPolicyRegistry, type SlaPolicyRegistry } from '#casetrail/policies';
import { runTimeLimit } from '../query/run-time-limit.js';
import type { Projection, ProjectedEvent } from '../runtime/projection.js';
import { selectIn } from '../store/select-in.js';
import { writeChangedRows, writeRows } from '../store/write-rows.js';
import { eventsForClocks, minimiseEvent, slaRowsOf, triggerFieldsOf } from './sla-rows.js';
import { SLA_CASE_EVENTS_TABLE, SLA_CLOCKS_TABLE, slaMigrations, type SlaCaseEventsRow, type SlaClockRow } from './sla.tables.js';

/** The SLA policy of a version recorded on `CaseReported`; throws for a version it does not know. */
export type SlaPolicyLookup = (version: string) => SlaPolicy;

const CLOCK_KEY = ['case_id', 'clock', 'complaint_id'] as const;
const rowKey = (row: Pick<SlaClockRow, (typeof CLOCK_KEY)[number]>): string => JSON.stringify([row.case_id, row.clock, row.complaint_id]);

async function loadHistories(trx: Transaction<any>, caseIds: readonly string[]): Promise<Map<string, SlaCaseEventsRow>> {
  const rows = await selectIn<SlaCaseEventsRow>(trx, SLA_CASE_EVENTS_TABLE, 'case_id', caseIds);
  return new Map(rows.map((row) => [row.case_id, row]));
}

/** The clock rows stored for these cases, by key. */
async function loadClocks(trx: Transaction<any>, caseIds: readonly string[]): Promise<Map<string, SlaClockRow>> {
  const rows = await selectIn<SlaClockRow>(trx, SLA_CLOCKS_TABLE, 'case_id', caseIds);
  return new Map(rows.map((row) => [rowKey(row), row]));
}

/** A case's kept events after a batch: the stored row, and the same events parsed, under their policy. */
interface KeptHistory {
  readonly row: SlaCaseEventsRow;
  readonly events: readonly CaseEvent[];
  readonly policy: SlaPolicy;
}

/** Cases per transaction when a bulk rebuild writes every case's clocks at the end. */
const FINISH_CHUNK = 2_000;

/**
 * Writes the clocks of these cases as their kept events give them: changed columns only (most
 * events move a clock's `evaluated_at` and `elapsed_seconds` and nothing indexed), and removes the
 * rows of clocks the recomputation no longer produces (e.g. after a policy file was corrected).
 */
async function writeClocks(trx: Transaction<any>, histories: readonly KeptHistory[]): Promise<void> {
  const rows = histories.flatMap((h) => slaRowsOf(h.events, h.policy));
  const keys = rows.map(rowKey);
  const stored = await loadClocks(trx, histories.map((h) => h.row.case_id));
  const produced = new Set(keys);
  for (const [key, row] of stored) {
    if (produced.has(key)) continue;
    await trx.deleteFrom(SLA_CLOCKS_TABLE).where('case_id', '=', row.case_id).where('clock', '=', row.clock).where('complaint_id', '=', row.complaint_id).execute();
  }
  await writeChangedRows(trx, SLA_CLOCKS_TABLE, CLOCK_KEY, rows, (_, i) => stored.get(keys[i]!));
}

/**
 * The SLA projection: keeps each case's minimised events (those its clocks need), and per batch
 * recomputes the clocks of the cases it touched once, at their latest event's business time (never
 * the wall clock), so a re-delivery or a rebuild writes exactly the same rows. A bulk rebuild keeps
 * the events batch by batch and computes each case's clocks once at the end: batch by batch, a case
 * reported early had its clocks recomputed and rewritten at each of its events.
 */
export const createSlaProjection = (policyOf: SlaPolicyLookup): Projection => {
  const triggerFields = new WeakMap<SlaPolicy, Set<string>>();
  const fieldsOf = (policy: SlaPolicy): Set<string> => triggerFields.get(policy) ?? triggerFields.set(policy, triggerFieldsOf(policy)).get(policy)!;

  /** Adds a batch's events to the kept histories of the cases it touches, and returns those histories. */
  const keep = async (trx: Transaction<any>, events: readonly ProjectedEvent[]): Promise<KeptHistory[]> => {
    const fresh = new Map<string, CaseEvent[]>();
    for (const { caseEvent } of events) {
      if (!caseEvent) continue;
      const added = fresh.get(caseEvent.data.caseId);
      if (added) added.push(caseEvent);
      else fresh.set(caseEvent.data.caseId, [caseEvent]);
    }
    if (fresh.size === 0) return [];
    const stored = await loadHistories(trx, [...fresh.keys()]);
    const histories: KeptHistory[] = [];
    for (const [caseId, added] of fresh) {
      const before = stored.get(caseId);
      const first = added[0]!;
      const version = before?.sla_policy ?? (first.type === 'CaseReported' ? first.data.slaPolicy : undefined);
      if (version === undefined) throw new Error(`case ${caseId}: ${first.type} before CaseReported`);
      const policy = policyOf(version);
      const all = eventsForClocks([...(before ? (JSON.parse(before.events) as CaseEvent[]) : []), ...added.map((e) => minimiseEvent(e, fieldsOf(policy)))], policy);
      histories.push({ row: { case_id: caseId, sla_policy: version, events: JSON.stringify(all) }, events: all, policy });
    }
    await writeRows(trx, SLA_CASE_EVENTS_TABLE, ['case_id'], histories.map((h) => h.row));
    return histories;
  };

  return {
    name: 'sla',
    tables: [
      { name: SLA_CLOCKS_TABLE, key: [...CLOCK_KEY] },
      { name: SLA_CASE_EVENTS_TABLE, key: ['case_id'] },
    ],
    migrations: slaMigrations,
    async apply(trx, events: readonly ProjectedEvent[]) {
      await writeClocks(trx, await keep(trx, events));
    },
    bulkRebuild: {
      async apply(trx, events) {
        await keep(trx, events);
      },
      async finish(db) {
        for (let after = ''; ; ) {
          const rows = (await db.selectFrom(SLA_CASE_EVENTS_TABLE).selectAll().where('case_id', '>', after).orderBy('case_id').limit(runTimeLimit(FINISH_CHUNK)).execute()) as SlaCaseEventsRow[];
          if (rows.length === 0) return;
          const histories = rows.map((row) => ({ row, events: JSON.parse(row.events) as CaseEvent[], policy: policyOf(row.sla_policy) }));
          await db.transaction().execute((trx) => writeClocks(trx, histories));
          after = rows[rows.length - 1]!.case_id;
        }
      },
    },
  };
};

/** The registered instance, on the policy files the product ships. */
let shipped: SlaPolicyRegistry | undefined;

/** The shipped policy files, loaded (and validated) on first use, so importing the projection reads nothing. */
export const slaProjection: Projection = createSlaProjection((version) => (shipped ??= loadSlaPolicyRegistry()).get(version));
