import type { ExistingCase } from '../case-state.js';
import type { RecordArrival } from '../commands.js';
import type { TechnicianArrived } from '../events.js';
import { illegalTransition } from './case-errors.js';

export const recordArrival = (command: RecordArrival, state: ExistingCase): [TechnicianArrived] => {
  // Already guaranteed by allowedCommands; narrowing here gives the dispatched technician's id a type.
  if (state.status !== 'dispatched') throw illegalTransition(state, 'arrive');
  return [
    {
      type: 'TechnicianArrived',
      occurredAt: command.occurredAt,
      // The dispatched technician is the one on site, even when a supervisor records the arrival.
      data: { caseId: state.caseId, technicianId: state.technicianId, complexity: command.data.complexity },
    },
  ];
};
