import type { CaseState } from './case-state.js';
import type { CaseCommand } from './commands.js';
import type { CaseEvent } from './events.js';
import { acceptRepair } from './decide/accept-repair.js';
import { admitCommand } from './decide/admit-command.js';
import { cancelCase } from './decide/cancel-case.js';
import { acknowledgeComplaint, fileComplaint, reopenComplaint, resolveComplaint } from './decide/complaint-commands.js';
import { completeRepair } from './decide/complete-repair.js';
import { contactCustomer } from './decide/contact-customer.js';
import type { DecideContext } from './decide/decide-context.js';
import { dispatchTechnician } from './decide/dispatch-technician.js';
import { issueLoaner } from './decide/issue-loaner.js';
import { putOnHold } from './decide/put-on-hold.js';
import { recordArrival } from './decide/record-arrival.js';
import { recordSurvey } from './decide/record-survey.js';
import { rejectRepair } from './decide/reject-repair.js';
import { reportCase } from './decide/report-case.js';
import { resumeCase } from './decide/resume-case.js';
import { returnLoaner } from './decide/return-loaner.js';
import { sendProgressUpdate } from './decide/send-progress-update.js';

export type { DecideContext } from './decide/decide-context.js';

/**
 * What a command makes happen to a case: the events to append, or a `DomainError` saying why not.
 * Pure: time, actor and policies arrive in `context`. Every event carries the command's `occurredAt`.
 */
export const decide = (command: CaseCommand, state: CaseState, context: DecideContext): CaseEvent[] => {
  if (command.type === 'ReportCase') return reportCase(command, state, context);
  const existing = admitCommand(command, state, context);
  switch (command.type) {
    case 'ContactCustomer':
      return contactCustomer(command, existing);
    case 'DispatchTechnician':
      return dispatchTechnician(command, existing);
    case 'RecordArrival':
      return recordArrival(command, existing);
    case 'PutOnHold':
      return putOnHold(command, existing);
    case 'ResumeCase':
      return resumeCase(command, existing);
    case 'CompleteRepair':
      return completeRepair(command, existing);
    case 'AcceptRepair':
      return acceptRepair(command, existing);
    case 'RejectRepair':
      return rejectRepair(command, existing);
    case 'RecordSurvey':
      return recordSurvey(command, existing);
    case 'SendProgressUpdate':
      return sendProgressUpdate(command, existing);
    case 'IssueLoaner':
      return issueLoaner(command, existing);
    case 'ReturnLoaner':
      return returnLoaner(command, existing);
    case 'CancelCase':
      return cancelCase(command, existing);
    case 'FileComplaint':
      return fileComplaint(command, existing);
    case 'AcknowledgeComplaint':
      return acknowledgeComplaint(command, existing);
    case 'ResolveComplaint':
      return resolveComplaint(command, existing);
    case 'ReopenComplaint':
      return reopenComplaint(command, existing);
    default: {
      const unexpected: never = command;
      throw new Error(`unknown command ${(unexpected as { type: string }).type}`);
    }
  }
};
