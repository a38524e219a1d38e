import type { ComplaintCategory, ComplaintSeverity, ComplaintStatus, Priority, RegionClass } from '#casetrail/domain';
import { keysetPage, type Page } from '../query/pagination.js';
import type { ReadModelDb } from '../store/read-model-database.js';
import { COMPLAINTS_TABLE, type ComplaintRow } from './complaints.tables.js';

/** Instants as UTC ISO text: `from` inclusive, `to` exclusive. */
export interface AnalyticsWindow {
  readonly from?: string;
  readonly to?: string;
}

export interface ComplaintFilter extends AnalyticsWindow {
  readonly caseId?: string;
  readonly category?: ComplaintCategory;
  readonly severity?: ComplaintSeverity;
  readonly status?: ComplaintStatus;
  readonly department?: string;
  readonly productModel?: string;
}

/** A complaint as the API shows it: no free text, no personal data. */
export interface ComplaintView {
  readonly complaintId: string;
  readonly caseId: string;
  readonly category: ComplaintCategory;
  readonly severity: ComplaintSeverity;
  readonly department: string | null;
  readonly status: ComplaintStatus;
  readonly filedAt: string;
  readonly acknowledgedAt: string | null;
  readonly resolvedAt: string | null;
  readonly reopenCount: number;
  readonly resolutionHours: number | null;
  readonly month: string;
  readonly productModel: string | null;
  readonly region: RegionClass | null;
  readonly priority: Priority | null;
  readonly technicianId: string | null;
}

export const COMPLAINT_CSV_COLUMNS: readonly (keyof ComplaintView)[] = [
  'complaintId', 'caseId', 'category', 'severity', 'department', 'status', 'filedAt', 'acknowledgedAt', 'resolvedAt',
  'reopenCount', 'resolutionHours', 'month', 'productModel', 'region', 'priority', 'technicianId',
];

const toView = (r: ComplaintRow): ComplaintView => ({
  complaintId: r.complaint_id,
  caseId: r.case_id,
  category: r.category,
  severity: r.severity,
  department: r.department,
  status: r.status,
  filedAt: r.filed_at,
  acknowledgedAt: r.acknowledged_at,
  resolvedAt: r.resolved_at,
  reopenCount: Number(r.reopen_count),
  resolutionHours: r.resolution_hours === null ? null : Number(r.resolution_hours),
  month: r.month,
  productModel: r.product_model,
  region: r.region,
  priority: r.priority,
  technicianId: r.technician_id,
});

/** Complaints newest first, paged on (filed_at, complaint_id). */
export async function listComplaints(db: ReadModelDb, filter: ComplaintFilter, cursor: string | undefined, limit: number): Promise<Page<ComplaintView>> {
  const equals: [keyof ComplaintRow, string | undefined][] = [
    ['case_id', filter.caseId],
    ['category', filter.category],
    ['severity', filter.severity],
    ['status', filter.status],
    ['department', filter.department],
    ['product_model', filter.productModel],
  ];
  let query = db.selectFrom(COMPLAINTS_TABLE).selectAll();
  for (const [column, value] of equals) if (value !== undefined) query = query.where(column, '=', value);
  if (filter.from) query = query.where('filed_at', '>=', filter.from);
  if (filter.to) query = query.where('filed_at', '<', filter.to);
  const page = await keysetPage(query, ['filed_at', 'complaint_id'], 'desc', cursor, limit);
  return { items: (page.items as ComplaintRow[]).map(toView), nextCursor: page.nextCursor };
}
