import type { Actor, Instant } from '../../shared/primitives.js';
import { DEFAULT_WARRANTY_POLICY } from '../../warranty/warranty-policy.js';
import type * as C from '../commands.js';
import type { DecideContext } from '../decide/decide-context.js';
import type * as E from '../events.js';

/** One place for the test data of service-case specs, so each spec shows only what matters to it. */

export const CASE_ID = 'case-1';
export const TECHNICIAN = 'tech-7';
export const COMPLAINT_ID = 'complaint-1';

const T0 = Date.parse('2026-03-02T01:00:00.000Z');
/** An instant `minutes` after the story's first event (2026-03-02 09:00 in Shanghai). */
export const at = (minutes: number): Instant => new Date(T0 + minutes * 60_000).toISOString();
/** When commands happen by default: after every event of every prepared story. */
export const NOW = at(24 * 60);

export const actors = {
  agent: { id: 'agent-1', role: 'agent' },
  supervisor: { id: 'super-1', role: 'supervisor' },
  assignedTechnician: { id: TECHNICIAN, role: 'technician' },
  otherTechnician: { id: 'tech-9', role: 'technician' },
} as const satisfies Record<string, Actor>;

export const context = (overrides: Partial<DecideContext> = {}): DecideContext => ({
  now: NOW,
  actor: actors.agent,
  warrantyPolicy: DEFAULT_WARRANTY_POLICY,
  unit: null,
  slaPolicy: 'standard-v1',
  ...overrides,
});

// ---- events ------------------------------------------------------------------------------

type Data<T> = T extends { data: infer D } ? D : never;
const event =
  <T extends E.CaseEvent>(type: T['type'], defaults: Omit<Data<T>, 'caseId'>, minutes: number) =>
  (data: Partial<Data<T>> = {}, occurredAt: Instant = at(minutes)): T =>
    ({ type, occurredAt, data: { caseId: CASE_ID, ...defaults, ...data } }) as unknown as T;

export const WARRANTY_IN: E.WarrantyAssessment = {
  status: 'in', basis: 'invoice', startsOn: '2025-06-01', expiresOn: '2026-05-31', months: 12, extensionDays: 0,
};
export const WARRANTY_OUT: E.WarrantyAssessment = { ...WARRANTY_IN, status: 'out', startsOn: '2024-06-01', expiresOn: '2025-05-31' };

export const caseReported = event<E.CaseReported>('CaseReported', {
  customer: { id: 'cust-1', region: 'urban', personal: { name: 'Li Lei', phone: '13800000000', address: '1 Nanjing Rd' } },
  product: { model: 'AC-200', serialNumber: 'SN-1', invoiceDate: '2025-06-01', purchaseDate: null, manufactureDate: null },
  fault: { category: 'hardware', description: 'does not cool' },
  channel: 'hotline',
  priority: 'general',
  warranty: WARRANTY_IN,
  entitlements: [],
  slaPolicy: 'standard-v1',
}, 0);
export const customerContacted = event<E.CustomerContacted>('CustomerContacted', { channel: 'phone', appointmentAt: at(600), note: null }, 10);
export const technicianDispatched = event<E.TechnicianDispatched>(
  'TechnicianDispatched', { technicianId: TECHNICIAN, appointmentAt: null, rework: false, reworkCount: 0 }, 20);
export const technicianArrived = event<E.TechnicianArrived>('TechnicianArrived', { technicianId: TECHNICIAN, complexity: null }, 30);
export const repairCompleted = event<E.RepairCompleted>('RepairCompleted', {
  technicianId: TECHNICIAN, mode: 'on-site', diagnosis: 'compressor relay', actions: 'replaced relay', complexity: null,
  parts: [{ partNumber: 'RL-1', quantity: 1 }], coverage: 'warranty', exclusion: null, charges: null,
}, 40);
export const repairAccepted = event<E.RepairAccepted>('RepairAccepted', { signedBy: 'Li Lei' }, 50);
export const repairRejected = event<E.RepairRejected>('RepairRejected', { reason: 'still warm' }, 50);
export const surveyCompleted = event<E.SurveyCompleted>(
  'SurveyCompleted', { scores: { attitude: 5, quality: 4, responseSpeed: 4, overall: 5 }, channel: 'phone', comment: null }, 60);
export const caseOnHold = event<E.CaseOnHold>('CaseOnHold', { reason: 'awaiting-parts', note: null }, 70);
export const caseResumed = event<E.CaseResumed>('CaseResumed', { reason: 'awaiting-parts', heldSince: at(70) }, 80);
export const caseCancelled = event<E.CaseCancelled>('CaseCancelled', { reason: 'customer-withdrew', note: null }, 70);
export const progressUpdateSent = event<E.ProgressUpdateSent>('ProgressUpdateSent', { kind: 'progress', channel: 'sms', message: 'on our way' }, 70);
export const loanerIssued = event<E.LoanerIssued>('LoanerIssued', { loanerSerial: 'LOAN-1' }, 75);
export const loanerReturned = event<E.LoanerReturned>('LoanerReturned', { loanerSerial: 'LOAN-1' }, 90);
export const complaintFiled = event<E.ComplaintFiled>(
  'ComplaintFiled', { complaintId: COMPLAINT_ID, category: 'service', severity: 'minor', description: 'late' }, 100);
