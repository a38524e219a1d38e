/**
 * The typed error family of casetrail. `code` is stable and public (clients branch on it);
 * `kind` decides the HTTP status in one place (the problem+json filter), so the domain never
 * speaks HTTP.
 */
export type DomainErrorKind =
  | 'not-found' // 404
  | 'conflict' // 409: does not fit the current state
  | 'invalid' // 400: the request is well-formed but a field breaks a rule
  | 'forbidden' // 403
  | 'precondition-failed' // 412: stale If-Match
  | 'unprocessable' // 422: idempotency key reused with another body
  | 'unavailable'; // 503: store unavailable, nothing written

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    /** Extra members for the problem document (`allowedCommands`, `currentRevision`, `errors`…). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
