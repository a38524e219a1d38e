import type { ExistingCase } from '../case-state.js';
import type { ReturnLoaner } from '../commands.js';
import type { LoanerReturned } from '../events.js';
import { illegalTransition } from './case-errors.js';

export const returnLoaner = (command: ReturnLoaner, state: ExistingCase): [LoanerReturned] => {
  if (!state.loaner) throw illegalTransition(state, 'return-loaner');
  return [
    { type: 'LoanerReturned', occurredAt: command.occurredAt, data: { caseId: state.caseId, loanerSerial: state.loaner.serial } },
  ];
};
