import type { ExistingCase } from '../case-state.js';
import type { AcceptRepair } from '../commands.js';
import type { RepairAccepted } from '../events.js';

export const acceptRepair = (command: AcceptRepair, state: ExistingCase): [RepairAccepted] => [
  { type: 'RepairAccepted', occurredAt: command.occurredAt, data: { caseId: state.caseId, signedBy: command.data.signedBy } },
];
