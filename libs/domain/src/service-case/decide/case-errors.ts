import { DomainError } from '../../shared/domain-error.js';
import type { FieldError } from '../../shared/domain-error.js';
import { allowedCommands } from '../allowed-commands.js';
import type { ExistingCase } from '../case-state.js';

export const caseNotFound = (caseId: string): DomainError =>
  new DomainError('CASE.NOT_FOUND', 'not-found', `Case ${caseId} does not exist.`, { caseId });

export const caseAlreadyExists = (caseId: string): DomainError =>
  new DomainError('CASE.ALREADY_EXISTS', 'conflict', `Case ${caseId} already exists.`, { caseId });

/** The 409 every refusal "not now" shares, so clients always learn what the case accepts instead. */
export const illegalTransition = (state: ExistingCase, command: string, code = 'CASE.ILLEGAL_TRANSITION', why?: string): DomainError =>
  // `caseStatus`, not `status`: RFC 9457 reserves `status` in a problem document for the HTTP status.
  new DomainError(
    code,
    'conflict',
    why ?? `A ${state.status} case${state.hold ? ' on hold' : ''} does not accept ${command}.`,
    { caseStatus: state.status, onHold: state.hold !== null, allowedCommands: allowedCommands(state) },
  );

export const invalidFields = (code: string, message: string, errors: readonly FieldError[]): DomainError =>
  new DomainError(code, 'invalid', message, { errors });
