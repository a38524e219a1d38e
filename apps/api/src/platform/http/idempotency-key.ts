import { DomainError } from '#casetrail/domain';

/** 1–128 printable ASCII characters (space to tilde). */
const KEY = /^[\x20-\x7e]{1,128}$/;

/** The `Idempotency-Key` a client sent, or undefined without the header. */
export function parseIdempotencyKey(header: string | readonly string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header === 'string' && KEY.test(header)) return header;
  throw new DomainError(
    'REQUEST.INVALID_IDEMPOTENCY_KEY',
    'invalid',
    'Idempotency-Key must be one value of 1 to 128 printable ASCII characters',
  );
}
