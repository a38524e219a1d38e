import type { ExistingCase } from '../case-state.js';
import type { RejectRepair } from '../commands.js';
import type { RepairRejected } from '../events.js';

export const rejectRepair = (command: RejectRepair, state: ExistingCase): [RepairRejected] => [
  { type: 'RepairRejected', occurredAt: command.occurredAt, data: { caseId: state.caseId, reason: command.data.reason } },
];
