import type { ExpressionBuilder } from 'kysely';
import { byKey, countOf, numberOrNull, ratioOrNull, rounded } from '../complaints/aggregate-values.js';
import type { AnalyticsWindow } from '../complaints/complaints.queries.js';
import { groupKey } from '../query/group-key.js';
import type { ReadModelDb } from '../store/read-model-database.js';
import { SATISFACTION_REPAIRS_TABLE, SATISFACTION_SURVEYS_TABLE } from './satisfaction.tables.js';

export const SATISFACTION_GROUP_BYS = ['technicianId', 'month', 'region'] as const;
export type SatisfactionGroupBy = (typeof SATISFACTION_GROUP_BYS)[number];

/** DESIGN §1: ≥ 90 % satisfied; 98 % for an "excellent" service unit; return visits for ≥ 25 % of repairs. */
export const SATISFACTION_TARGETS = { satisfiedShare: 0.9, excellentSatisfiedShare: 0.98, returnVisitRate: 0.25 } as const;

const GROUP_COLUMN: Record<SatisfactionGroupBy, string> = { technicianId: 'technician_id', month: 'month', region: 'region' };

export interface SatisfactionFigures {
  readonly surveys: number;
  readonly satisfied: number;
  readonly satisfiedShare: number | null;
  readonly meetsTarget: boolean | null;
  readonly meetsExcellent: boolean | null;
  readonly averageScores: { attitude: number | null; quality: number | null; responseSpeed: number | null; overall: number | null };
  readonly repaired: number;
  readonly surveyedOfRepaired: number;
  readonly returnVisitRate: number | null;
  readonly meetsReturnVisitTarget: boolean | null;
}

export interface SatisfactionGroup extends SatisfactionFigures {
  readonly key: string | null;
}

export interface SatisfactionSummary {
  readonly groupBy: SatisfactionGroupBy;
  readonly from: string | null;
  readonly to: string | null;
  readonly targets: typeof SATISFACTION_TARGETS;
  readonly groups: readonly SatisfactionGroup[];
  readonly totals: SatisfactionFigures;
}

type Aggregates = Record<string, unknown>;

const inWindow = (eb: ExpressionBuilder<any, any>, column: string, window: AnalyticsWindow) =>
  eb.and([...(window.from ? [eb(column, '>=', window.from)] : []), ...(window.to ? [eb(column, '<', window.to)] : [])]);

const surveyAggregates = (db: ReadModelDb, window: AnalyticsWindow) =>
  db
    .selectFrom(SATISFACTION_SURVEYS_TABLE)
    .where((eb) => inWindow(eb, 'surveyed_at', window))
    .select((eb) => [
      eb.fn.countAll().as('surveys'),
      eb.fn.sum('satisfied').as('satisfied'),
      eb.fn.avg('attitude').as('attitude'),
      eb.fn.avg('quality').as('quality'),
      eb.fn.avg('response_speed').as('response_speed'),
      eb.fn.avg('overall').as('overall'),
    ]);

const repairAggregates = (db: ReadModelDb, window: AnalyticsWindow) =>
  db
    .selectFrom(SATISFACTION_REPAIRS_TABLE)
    .where((eb) => inWindow(eb, 'repaired_at', window))
    .select((eb) => [eb.fn.countAll().as('repaired'), eb.fn.sum('surveyed').as('surveyed')]);

const atLeast = (share: number | null, target: number): boolean | null => (share === null ? null : share >= target);
const score = (value: unknown): number | null => rounded(numberOrNull(value), 2);

function figures(survey: Aggregates | undefined, repair: Aggregates | undefined): SatisfactionFigures {
  const surveys = countOf(survey?.['surveys']);
  const satisfied = countOf(survey?.['satisfied']);
  const repaired = countOf(repair?.['repaired']);
  const surveyedOfRepaired = countOf(repair?.['surveyed']);
  const share = ratioOrNull(satisfied, surveys);
  const returnVisitRate = ratioOrNull(surveyedOfRepaired, repaired);
  return {
    surveys,
    satisfied,
    satisfiedShare: rounded(share, 4),
    meetsTarget: atLeast(share, SATISFACTION_TARGETS.satisfiedShare),
    meetsExcellent: atLeast(share, SATISFACTION_TARGETS.excellentSatisfiedShare),
    averageScores: {
      attitude: score(survey?.['attitude']),
      quality: score(survey?.['quality']),
      responseSpeed: score(survey?.['response_speed']),
      overall: score(survey?.['overall']),
    },
    repaired,
    surveyedOfRepaired,
    returnVisitRate: rounded(returnVisitRate, 4),
    meetsReturnVisitTarget: atLeast(returnVisitRate, SATISFACTION_TARGETS.returnVisitRate),
  };
}

const keyed = (rows: readonly Aggregates[]): Map<string | null, Aggregates> => new Map(rows.map((r) => [(r['key'] as string | null) ?? null, r]));

/**
 * Survey figures over the surveys taken in the window; the return-visit rate over the cases first
 * repaired in the window (surveyed whenever since), so a month's rate is "of this month's repairs".
 */
export async function summarizeSatisfaction(db: ReadModelDb, groupBy: SatisfactionGroupBy, window: AnalyticsWindow): Promise<SatisfactionSummary> {
  const column = GROUP_COLUMN[groupBy];
  const [surveyGroups, repairGroups, surveyTotal, repairTotal] = await Promise.all([
    surveyAggregates(db, window).select(groupKey(column).as('key')).groupBy(groupKey(column)).execute(),
    repairAggregates(db, window).select(groupKey(column).as('key')).groupBy(groupKey(column)).execute(),
    surveyAggregates(db, window).executeTakeFirst(),
    repairAggregates(db, window).executeTakeFirst(),
  ]);
  const surveysByKey = keyed(surveyGroups);
  const repairsByKey = keyed(repairGroups);
  const keys = new Set([...surveysByKey.keys(), ...repairsByKey.keys()]);
  const groups = [...keys].map((key) => ({ key, ...figures(surveysByKey.get(key), repairsByKey.get(key)) })).sort(byKey);
  return { groupBy, from: window.from ?? null, to: window.to ?? null, targets: SATISFACTION_TARGETS, groups, totals: figures(surveyTotal, repairTotal) };
}
