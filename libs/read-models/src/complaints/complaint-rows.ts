import type { CaseReported, ComplaintAcknowledged, ComplaintFiled, ComplaintReopened, ComplaintResolved } from '#casetrail/domain';
import type { ComplaintCaseRow, ComplaintRow } from './complaints.tables.js';
import { serviceMonthOf, utcInstant } from '../shared/service-month.js';

/**
 * Pure row functions of the complaints read model. The status guards mirror the domain's own
 * complaint lifecycle (filed → acknowledged → resolved → reopened to acknowledged), so the rows
 * always say what the case stream says.
 */

const HOUR_MS = 3_600_000;

export const caseRowOf = (event: CaseReported): ComplaintCaseRow => ({
  case_id: event.data.caseId,
  product_model: event.data.product.model,
  region: event.data.customer.region,
  priority: event.data.priority,
  technician_id: null,
  reported_at: utcInstant(event.occurredAt),
  month: serviceMonthOf(event.occurredAt),
});

const withCaseContext = (row: ComplaintRow, context: ComplaintCaseRow | undefined): ComplaintRow => ({
  ...row,
  product_model: context?.product_model ?? null,
  region: context?.region ?? null,
  priority: context?.priority ?? null,
  technician_id: context?.technician_id ?? null,
});

export const complaintFiled = (event: ComplaintFiled, context: ComplaintCaseRow | undefined): ComplaintRow =>
  withCaseContext(
    {
      complaint_id: event.data.complaintId,
      case_id: event.data.caseId,
      category: event.data.category,
      severity: event.data.severity,
      department: null,
      status: 'filed',
      filed_at: utcInstant(event.occurredAt),
      acknowledged_at: null,
      resolved_at: null,
      reopen_count: 0,
      resolution_hours: null,
      month: serviceMonthOf(event.occurredAt),
      product_model: null,
      region: null,
      priority: null,
      technician_id: null,
    },
    context,
  );

export const complaintAcknowledged = (row: ComplaintRow, event: ComplaintAcknowledged): ComplaintRow =>
  row.status !== 'filed' ? row : { ...row, status: 'acknowledged', department: event.data.department, acknowledged_at: utcInstant(event.occurredAt) };

export const complaintResolved = (row: ComplaintRow, event: ComplaintResolved): ComplaintRow => {
  if (row.status !== 'acknowledged') return row;
  const resolvedAt = utcInstant(event.occurredAt);
  return { ...row, status: 'resolved', resolved_at: resolvedAt, resolution_hours: (Date.parse(resolvedAt) - Date.parse(row.filed_at)) / HOUR_MS };
};

export const complaintReopened = (row: ComplaintRow, _event: ComplaintReopened): ComplaintRow =>
  row.status !== 'resolved' ? row : { ...row, status: 'acknowledged', resolved_at: null, resolution_hours: null, reopen_count: row.reopen_count + 1 };
