import { type CaseStatus, type Priority, type RegionClass } from '#casetrail/domain';
import type { ReadModelDb } from '../store/read-model-database.js';
import { keysetPage, type Page } from '../query/pagination.js';
import { CASE_SUMMARY_TABLE, type CaseSummaryRow } from './case-summary.tables.js';

export interface CaseListFilter {
  readonly status?: CaseStatus;
  readonly priority?: Priority;
  readonly region?: RegionClass;
  readonly technicianId?: string;
  readonly productModel?: string;
  /** Inclusive lower bound on `reportedAt` (ISO-8601 UTC). */
  readonly from?: string;
  /** Exclusive upper bound on `reportedAt` (ISO-8601 UTC). */
  readonly to?: string;
}

/** A case-summary row as the API shows it: camelCase, flags as booleans. */
export interface CaseSummaryItem {
  readonly caseId: string;
  readonly status: CaseStatus;
  readonly priority: Priority;
  readonly region: RegionClass;
  readonly customerId: string;
  readonly productModel: string;
  readonly serialNumber: string;
  readonly faultCategory: string;
  readonly channel: string;
  readonly technicianId: string | null;
  readonly complexity: string | null;
  readonly reworkCount: number;
  readonly onHold: boolean;
  readonly holdReason: string | null;
  readonly openComplaints: number;
  readonly complaintsTotal: number;
  readonly warrantyStatus: 'in' | 'out';
  readonly coverage: string | null;
  readonly loanerOut: boolean;
  readonly reportedAt: string;
  readonly contactedAt: string | null;
  readonly dispatchedAt: string | null;
  readonly arrivedAt: string | null;
  readonly repairedAt: string | null;
  readonly acceptedAt: string | null;
  readonly surveyedAt: string | null;
  readonly cancelledAt: string | null;
  readonly lastEventAt: string;
  readonly revision: number;
  readonly position: number;
}

const camel = (column: string): string => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export const toCaseSummaryItem = (row: CaseSummaryRow): CaseSummaryItem => {
  const item = Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v])) as Record<string, unknown>;
  // PostgreSQL hands bigint back as a string.
  const numbers = { revision: Number(row.revision), position: Number(row.position) };
  return { ...item, ...numbers, onHold: row.on_hold === 1, loanerOut: row.loaner_out === 1 } as CaseSummaryItem;
};

/** Columns of the CSV export, in the order of the JSON items. */
export const CASE_SUMMARY_CSV_COLUMNS: readonly (keyof CaseSummaryItem)[] = [
  'caseId', 'status', 'priority', 'region', 'customerId', 'productModel', 'serialNumber', 'faultCategory', 'channel',
  'technicianId', 'complexity', 'reworkCount', 'onHold', 'holdReason', 'openComplaints', 'complaintsTotal', 'warrantyStatus',
  'coverage', 'loanerOut', 'reportedAt', 'contactedAt', 'dispatchedAt', 'arrivedAt', 'repairedAt', 'acceptedAt', 'surveyedAt',
  'cancelledAt', 'lastEventAt', 'revision', 'position',
];

/** Cases newest first (by `reportedAt`, then id), keyset-paged so pages stay stable as cases are added. */
export async function listCaseSummaries(
  db: ReadModelDb,
  filter: CaseListFilter,
  cursor: string | undefined,
  limit: number,
): Promise<Page<CaseSummaryItem>> {
  let query = db.selectFrom(CASE_SUMMARY_TABLE).selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.priority) query = query.where('priority', '=', filter.priority);
  if (filter.region) query = query.where('region', '=', filter.region);
  if (filter.technicianId) query = query.where('technician_id', '=', filter.technicianId);
  if (filter.productModel) query = query.where('product_model', '=', filter.productModel);
  if (filter.from) query = query.where('reported_at', '>=', filter.from);
  if (filter.to) query = query.where('reported_at', '<', filter.to);
  const page = await keysetPage<CaseSummaryRow & Record<string, unknown>>(query as never, ['reported_at', 'case_id'], 'desc', cursor, limit);
  return { items: page.items.map(toCaseSummaryItem), nextCursor: page.nextCursor };
}
