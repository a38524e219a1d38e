import type { ExistingCase } from '../case-state.js';
import type { ResumeCase } from '../commands.js';
import type { CaseResumed } from '../events.js';
import { illegalTransition } from './case-errors.js';

/** The event repeats why and since when the case was held, so SLA clocks can close the pause from this event alone. */
export const resumeCase = (command: ResumeCase, state: ExistingCase): [CaseResumed] => {
  if (!state.hold) throw illegalTransition(state, 'resume');
  return [
    {
      type: 'CaseResumed',
      occurredAt: command.occurredAt,
      data: { caseId: state.caseId, reason: state.hold.reason, heldSince: state.hold.since },
    },
  ];
};
