import type { CaseEvent, ComplaintCategory, ComplaintSeverity, Priority, RegionClass, SurveyScores } from '#casetrail/domain';

/** Case events for the analytics read models' tests, at explicit instants; only what those models read varies. */
const ev = (type: CaseEvent['type'], caseId: string, occurredAt: string, data: object): CaseEvent =>
  ({ type, occurredAt, data: { caseId, ...data } }) as CaseEvent;

/** Personal data and free text that must never reach these read models. */
export const SECRET = { name: '赵敏', phone: '+86 139 1111 2222', address: '杭州市西湖区文三路1号', text: 'call 139 1111 2222' };

export interface CaseOptions {
  readonly model?: string;
  readonly region?: RegionClass;
  readonly priority?: Priority;
}

export const reported = (caseId: string, at: string, o: CaseOptions = {}): CaseEvent =>
  ev('CaseReported', caseId, at, {
    customer: { id: `cust-${caseId}`, region: o.region ?? 'urban', personal: { name: SECRET.name, phone: SECRET.phone, address: SECRET.address } },
    product: { model: o.model ?? 'KFR-35GW', serialNumber: `SN-${caseId}`, invoiceDate: '2025-06-01', purchaseDate: null, manufactureDate: null },
    fault: { category: 'hardware', description: SECRET.text },
    channel: 'hotline',
    priority: o.priority ?? 'general',
    warranty: { status: 'in', basis: 'invoice', startsOn: '2025-06-01', expiresOn: '2026-05-31', months: 12, extensionDays: 0 },
    entitlements: [],
    slaPolicy: 'standard-v1',
  });

export const dispatched = (caseId: string, at: string, technicianId: string, reworkCount = 0): CaseEvent =>
  ev('TechnicianDispatched', caseId, at, { technicianId, appointmentAt: null, rework: reworkCount > 0, reworkCount });

export const repaired = (caseId: string, at: string, technicianId: string | null): CaseEvent =>
  ev('RepairCompleted', caseId, at, {
    technicianId, mode: technicianId ? 'on-site' : 'remote', diagnosis: 'capacitor', actions: 'replaced', complexity: null,
    parts: [], coverage: 'warranty', exclusion: null, charges: null,
  });

export const rejected = (caseId: string, at: string): CaseEvent => ev('RepairRejected', caseId, at, { reason: 'still noisy' });
export const accepted = (caseId: string, at: string): CaseEvent => ev('RepairAccepted', caseId, at, { signedBy: SECRET.name });

export const surveyed = (caseId: string, at: string, scores: SurveyScores, comment: string | null = SECRET.text): CaseEvent =>
  ev('SurveyCompleted', caseId, at, { scores, channel: 'phone', comment });

export const complaintFiled = (caseId: string, at: string, complaintId: string, category: ComplaintCategory, severity: ComplaintSeverity): CaseEvent =>
  ev('ComplaintFiled', caseId, at, { complaintId, category, severity, description: SECRET.text });
export const complaintAcknowledged = (caseId: string, at: string, complaintId: string, department: string): CaseEvent =>
  ev('ComplaintAcknowledged', caseId, at, { complaintId, department });
export const complaintResolved = (caseId: string, at: string, complaintId: string): CaseEvent =>
  ev('ComplaintResolved', caseId, at, { complaintId, resolution: SECRET.text });
export const complaintReopened = (caseId: string, at: string, complaintId: string): CaseEvent =>
  ev('ComplaintReopened', caseId, at, { complaintId, reason: 'not satisfied' });
