import type { ExistingCase } from '../case-state.js';
import type { PutOnHold } from '../commands.js';
import type { CaseOnHold } from '../events.js';

export const putOnHold = (command: PutOnHold, state: ExistingCase): [CaseOnHold] => [
  {
    type: 'CaseOnHold',
    occurredAt: command.occurredAt,
    data: { caseId: state.caseId, reason: command.data.reason, note: command.data.note },
  },
];
