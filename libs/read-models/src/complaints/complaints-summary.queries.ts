import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { sql } from '../store/kysely-runtime.js';
import { groupKey } from '../query/group-key.js';
import type { ReadModelDb } from '../store/read-model-database.js';
import { byKey, countOf, numberOrNull, ratioOrNull, rounded } from './aggregate-values.js';
import type { AnalyticsWindow } from './complaints.queries.js';
import { COMPLAINT_CASES_TABLE, COMPLAINTS_TABLE } from './complaints.tables.js';

export const COMPLAINT_GROUP_BYS = ['category', 'severity', 'department', 'productModel', 'month'] as const;
export type ComplaintGroupBy = (typeof COMPLAINT_GROUP_BYS)[number];

/** The complaint-result feedback promise: within 3 days of filing (DESIGN §1), counted as calendar hours. */
export const COMPLAINT_RESOLUTION_TARGET_HOURS = 72;

const GROUP_COLUMN: Record<ComplaintGroupBy, string> = {
  category: 'category',
  severity: 'severity',
  department: 'department',
  productModel: 'product_model',
  month: 'month',
};

/** Cases have a model and a month of their own; category, severity and department share all the window's cases. */
const CASE_GROUP_COLUMN: Partial<Record<ComplaintGroupBy, string>> = { productModel: 'product_model', month: 'month' };

export interface ComplaintFigures {
  readonly filed: number;
  readonly open: number;
  readonly resolved: number;
  /** Complaints reopened at least once. */
  readonly reopened: number;
  readonly averageResolutionHours: number | null;
  readonly maxResolutionHours: number | null;
  readonly resolvedWithinTarget: number;
  /** Cases reported in the same window (of the group's model or month where it has one). */
  readonly cases: number;
  readonly complaintRatePer1000Cases: number | null;
}

export interface ComplaintGroup extends ComplaintFigures {
  /** Null for complaints not yet given a department (or, rarely, a case without a model). */
  readonly key: string | null;
}

export interface ComplaintSummary {
  readonly groupBy: ComplaintGroupBy;
  readonly from: string | null;
  readonly to: string | null;
  readonly groups: readonly ComplaintGroup[];
  readonly totals: ComplaintFigures;
}

type Aggregates = Record<string, unknown>;

const within = <Q extends SelectQueryBuilder<any, any, any>>(query: Q, column: string, window: AnalyticsWindow): Q => {
  let q = query;
  if (window.from) q = q.where(column, '>=', window.from) as Q;
  if (window.to) q = q.where(column, '<', window.to) as Q;
  return q;
};

/** Literals, not parameters: PostgreSQL types a CASE of bare parameters as text, and sum(text) fails. */
const oneWhen = (eb: ExpressionBuilder<any, any>, condition: ReturnType<ExpressionBuilder<any, any>['eb']>) =>
  eb.fn.sum(eb.case().when(condition).then(eb.lit(1)).else(eb.lit(0)).end());

const complaintAggregates = (db: ReadModelDb, window: AnalyticsWindow) =>
  within(
    db.selectFrom(COMPLAINTS_TABLE).select((eb) => [
      eb.fn.countAll().as('filed'),
      oneWhen(eb, eb('status', '!=', 'resolved')).as('open'),
      oneWhen(eb, eb('status', '=', 'resolved')).as('resolved'),
      oneWhen(eb, eb('reopen_count', '>', 0)).as('reopened'),
      eb.fn.avg('resolution_hours').as('average_hours'),
      eb.fn.max('resolution_hours').as('max_hours'),
      oneWhen(eb, eb('resolution_hours', '<=', COMPLAINT_RESOLUTION_TARGET_HOURS)).as('within_target'),
    ]),
    'filed_at',
    window,
  );

const caseCounts = (db: ReadModelDb, window: AnalyticsWindow) =>
  within(db.selectFrom(COMPLAINT_CASES_TABLE).select((eb) => eb.fn.countAll().as('cases')), 'reported_at', window);

const figures = (row: Aggregates | undefined, cases: number): ComplaintFigures => {
  const filed = countOf(row?.['filed']);
  const rate = ratioOrNull(filed * 1000, cases);
  return {
    filed,
    open: countOf(row?.['open']),
    resolved: countOf(row?.['resolved']),
    reopened: countOf(row?.['reopened']),
    averageResolutionHours: rounded(numberOrNull(row?.['average_hours']), 2),
    maxResolutionHours: rounded(numberOrNull(row?.['max_hours']), 2),
    resolvedWithinTarget: countOf(row?.['within_target']),
    cases,
    complaintRatePer1000Cases: rounded(rate, 2),
  };
};

/** Complaint counts, resolution times and rates per 1,000 reported cases, grouped, over complaints filed in the window. */
export async function summarizeComplaints(db: ReadModelDb, groupBy: ComplaintGroupBy, window: AnalyticsWindow): Promise<ComplaintSummary> {
  const column = GROUP_COLUMN[groupBy];
  const caseColumn = CASE_GROUP_COLUMN[groupBy];
  const [grouped, total, totalCases, groupedCases] = await Promise.all([
    complaintAggregates(db, window).select(groupKey(column).as('key')).groupBy(groupKey(column)).execute(),
    complaintAggregates(db, window).executeTakeFirst(),
    caseCounts(db, window).executeTakeFirst(),
    // The bare column here: SQLite counts the cases from a covering index alone (see groupKey).
    caseColumn ? caseCounts(db, window).select(sql.ref(caseColumn).as('key')).groupBy(caseColumn).execute() : Promise.resolve([]),
  ]);
  const allCases = countOf(totalCases?.['cases']);
  const byGroup = new Map<string | null, Aggregates>(grouped.map((r: Aggregates) => [(r['key'] as string | null) ?? null, r]));
  const casesByGroup = new Map<string | null, number>(groupedCases.map((r: Aggregates) => [(r['key'] as string | null) ?? null, countOf(r['cases'])]));
  // A model or month with cases but no complaint is a group too: its rate is 0, which is news.
  const keys = new Set([...byGroup.keys(), ...casesByGroup.keys()]);
  const groups = [...keys]
    .map((key) => ({ key, ...figures(byGroup.get(key), caseColumn ? (casesByGroup.get(key) ?? 0) : allCases) }))
    .sort(byKey);
  return { groupBy, from: window.from ?? null, to: window.to ?? null, groups, totals: figures(total, allCases) };
}
