import type { CaseState, ExistingCase } from './case-state.js';
import type { CommandName } from './commands.js';
import { COMMAND_NAMES } from './commands.js';
import type { CaseStatus, ComplaintStatus } from './vocabulary.js';

/** The lifecycle commands each status accepts (DESIGN §3), before the hold overlay and loaner rules. */
const LIFECYCLE: Readonly<Record<CaseStatus, readonly CommandName[]>> = {
  reported: ['contact', 'hold', 'cancel'],
  contacted: ['contact', 'dispatch', 'repair', 'hold', 'cancel'],
  dispatched: ['arrive', 'repair', 'hold', 'cancel'],
  'on-site': ['repair', 'issue-loaner', 'hold', 'cancel'],
  repaired: ['accept', 'reject', 'cancel'],
  rejected: ['dispatch', 'issue-loaner', 'hold', 'cancel'],
  accepted: ['survey'],
  surveyed: [],
  cancelled: [],
};

/** What a case on hold still accepts: nothing that moves the repair forward until it is resumed. */
const WHILE_ON_HOLD: ReadonlySet<CommandName> = new Set<CommandName>(['cancel', 'issue-loaner']);

/** The complaint command that fits a complaint in each status. */
export const COMPLAINT_COMMAND: Readonly<Record<ComplaintStatus, CommandName>> = {
  filed: 'acknowledge-complaint',
  acknowledged: 'resolve-complaint',
  resolved: 'reopen-complaint',
};

const ORDER: readonly CommandName[] = Object.values(COMMAND_NAMES);

const namesFor = (state: ExistingCase): Set<CommandName> => {
  const lifecycle = LIFECYCLE[state.status];
  const names = new Set<CommandName>(state.hold ? lifecycle.filter((n) => WHILE_ON_HOLD.has(n)) : lifecycle);
  if (state.hold) names.add('resume');
  // Only one loaner per case at a time; it can come back whatever became of the case.
  if (state.loaner) {
    names.delete('issue-loaner');
    names.add('return-loaner');
  }
  names.add('progress-update');
  names.add('file-complaint');
  for (const complaint of state.complaints) names.add(COMPLAINT_COMMAND[complaint.status]);
  return names;
};

/**
 * The commands the case accepts now, by their public names, in a stable order. A 409 lists
 * them, and `decide` refuses whatever is not among them.
 */
export const allowedCommands = (state: CaseState): CommandName[] => {
  if (state.status === 'none') return ['report'];
  const names = namesFor(state);
  return ORDER.filter((name) => names.has(name));
};
