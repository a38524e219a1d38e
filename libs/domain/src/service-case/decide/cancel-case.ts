import type { ExistingCase } from '../case-state.js';
import type { CancelCase } from '../commands.js';
import type { CaseCancelled } from '../events.js';

export const cancelCase = (command: CancelCase, state: ExistingCase): [CaseCancelled] => [
  {
    type: 'CaseCancelled',
    occurredAt: command.occurredAt,
    data: { caseId: state.caseId, reason: command.data.reason, note: command.data.note },
  },
];
