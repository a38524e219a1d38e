import { DomainError } from '../../shared/domain-error.js';
import type { Actor, Instant } from '../../shared/primitives.js';
import { allowedCommands } from '../allowed-commands.js';
import type { CaseState, ExistingCase } from '../case-state.js';
import type { CaseCommand, CommandName } from '../commands.js';
import { COMMAND_NAMES } from '../commands.js';
import { caseNotFound, illegalTransition, invalidFields } from './case-errors.js';
import type { DecideContext } from './decide-context.js';

/** How far a client's clock may run ahead of the server's (DESIGN §7). */
const CLOCK_SKEW_MS = 2 * 60 * 1000;

/** Commands a technician may only give on a case assigned to them (DESIGN §7, "technician (assigned)"). */
const FOR_ASSIGNED_TECHNICIAN: ReadonlySet<CommandName> = new Set<CommandName>([
  'arrive',
  'repair',
  'hold',
  'resume',
  'accept',
  'reject',
  'issue-loaner',
  'return-loaner',
]);

/** Complaint commands are gated by the complaint's own status, with their own, more precise errors. */
const COMPLAINT_LIFECYCLE: ReadonlySet<CommandName> = new Set<CommandName>([
  'acknowledge-complaint',
  'resolve-complaint',
  'reopen-complaint',
]);

const occurredAtInvalid = (message: string): DomainError =>
  invalidFields('CASE.OCCURRED_AT_INVALID', `occurredAt is invalid: ${message}.`, [{ field: 'occurredAt', message }]);

/** Business time may lag (a technician offline) but not lead the server, nor go back before the case's last event. */
export const assertOccurredAt = (occurredAt: Instant, now: Instant, previous: Instant | null): void => {
  const at = Date.parse(occurredAt);
  if (Number.isNaN(at)) throw occurredAtInvalid('must be an ISO-8601 instant');
  if (at > Date.parse(now) + CLOCK_SKEW_MS) throw occurredAtInvalid('must not be more than 2 minutes in the future');
  if (previous !== null && at < Date.parse(previous)) {
    throw occurredAtInvalid(`must not be earlier than the case's previous event (${previous})`);
  }
};

const assertAssigned = (name: CommandName, state: ExistingCase, actor: Actor): void => {
  if (actor.role !== 'technician' || !FOR_ASSIGNED_TECHNICIAN.has(name) || actor.id === state.technicianId) return;
  throw new DomainError('CASE.NOT_ASSIGNED', 'forbidden', `Case ${state.caseId} is not assigned to technician ${actor.id}.`, {
    caseId: state.caseId,
  });
};

/**
 * The checks every command on an existing case passes, in this order: the case exists (404), the
 * actor may act on it (403, before anything that would reveal its state), occurredAt is sound
 * (400), and the status accepts the command (409).
 */
export const admitCommand = (command: Exclude<CaseCommand, { type: 'ReportCase' }>, state: CaseState, context: DecideContext): ExistingCase => {
  if (state.status === 'none') throw caseNotFound(command.caseId);
  const name = COMMAND_NAMES[command.type];
  assertAssigned(name, state, context.actor);
  assertOccurredAt(command.occurredAt, context.now, state.lastOccurredAt);
  if (!COMPLAINT_LIFECYCLE.has(name) && !allowedCommands(state).includes(name)) throw illegalTransition(state, name);
  return state;
};
