import type { CaseEvent } from '../../service-case/events.js';
import type { ComplaintSeverity, Complexity, HoldReason, Priority, RegionClass } from '../../service-case/vocabulary.js';
import { cst } from './shipped-policies.fixture.js';

/** Builders for the events the SLA engine reads, at Asia/Shanghai local times; only relevant fields vary. */
const caseId = 'case-1';
const event = <T extends CaseEvent['type']>(type: T, local: string, data: object): CaseEvent =>
  ({ type, occurredAt: cst(local), data: { caseId, ...data } }) as CaseEvent;

export const reported = (local: string, priority: Priority = 'general', region: RegionClass = 'urban'): CaseEvent =>
  event('CaseReported', local, {
    customer: { id: 'cust-1', region, personal: { name: '张三', phone: '13800000000', address: '上海市' } },
    product: { model: 'P-1', serialNumber: 'SN-1', invoiceDate: '2025-06-01', purchaseDate: null, manufactureDate: null },
    fault: { category: 'hardware', description: 'does not start' },
    channel: 'hotline',
    priority,
    warranty: { status: 'in', basis: 'invoice', startsOn: '2025-06-01', expiresOn: '2026-05-31', months: 12, extensionDays: 0 },
    entitlements: [],
    slaPolicy: 'standard-v1',
  });
export const contacted = (local: string) => event('CustomerContacted', local, { channel: 'phone', appointmentAt: null, note: null });
export const dispatched = (local: string, reworkCount = 0) =>
  event('TechnicianDispatched', local, { technicianId: 'tech-1', appointmentAt: null, rework: reworkCount > 0, reworkCount });
export const arrived = (local: string, complexity: Complexity | null = null) => event('TechnicianArrived', local, { technicianId: 'tech-1', complexity });
export const onHold = (local: string, reason: HoldReason) => event('CaseOnHold', local, { reason, note: null });
export const resumed = (local: string, reason: HoldReason, heldSince = '') => event('CaseResumed', local, { reason, heldSince });
export const repaired = (local: string, options: { mode?: 'on-site' | 'remote'; complexity?: Complexity } = {}) =>
  event('RepairCompleted', local, {
    technicianId: 'tech-1', mode: options.mode ?? 'on-site', diagnosis: 'd', actions: 'a', complexity: options.complexity ?? null,
    parts: [], coverage: 'warranty', exclusion: null, charges: null,
  });
export const accepted = (local: string) => event('RepairAccepted', local, { signedBy: '张三' });
export const rejected = (local: string) => event('RepairRejected', local, { reason: 'still broken' });
export const progress = (local: string, kind: 'progress' | 'result') => event('ProgressUpdateSent', local, { kind, channel: 'sms', message: 'm' });
export const loanerIssued = (local: string) => event('LoanerIssued', local, { loanerSerial: 'L-1' });
export const surveyed = (local: string) =>
  event('SurveyCompleted', local, { scores: { attitude: 5, quality: 5, responseSpeed: 5, overall: 5 }, channel: 'phone', comment: null });
export const cancelled = (local: string) => event('CaseCancelled', local, { reason: 'customer-withdrew', note: null });
export const complaintFiled = (local: string, complaintId: string, severity: ComplaintSeverity = 'minor') =>
  event('ComplaintFiled', local, { complaintId, category: 'service', severity, description: 'late' });
export const complaintAcknowledged = (local: string, complaintId: string) => event('ComplaintAcknowledged', local, { complaintId, department: 'service' });
export const complaintResolved = (local: string, complaintId: string) => event('ComplaintResolved', local, { complaintId, resolution: 'apologised' });
export const complaintReopened = (local: string, complaintId: string) => event('ComplaintReopened', local, { complaintId, reason: 'not satisfied' });
