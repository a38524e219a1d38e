import type { SelectQueryBuilder } from 'kysely';
import { DomainError, type Priority, type RegionClass, type SlaClockState, type SlaUnit } from '#casetrail/domain';
import { keysetPage, MAX_LIMIT, type Page } from '../query/pagination.js';
import type { ReadModelDb } from '../store/read-model-database.js';
import { stateAt, STORED_STATES_FOR } from './sla-state.sql.js';
import { SLA_CLOCKS_TABLE, type SlaClockRow } from './sla.tables.js';

/** Filters shared by the clock list and the summary; `from`/`to` bound `startedAt` ([from, to)). */
export interface SlaClockFilter {
  readonly caseId?: string;
  readonly clock?: string;
  /** The state at `now`. */
  readonly state?: SlaClockState;
  readonly region?: RegionClass;
  readonly priority?: Priority;
  readonly technicianId?: string;
  readonly from?: string;
  readonly to?: string;
}

/** A clock as the API lists it (DESIGN §7), plus the case context it is grouped by. */
export interface SlaClockItem {
  readonly caseId: string;
  readonly clock: string;
  readonly complaintId?: string;
  readonly state: SlaClockState;
  readonly startedAt: string;
  readonly stoppedAt: string | null;
  readonly dueAt: string | null;
  readonly atRiskAt: string | null;
  readonly target: { readonly value: number; readonly unit: SlaUnit };
  readonly bestEffort: boolean;
  readonly pausedSeconds: number;
  readonly elapsedSeconds: number;
  /** The instant `pausedSeconds` and `elapsedSeconds` were computed at: the case's latest event. */
  readonly evaluatedAt: string;
  readonly priority: Priority;
  readonly region: RegionClass;
  readonly technicianId: string | null;
  readonly productModel: string;
}

export const SLA_CLOCK_CSV_COLUMNS: readonly string[] = [
  'caseId', 'clock', 'complaintId', 'state', 'startedAt', 'stoppedAt', 'dueAt', 'atRiskAt', 'target.value', 'target.unit', 'bestEffort',
  'pausedSeconds', 'elapsedSeconds', 'evaluatedAt', 'priority', 'region', 'technicianId', 'productModel',
];

type Row = SlaClockRow & { current_state: SlaClockState };

const toItem = (row: Row): SlaClockItem => ({
  caseId: row.case_id,
  clock: row.clock,
  ...(row.complaint_id === '' ? {} : { complaintId: row.complaint_id }),
  state: row.current_state,
  startedAt: row.started_at,
  stoppedAt: row.stopped_at,
  dueAt: row.due_at,
  atRiskAt: row.at_risk_at,
  target: { value: Number(row.target_value), unit: row.target_unit },
  bestEffort: Number(row.best_effort) === 1,
  pausedSeconds: Number(row.paused_seconds),
  elapsedSeconds: Number(row.elapsed_seconds),
  evaluatedAt: row.evaluated_at,
  priority: row.priority,
  region: row.region,
  technicianId: row.technician_id,
  productModel: row.product_model,
});

/** Applies the filters to a query over `sla_clocks`; `now` resolves the time-dependent states. */
export function whereSlaFilter<Q extends SelectQueryBuilder<any, any, any>>(query: Q, filter: SlaClockFilter, now: string): Q {
  let q = query as SelectQueryBuilder<any, any, any>;
  const equal: Array<[string, string | undefined]> = [
    ['case_id', filter.caseId],
    ['clock', filter.clock],
    ['region', filter.region],
    ['priority', filter.priority],
    ['technician_id', filter.technicianId],
  ];
  for (const [column, value] of equal) if (value !== undefined) q = q.where(column, '=', value);
  if (filter.from !== undefined) q = q.where('started_at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('started_at', '<', filter.to);
  if (filter.state !== undefined) q = q.where('state', 'in', [...STORED_STATES_FOR[filter.state]]).where(stateAt(now), '=', filter.state);
  return q as Q;
}

/** SLA clocks newest first (by `startedAt`, then case, clock, complaint), keyset-paged; states as at `now`. */
export async function listSlaClocks(db: ReadModelDb, filter: SlaClockFilter, now: string, cursor: string | undefined, limit: number): Promise<Page<SlaClockItem>> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new DomainError('REQUEST.INVALID', 'invalid', 'The query is invalid', { errors: [{ field: 'limit', message: `must be a whole number from 1 to ${MAX_LIMIT}` }] });
  }
  const query = whereSlaFilter(db.selectFrom(SLA_CLOCKS_TABLE).selectAll().select(stateAt(now).as('current_state')), filter, now);
  const page = await keysetPage(query, ['started_at', 'case_id', 'clock', 'complaint_id'], 'desc', cursor, limit);
  return { items: page.items.map((row) => toItem(row as Row)), nextCursor: page.nextCursor };
}
