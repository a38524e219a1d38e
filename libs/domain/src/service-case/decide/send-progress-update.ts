import type { ExistingCase } from '../case-state.js';
import type { SendProgressUpdate } from '../commands.js';
import type { ProgressUpdateSent } from '../events.js';

export const sendProgressUpdate = (command: SendProgressUpdate, state: ExistingCase): [ProgressUpdateSent] => [
  {
    type: 'ProgressUpdateSent', occurredAt: command.occurredAt, data: { caseId: state.caseId, kind: command.data.kind, channel: command.data.channel, message: command.data.message },
  },
];
