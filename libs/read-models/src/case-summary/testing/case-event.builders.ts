import type { CaseEvent, Complexity, Coverage, HoldReason, Priority, RegionClass } from '#casetrail/domain';

/** Case events for read-model tests, at explicit UTC instants; only the fields the read models use vary. */
const ev = (type: CaseEvent['type'], caseId: string, occurredAt: string, data: object): CaseEvent =>
  ({ type, occurredAt, data: { caseId, ...data } }) as CaseEvent;

export interface ReportOptions {
  readonly priority?: Priority;
  readonly region?: RegionClass;
  readonly model?: string;
  readonly customerId?: string;
  readonly warranty?: 'in' | 'out';
  /** Personal data that must never reach a read model. */
  readonly personal?: { name: string; phone: string; address: string };
}

export const caseEvents = (caseId: string) => ({
  reported: (at: string, o: ReportOptions = {}) =>
    ev('CaseReported', caseId, at, {
      customer: {
        id: o.customerId ?? `cust-${caseId}`,
        region: o.region ?? 'urban',
        personal: o.personal ?? { name: '赵敏', phone: '+86 139 1111 2222', address: '杭州市西湖区文三路1号' },
      },
      product: { model: o.model ?? 'KFR-35GW', serialNumber: `SN-${caseId}`, invoiceDate: '2025-06-01', purchaseDate: null, manufactureDate: null },
      fault: { category: 'hardware', description: 'does not cool' },
      channel: 'hotline',
      priority: o.priority ?? 'general',
      warranty: { status: o.warranty ?? 'in', basis: 'invoice', startsOn: '2025-06-01', expiresOn: '2026-05-31', months: 12, extensionDays: 0 },
      entitlements: [],
      slaPolicy: 'standard-v1',
    }),
  contacted: (at: string) => ev('CustomerContacted', caseId, at, { channel: 'phone', appointmentAt: null, note: null }),
  dispatched: (at: string, technicianId = 'tech-1', reworkCount = 0) =>
    ev('TechnicianDispatched', caseId, at, { technicianId, appointmentAt: null, rework: reworkCount > 0, reworkCount }),
  arrived: (at: string, technicianId = 'tech-1', complexity: Complexity | null = null) =>
    ev('TechnicianArrived', caseId, at, { technicianId, complexity }),
  onHold: (at: string, reason: HoldReason) => ev('CaseOnHold', caseId, at, { reason, note: null }),
  resumed: (at: string, reason: HoldReason, heldSince: string) => ev('CaseResumed', caseId, at, { reason, heldSince }),
  repaired: (at: string, o: { mode?: 'on-site' | 'remote'; technicianId?: string | null; coverage?: Coverage } = {}) =>
    ev('RepairCompleted', caseId, at, {
      technicianId: o.technicianId === undefined ? 'tech-1' : o.technicianId,
      mode: o.mode ?? 'on-site',
      diagnosis: 'capacitor',
      actions: 'replaced',
      complexity: null,
      parts: [],
      coverage: o.coverage ?? 'warranty',
      exclusion: o.coverage === 'chargeable' ? 'misuse' : null,
      charges: null,
    }),
  accepted: (at: string) => ev('RepairAccepted', caseId, at, { signedBy: '赵敏' }),
  rejected: (at: string) => ev('RepairRejected', caseId, at, { reason: 'still noisy' }),
  surveyed: (at: string) =>
    ev('SurveyCompleted', caseId, at, { scores: { attitude: 5, quality: 4, responseSpeed: 4, overall: 4 }, channel: 'phone', comment: null }),
  progress: (at: string) => ev('ProgressUpdateSent', caseId, at, { kind: 'result', channel: 'sms', message: 'repaired' }),
  loanerIssued: (at: string) => ev('LoanerIssued', caseId, at, { loanerSerial: `L-${caseId}` }),
  loanerReturned: (at: string) => ev('LoanerReturned', caseId, at, { loanerSerial: `L-${caseId}` }),
  cancelled: (at: string) => ev('CaseCancelled', caseId, at, { reason: 'customer-withdrew', note: null }),
  complaintFiled: (at: string, complaintId: string) =>
    ev('ComplaintFiled', caseId, at, { complaintId, category: 'service', severity: 'minor', description: 'late visit' }),
  complaintAcknowledged: (at: string, complaintId: string) => ev('ComplaintAcknowledged', caseId, at, { complaintId, department: 'service' }),
  complaintResolved: (at: string, complaintId: string) => ev('ComplaintResolved', caseId, at, { complaintId, resolution: 'apologised' }),
  complaintReopened: (at: string, complaintId: string) => ev('ComplaintReopened', caseId, at, { complaintId, reason: 'not satisfied' }),
});
