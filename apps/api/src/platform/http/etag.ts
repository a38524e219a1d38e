import { DomainError } from '#casetrail/domain';

type HeaderValue = string | readonly string[] | undefined;

/** `"5"`, or `W/"5"` from clients that weaken every tag; a revision counts from 0. */
const REVISION_TAG = /^(?:W\/)?"(0|[1-9]\d{0,15})"$/;

const invalidIfMatch = (): DomainError =>
  new DomainError('REQUEST.INVALID_IF_MATCH', 'invalid', 'If-Match must be one revision in quotes, like "5"');

/**
 * The expected revision a client sent in `If-Match`, or undefined without the header. Lists
 * and `*` are refused rather than ignored: a precondition the server silently skipped would
 * let a stale write through.
 */
export function parseIfMatch(header: HeaderValue): number | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string') {
    if (header.length !== 1) throw invalidIfMatch();
    return parseIfMatch(header[0]);
  }
  const match = REVISION_TAG.exec(header.trim());
  const revision = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(revision)) throw invalidIfMatch();
  return revision;
}

/** The strong ETag of a revision: `etagOf(5) === '"5"'`. */
export const etagOf = (revision: number): string => `"${revision}"`;
