import type { Transaction } from 'kysely';
import type { CaseEvent } from '#casetrail/domain';
import type { ProjectedEvent, Projection } from '../runtime/projection.js';
import { selectIn } from '../store/select-in.js';
import { writeRows } from '../store/write-rows.js';
import { caseRowOf, complaintAcknowledged, complaintFiled, complaintReopened, complaintResolved } from './complaint-rows.js';
import { COMPLAINT_CASES_TABLE, COMPLAINTS_TABLE, complaintsMigrations, type ComplaintCaseRow, type ComplaintRow } from './complaints.tables.js';

const HANDLED = [
  'CaseReported',
  'TechnicianDispatched',
  'ComplaintFiled',
  'ComplaintAcknowledged',
  'ComplaintResolved',
  'ComplaintReopened',
] as const;
type Handled = Extract<CaseEvent, { type: (typeof HANDLED)[number] }>;
const isHandled = (e: CaseEvent | null): e is Handled => e !== null && (HANDLED as readonly string[]).includes(e.type);

/** The rows one batch touches, loaded once, folded in memory, and written once each. */
class ComplaintsBatch {
  readonly changedCases = new Set<string>();
  readonly changedComplaints = new Set<string>();

  constructor(
    readonly cases: Map<string, ComplaintCaseRow>,
    readonly complaints: Map<string, ComplaintRow>,
  ) {}

  apply(event: Handled): void {
    switch (event.type) {
      case 'CaseReported':
        return this.putCase(caseRowOf(event));
      case 'TechnicianDispatched': {
        const row = this.cases.get(event.data.caseId);
        if (row) this.putCase({ ...row, technician_id: event.data.technicianId });
        return;
      }
      case 'ComplaintFiled':
        // A complaint id is filed once; the domain refuses a second filing, so this only guards replays.
        if (this.complaints.has(event.data.complaintId)) return;
        return this.putComplaint(complaintFiled(event, this.cases.get(event.data.caseId)));
      case 'ComplaintAcknowledged':
        return this.update(event.data.complaintId, (row) => complaintAcknowledged(row, event));
      case 'ComplaintResolved':
        return this.update(event.data.complaintId, (row) => complaintResolved(row, event));
      case 'ComplaintReopened':
        return this.update(event.data.complaintId, (row) => complaintReopened(row, event));
      default: {
        const unexpected: never = event;
        return unexpected;
      }
    }
  }

  private putCase(row: ComplaintCaseRow): void {
    this.cases.set(row.case_id, row);
    this.changedCases.add(row.case_id);
  }

  private putComplaint(row: ComplaintRow): void {
    this.complaints.set(row.complaint_id, row);
    this.changedComplaints.add(row.complaint_id);
  }

  private update(complaintId: string, change: (row: ComplaintRow) => ComplaintRow): void {
    const row = this.complaints.get(complaintId);
    if (row) this.putComplaint(change(row));
  }
}

async function loadBatch(trx: Transaction<any>, events: readonly Handled[]): Promise<ComplaintsBatch> {
  const caseIds = [...new Set(events.map((e) => e.data.caseId))];
  const complaintIds = [...new Set(events.flatMap((e) => ('complaintId' in e.data ? [e.data.complaintId] : [])))];
  const cases = await selectIn<ComplaintCaseRow>(trx, COMPLAINT_CASES_TABLE, 'case_id', caseIds);
  const complaints = await selectIn<ComplaintRow>(trx, COMPLAINTS_TABLE, 'complaint_id', complaintIds);
  return new ComplaintsBatch(new Map(cases.map((r) => [r.case_id, r])), new Map(complaints.map((r) => [r.complaint_id, r])));
}

/** Complaints with their case context, and the reported cases that are the complaint rate's denominator. */
export const complaintsProjection: Projection = {
  name: 'complaints',
  tables: [
    { name: COMPLAINTS_TABLE, key: ['complaint_id'] },
    { name: COMPLAINT_CASES_TABLE, key: ['case_id'] },
  ],
  migrations: complaintsMigrations,
  async apply(trx: Transaction<any>, events: readonly ProjectedEvent[]): Promise<void> {
    const handled = events.map((e) => e.caseEvent).filter(isHandled);
    if (handled.length === 0) return;
    const batch = await loadBatch(trx, handled);
    for (const event of handled) batch.apply(event);
    await writeRows(trx, COMPLAINT_CASES_TABLE, ['case_id'], [...batch.changedCases].map((id) => batch.cases.get(id)!));
    await writeRows(trx, COMPLAINTS_TABLE, ['complaint_id'], [...batch.changedComplaints].map((id) => batch.complaints.get(id)!));
  },
};
