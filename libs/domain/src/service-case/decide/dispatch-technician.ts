import type { ExistingCase } from '../case-state.js';
import type { DispatchTechnician } from '../commands.js';
import type { TechnicianDispatched } from '../events.js';

/** Dispatching after a rejected repair is rework: it is counted, because rework rates are a quality measure. */
export const dispatchTechnician = (command: DispatchTechnician, state: ExistingCase): [TechnicianDispatched] => {
  const rework = state.status === 'rejected';
  return [
    {
      type: 'TechnicianDispatched',
      occurredAt: command.occurredAt,
      data: {
        caseId: state.caseId,
        technicianId: command.data.technicianId,
        appointmentAt: command.data.appointmentAt,
        rework,
        reworkCount: rework ? state.reworkCount + 1 : state.reworkCount,
      },
    },
  ];
};
