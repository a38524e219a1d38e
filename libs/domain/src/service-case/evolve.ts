import type { CaseEvent, CaseReported, RepairCompleted } from './events.js';
import type { CaseState, ExistingCase, ReportedCase } from './case-state.js';
import { initialCaseState } from './case-state.js';
import { evolveComplaints } from './evolve-complaint.js';

const reported = ({ data, occurredAt }: CaseReported): ReportedCase => ({
  status: 'reported',
  caseId: data.caseId,
  customer: data.customer,
  product: data.product,
  fault: data.fault,
  channel: data.channel,
  priority: data.priority,
  warranty: data.warranty,
  entitlements: data.entitlements,
  slaPolicy: data.slaPolicy,
  reportedAt: occurredAt,
  lastOccurredAt: occurredAt,
  technicianId: null,
  appointmentAt: null,
  complexity: null,
  reworkCount: 0,
  hold: null,
  loaner: null,
  lastRepair: null,
  lastRejection: null,
  acceptedBy: null,
  acceptedAt: null,
  survey: null,
  cancellation: null,
  complaints: [],
});

const repairRecord = ({ data, occurredAt }: RepairCompleted) => ({
  technicianId: data.technicianId,
  mode: data.mode,
  diagnosis: data.diagnosis,
  actions: data.actions,
  parts: data.parts,
  coverage: data.coverage,
  exclusion: data.exclusion,
  charges: data.charges,
  completedAt: occurredAt,
});

/**
 * Applies one event to the state. Pure and total: events are facts already accepted by `decide`,
 * so evolve never refuses; an event that does not fit the status (impossible in a stream `decide`
 * wrote) still advances `lastOccurredAt` but leaves the status alone.
 */
export const evolve = (state: CaseState, event: CaseEvent): CaseState => {
  if (state.status === 'none') return event.type === 'CaseReported' ? reported(event) : state;
  const s: ExistingCase = { ...state, lastOccurredAt: event.occurredAt };
  switch (event.type) {
    case 'CaseReported':
      return s;
    case 'CustomerContacted':
      return s.status === 'reported' || s.status === 'contacted'
        ? { ...s, status: 'contacted', appointmentAt: event.data.appointmentAt ?? s.appointmentAt }
        : s;
    case 'TechnicianDispatched':
      return s.status === 'contacted' || s.status === 'rejected'
        ? {
            ...s,
            status: 'dispatched',
            technicianId: event.data.technicianId,
            reworkCount: event.data.reworkCount,
            appointmentAt: event.data.appointmentAt ?? s.appointmentAt,
          }
        : s;
    case 'TechnicianArrived':
      return s.status === 'dispatched'
        ? { ...s, status: 'on-site', technicianId: event.data.technicianId, complexity: event.data.complexity ?? s.complexity }
        : s;
    case 'CaseOnHold':
      return s.status === 'reported' ||
        s.status === 'contacted' ||
        s.status === 'dispatched' ||
        s.status === 'on-site' ||
        s.status === 'rejected'
        ? { ...s, hold: { reason: event.data.reason, note: event.data.note, since: event.occurredAt } }
        : s;
    case 'CaseResumed':
      return { ...s, hold: null };
    case 'RepairCompleted':
      return s.status === 'contacted' || s.status === 'dispatched' || s.status === 'on-site'
        ? {
            ...s,
            status: 'repaired',
            hold: null,
            lastRepair: repairRecord(event),
            complexity: event.data.complexity ?? s.complexity,
          }
        : s;
    case 'RepairAccepted':
      return s.status === 'repaired'
        ? { ...s, status: 'accepted', acceptedBy: event.data.signedBy, acceptedAt: event.occurredAt }
        : s;
    case 'RepairRejected':
      return s.status === 'repaired'
        ? { ...s, status: 'rejected', lastRejection: { reason: event.data.reason, rejectedAt: event.occurredAt } }
        : s;
    case 'SurveyCompleted':
      return s.status === 'accepted'
        ? {
            ...s,
            status: 'surveyed',
            survey: { scores: event.data.scores, channel: event.data.channel, comment: event.data.comment, surveyedAt: event.occurredAt },
          }
        : s;
    case 'CaseCancelled':
      return s.status === 'accepted' || s.status === 'surveyed' || s.status === 'cancelled'
        ? s
        : {
            ...s,
            status: 'cancelled',
            hold: null,
            cancellation: { reason: event.data.reason, note: event.data.note, cancelledAt: event.occurredAt, previousStatus: s.status },
          };
    case 'ProgressUpdateSent':
      return s;
    case 'LoanerIssued':
      return { ...s, loaner: { serial: event.data.loanerSerial, issuedAt: event.occurredAt } };
    case 'LoanerReturned':
      return { ...s, loaner: null };
    case 'ComplaintFiled':
    case 'ComplaintAcknowledged':
    case 'ComplaintResolved':
    case 'ComplaintReopened':
      return { ...s, complaints: evolveComplaints(s.complaints, event) };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};

/** The state after a whole stream, oldest event first. */
export const foldCase = (events: readonly CaseEvent[]): CaseState => events.reduce(evolve, initialCaseState);
