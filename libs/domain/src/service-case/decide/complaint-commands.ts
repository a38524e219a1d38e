import { DomainError } from '../../shared/domain-error.js';
import { COMPLAINT_COMMAND } from '../allowed-commands.js';
import type { Complaint, ExistingCase } from '../case-state.js';
import type { AcknowledgeComplaint, FileComplaint, ReopenComplaint, ResolveComplaint } from '../commands.js';
import type { ComplaintAcknowledged, ComplaintFiled, ComplaintReopened, ComplaintResolved } from '../events.js';
import type { ComplaintStatus } from '../vocabulary.js';

export const fileComplaint = (command: FileComplaint, state: ExistingCase): [ComplaintFiled] => {
  const { complaintId } = command.data;
  // The id is minted by the application; a clash means a retry that bypassed idempotency, not a new complaint.
  if (state.complaints.some((c) => c.complaintId === complaintId)) {
    throw new DomainError('COMPLAINT.ALREADY_EXISTS', 'conflict', `Complaint ${complaintId} already exists.`, { complaintId });
  }
  const { category, severity, description } = command.data;
  return [
    { type: 'ComplaintFiled', occurredAt: command.occurredAt, data: { caseId: state.caseId, complaintId, category, severity, description } },
  ];
};

/** Finds the complaint a command is about and checks it is in the one status the command fits. */
const complaintIn = (state: ExistingCase, complaintId: string, expected: ComplaintStatus): Complaint => {
  const complaint = state.complaints.find((c) => c.complaintId === complaintId);
  if (!complaint) {
    throw new DomainError('COMPLAINT.NOT_FOUND', 'not-found', `Complaint ${complaintId} does not exist on case ${state.caseId}.`, {
      caseId: state.caseId,
      complaintId,
    });
  }
  if (complaint.status !== expected) {
    throw new DomainError(
      'COMPLAINT.ILLEGAL_TRANSITION',
      'conflict',
      `A ${complaint.status} complaint does not accept ${COMPLAINT_COMMAND[expected]}.`,
      { complaintId, complaintStatus: complaint.status, allowedCommands: [COMPLAINT_COMMAND[complaint.status]] },
    );
  }
  return complaint;
};

export const acknowledgeComplaint = (command: AcknowledgeComplaint, state: ExistingCase): [ComplaintAcknowledged] => {
  complaintIn(state, command.data.complaintId, 'filed');
  return [
    { type: 'ComplaintAcknowledged', occurredAt: command.occurredAt, data: { caseId: state.caseId, complaintId: command.data.complaintId, department: command.data.department } },
  ];
};

export const resolveComplaint = (command: ResolveComplaint, state: ExistingCase): [ComplaintResolved] => {
  complaintIn(state, command.data.complaintId, 'acknowledged');
  return [
    { type: 'ComplaintResolved', occurredAt: command.occurredAt, data: { caseId: state.caseId, complaintId: command.data.complaintId, resolution: command.data.resolution } },
  ];
};

export const reopenComplaint = (command: ReopenComplaint, state: ExistingCase): [ComplaintReopened] => {
  complaintIn(state, command.data.complaintId, 'resolved');
  return [
    { type: 'ComplaintReopened', occurredAt: command.occurredAt, data: { caseId: state.caseId, complaintId: command.data.complaintId, reason: command.data.reason } },
  ];
};
