import type { ExistingCase } from '../case-state.js';
import type { ContactCustomer } from '../commands.js';
import type { CustomerContacted } from '../events.js';

/** A first contact moves the case on; a later one (re-contact, new appointment) leaves the status as is. */
export const contactCustomer = (command: ContactCustomer, state: ExistingCase): [CustomerContacted] => [
  {
    type: 'CustomerContacted',
    occurredAt: command.occurredAt,
    data: { caseId: state.caseId, channel: command.data.channel, appointmentAt: command.data.appointmentAt, note: command.data.note },
  },
];