export const complaintAcknowledged = event<E.ComplaintAcknowledged>(
  'ComplaintAcknowledged', { complaintId: COMPLAINT_ID, department: 'service desk' }, 110);
export const complaintResolved = event<E.ComplaintResolved>('ComplaintResolved', { complaintId: COMPLAINT_ID, resolution: 'apologised' }, 120);
export const complaintReopened = event<E.ComplaintReopened>('ComplaintReopened', { complaintId: COMPLAINT_ID, reason: 'not enough' }, 130);

/** Histories that bring a case to each status by the usual road. */
export const story = {
  reported: (): E.CaseEvent[] => [caseReported()],
  contacted: (): E.CaseEvent[] => [...story.reported(), customerContacted()],
  dispatched: (): E.CaseEvent[] => [...story.contacted(), technicianDispatched()],
  onSite: (): E.CaseEvent[] => [...story.dispatched(), technicianArrived()],
  repaired: (): E.CaseEvent[] => [...story.onSite(), repairCompleted()],
  rejected: (): E.CaseEvent[] => [...story.repaired(), repairRejected()],
  accepted: (): E.CaseEvent[] => [...story.repaired(), repairAccepted()],
  surveyed: (): E.CaseEvent[] => [...story.accepted(), surveyCompleted()],
  cancelled: (): E.CaseEvent[] => [...story.contacted(), caseCancelled()],
};

// ---- commands ----------------------------------------------------------------------------

const command =
  <T extends C.CaseCommand>(type: T['type'], defaults: Data<T>) =>
  (data: Partial<Data<T>> = {}, occurredAt: Instant = NOW): T =>
    ({ type, caseId: CASE_ID, occurredAt, data: { ...defaults, ...data } }) as unknown as T;

export const REPORT_DATA: Data<C.ReportCase> = {
  customer: { id: 'cust-1', name: 'Li Lei', phone: '13800000000', address: '1 Nanjing Rd', region: 'urban' },
  product: { model: 'AC-200', serialNumber: 'SN-1', invoiceDate: '2025-06-01', purchaseDate: null, manufactureDate: null },
  fault: { category: 'hardware', description: 'does not cool' },
  channel: 'hotline',
  priority: 'general',
};
export const CHARGES = {
  parts: { amount: '80.00', currency: 'CNY' },
  labor: { amount: '50.00', currency: 'CNY' },
  travel: { amount: '20.00', currency: 'CNY' },
};

export const reportCase = command<C.ReportCase>('ReportCase', REPORT_DATA);
export const contactCustomer = command<C.ContactCustomer>('ContactCustomer', { channel: 'phone', appointmentAt: null, note: null });
export const dispatchTechnician = command<C.DispatchTechnician>('DispatchTechnician', { technicianId: TECHNICIAN, appointmentAt: null });
export const recordArrival = command<C.RecordArrival>('RecordArrival', { complexity: null });
export const putOnHold = command<C.PutOnHold>('PutOnHold', { reason: 'awaiting-parts', note: null });
export const resumeCase = command<C.ResumeCase>('ResumeCase', {});
export const completeRepair = command<C.CompleteRepair>('CompleteRepair', {
  mode: 'on-site', diagnosis: 'compressor relay', actions: 'replaced relay', complexity: null,
  parts: [{ partNumber: 'RL-1', quantity: 1 }], coverage: 'warranty', exclusion: null, charges: null,
});
export const acceptRepair = command<C.AcceptRepair>('AcceptRepair', { signedBy: 'Li Lei' });
export const rejectRepair = command<C.RejectRepair>('RejectRepair', { reason: 'still warm' });
export const recordSurvey = command<C.RecordSurvey>('RecordSurvey', {
  scores: { attitude: 5, quality: 4, responseSpeed: 4, overall: 5 }, channel: 'phone', comment: null,
});
export const sendProgressUpdate = command<C.SendProgressUpdate>('SendProgressUpdate', { kind: 'progress', channel: 'sms', message: 'on our way' });
export const issueLoaner = command<C.IssueLoaner>('IssueLoaner', { loanerSerial: 'LOAN-1' });
export const returnLoaner = command<C.ReturnLoaner>('ReturnLoaner', {});
export const cancelCase = command<C.CancelCase>('CancelCase', { reason: 'customer-withdrew', note: null });
export const fileComplaint = command<C.FileComplaint>('FileComplaint', {
  complaintId: COMPLAINT_ID, category: 'service', severity: 'minor', description: 'late',
});
export const acknowledgeComplaint = command<C.AcknowledgeComplaint>('AcknowledgeComplaint', { complaintId: COMPLAINT_ID, department: 'service desk' });
export const resolveComplaint = command<C.ResolveComplaint>('ResolveComplaint', { complaintId: COMPLAINT_ID, resolution: 'apologised' });
export const reopenComplaint = command<C.ReopenComplaint>('ReopenComplaint', { complaintId: COMPLAINT_ID, reason: 'not enough' });
