import type { CaseEvent, CaseEventType, CaseReported } from '#casetrail/domain';

type SampleOf = { readonly [K in CaseEventType]: Extract<CaseEvent, { type: K }> };

const caseId = 'case-0001';
const at = '2026-03-02T09:30:00.000Z';
const cny = (amount: string) => ({ amount, currency: 'CNY' });

export const caseReportedData: CaseReported['data'] = {
  caseId,
  customer: { id: 'cust-42', region: 'suburban', personal: { name: '张伟', phone: '+86 138 0000 0000', address: '上海市浦东新区 1 号' } },
  product: { model: 'WM-800', serialNumber: 'SN-123', invoiceDate: '2025-06-01', purchaseDate: null, manufactureDate: '2025-05-01' },
  fault: { category: 'hardware', description: 'drum does not spin' },
  channel: 'hotline',
  priority: 'general',
  warranty: { status: 'in', basis: 'invoice', startsOn: '2025-06-01', expiresOn: '2026-05-31', months: 12, extensionDays: 0 },
  entitlements: [],
  slaPolicy: 'sla-2026.1',
};

/** One event of every case event type, so round-trip tests cannot forget a new one (the mapped type insists). */
export const CASE_EVENT_SAMPLES: SampleOf = {
  CaseReported: { type: 'CaseReported', occurredAt: at, data: caseReportedData },
  CustomerContacted: { type: 'CustomerContacted', occurredAt: at, data: { caseId, channel: 'phone', appointmentAt: at, note: null } },
  TechnicianDispatched: {
    type: 'TechnicianDispatched',
    occurredAt: at,
    data: { caseId, technicianId: 'tech-9', appointmentAt: null, rework: false, reworkCount: 0 },
  },
  TechnicianArrived: { type: 'TechnicianArrived', occurredAt: at, data: { caseId, technicianId: 'tech-9', complexity: 'complex' } },
  CaseOnHold: { type: 'CaseOnHold', occurredAt: at, data: { caseId, reason: 'awaiting-parts', note: 'motor on order' } },
  CaseResumed: { type: 'CaseResumed', occurredAt: at, data: { caseId, reason: 'awaiting-parts', heldSince: '2026-03-01T09:30:00.000Z' } },
  RepairCompleted: {
    type: 'RepairCompleted',
    occurredAt: at,
    data: {
      caseId,
      technicianId: 'tech-9',
      mode: 'on-site',
      diagnosis: 'worn belt',
      actions: 'replaced belt',
      complexity: 'general',
      parts: [{ partNumber: 'BELT-1', quantity: 1 }],
      coverage: 'chargeable',
      exclusion: 'out-of-warranty',
      charges: { parts: cny('80.00'), labor: cny('50.00'), travel: cny('0.00') },
    },
  },
  RepairAccepted: { type: 'RepairAccepted', occurredAt: at, data: { caseId, signedBy: '张伟' } },
  RepairRejected: { type: 'RepairRejected', occurredAt: at, data: { caseId, reason: 'still noisy' } },
  SurveyCompleted: {
    type: 'SurveyCompleted',
    occurredAt: at,
    data: { caseId, scores: { attitude: 5, quality: 4, responseSpeed: 5, overall: 5 }, channel: 'sms', comment: null },
  },
  ProgressUpdateSent: { type: 'ProgressUpdateSent', occurredAt: at, data: { caseId, kind: 'progress', channel: 'sms', message: 'parts ordered' } },
  LoanerIssued: { type: 'LoanerIssued', occurredAt: at, data: { caseId, loanerSerial: 'LN-1' } },
  LoanerReturned: { type: 'LoanerReturned', occurredAt: at, data: { caseId, loanerSerial: 'LN-1' } },
  CaseCancelled: { type: 'CaseCancelled', occurredAt: at, data: { caseId, reason: 'duplicate', note: null } },
  ComplaintFiled: {
    type: 'ComplaintFiled',
    occurredAt: at,
    data: { caseId, complaintId: 'cmp-1', category: 'service', severity: 'serious', description: 'late twice' },
  },
  ComplaintAcknowledged: { type: 'ComplaintAcknowledged', occurredAt: at, data: { caseId, complaintId: 'cmp-1', department: 'quality' } },
  ComplaintResolved: { type: 'ComplaintResolved', occurredAt: at, data: { caseId, complaintId: 'cmp-1', resolution: 'apology and voucher' } },
  ComplaintReopened: { type: 'ComplaintReopened', occurredAt: at, data: { caseId, complaintId: 'cmp-1', reason: 'voucher not received' } },
};
