import type { CaseEvent, CaseReported, CaseStatus } from '#casetrail/domain';
import type { RecordedEvent } from '#casetrail/event-store';
import type { CaseSummaryRow } from './case-summary.tables.js';

type Row = CaseSummaryRow;
/** Where in the log the event sits: the row remembers the latest it applied. */
type Recorded = Pick<RecordedEvent, 'revision' | 'position'>;

/** Statuses in which a hold can start, as the domain's `evolve` allows (DESIGN §3). */
const HOLDABLE: readonly CaseStatus[] = ['reported', 'contacted', 'dispatched', 'on-site', 'rejected'];
const CANCELLABLE_NOT: readonly CaseStatus[] = ['accepted', 'surveyed', 'cancelled'];

const reported = ({ data, occurredAt }: CaseReported, at: Recorded): Row => ({
  case_id: data.caseId,
  status: 'reported',
  priority: data.priority,
  region: data.customer.region,
  // Only the customer's id: name, phone and address never reach a read model (analysts, erasure).
  customer_id: data.customer.id,
  product_model: data.product.model,
  serial_number: data.product.serialNumber,
  fault_category: data.fault.category,
  channel: data.channel,
  technician_id: null,
  complexity: null,
  rework_count: 0,
  on_hold: 0,
  hold_reason: null,
  open_complaints: 0,
  complaints_total: 0,
  warranty_status: data.warranty.status,
  coverage: null,
  loaner_out: 0,
  reported_at: occurredAt,
  contacted_at: null,
  dispatched_at: null,
  arrived_at: null,
  repaired_at: null,
  accepted_at: null,
  surveyed_at: null,
  cancelled_at: null,
  last_event_at: occurredAt,
  revision: at.revision,
  position: at.position,
});

/** The changes one event makes, mirroring the domain's `evolve` guards so the row agrees with `GET /v1/cases/{id}`. */
function changes(row: Row, event: CaseEvent): Partial<Row> {
  const at = event.occurredAt;
  const from = (...statuses: CaseStatus[]) => statuses.includes(row.status);
  switch (event.type) {
    case 'CaseReported':
    case 'ProgressUpdateSent':
    case 'ComplaintAcknowledged':
      return {};
    case 'CustomerContacted':
      return from('reported', 'contacted') ? { status: 'contacted', contacted_at: row.contacted_at ?? at } : {};
    case 'TechnicianDispatched':
      return from('contacted', 'rejected')
        ? { status: 'dispatched', technician_id: event.data.technicianId, rework_count: event.data.reworkCount, dispatched_at: at }
        : {};
    case 'TechnicianArrived':
      return from('dispatched')
        ? {
            status: 'on-site',
            technician_id: event.data.technicianId,
            complexity: event.data.complexity ?? row.complexity,
            arrived_at: row.arrived_at ?? at,
          }
        : {};
    case 'CaseOnHold':
      return HOLDABLE.includes(row.status) ? { on_hold: 1, hold_reason: event.data.reason } : {};
    case 'CaseResumed':
      return { on_hold: 0, hold_reason: null };
    case 'RepairCompleted':
      return from('contacted', 'dispatched', 'on-site')
        ? {
            status: 'repaired',
            on_hold: 0,
            hold_reason: null,
            complexity: event.data.complexity ?? row.complexity,
            coverage: event.data.coverage,
            repaired_at: at,
          }
        : {};
    case 'RepairAccepted':
      return from('repaired') ? { status: 'accepted', accepted_at: at } : {};
    case 'RepairRejected':
      return from('repaired') ? { status: 'rejected' } : {};
    case 'SurveyCompleted':
      return from('accepted') ? { status: 'surveyed', surveyed_at: at } : {};
    case 'CaseCancelled':
      return CANCELLABLE_NOT.includes(row.status) ? {} : { status: 'cancelled', on_hold: 0, hold_reason: null, cancelled_at: at };
    case 'LoanerIssued':
      return { loaner_out: 1 };
    case 'LoanerReturned':
      return { loaner_out: 0 };
    // Complaint ids are unique per case and their lifecycle is enforced by `decide`, so counters suffice.
    case 'ComplaintFiled':
      return { open_complaints: row.open_complaints + 1, complaints_total: row.complaints_total + 1 };
    case 'ComplaintResolved':
      return { open_complaints: Math.max(0, row.open_complaints - 1) };
    case 'ComplaintReopened':
      return { open_complaints: row.open_complaints + 1 };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

/**
 * Folds one case event into the case's summary row. Pure: the same events always give the same
 * row, so a rebuild equals the live table. An event at or before the row's position was already
 * applied and changes nothing; a case event before its `CaseReported` means a broken log, and the
 * projection stops loudly rather than invent a row.
 */
export function evolveCaseSummary(row: Row | undefined, event: CaseEvent, recorded: Recorded): Row {
  if (row === undefined) {
    if (event.type === 'CaseReported') return reported(event, recorded);
    throw new Error(`Case ${event.data.caseId}: ${event.type} at position ${recorded.position} precedes CaseReported`);
  }
  if (recorded.position <= row.position) return row;
  return { ...row, ...changes(row, event), last_event_at: event.occurredAt, revision: recorded.revision, position: recorded.position };
}
