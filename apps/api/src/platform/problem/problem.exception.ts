import { HttpException } from '@nestjs/common';

/**
 * An HTTP-level failure with its own stable code, for cases `DomainError` has no kind for
 * (401, 428, 429) or that need response headers (`WWW-Authenticate`, `Retry-After`).
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly detail: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail, status);
    this.name = 'ProblemException';
  }
}
