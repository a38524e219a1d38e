import type { ExistingCase } from '../case-state.js';
import type { IssueLoaner } from '../commands.js';
import type { LoanerIssued } from '../events.js';

export const issueLoaner = (command: IssueLoaner, state: ExistingCase): [LoanerIssued] => [
  { type: 'LoanerIssued', occurredAt: command.occurredAt, data: { caseId: state.caseId, loanerSerial: command.data.loanerSerial } },
];
