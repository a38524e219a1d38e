import { DomainError } from '#casetrail/domain';

const invalid = (field: string, message: string): DomainError =>
  new DomainError('REQUEST.INVALID', 'invalid', 'The query is invalid', { errors: [{ field, message }] });

/** `?revision=` (a whole number) and `?asOf=` (an ISO-8601 instant); nothing else is accepted. */
export function parseHistoryQuery(query: Record<string, unknown>): { revision?: number; asOf?: string } {
  for (const key of Object.keys(query)) if (key !== 'revision' && key !== 'asOf') throw invalid(key, 'is not a known parameter');
  const out: { revision?: number; asOf?: string } = {};
  if (query['revision'] !== undefined) {
    if (typeof query['revision'] !== 'string' || !/^\d{1,9}$/.test(query['revision'])) throw invalid('revision', 'must be a whole number');
    out.revision = Number(query['revision']);
  }
  if (query['asOf'] !== undefined) {
    const value = query['asOf'];
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) {
      throw invalid('asOf', 'must be an ISO-8601 date-time with a time zone');
    }
    out.asOf = new Date(value).toISOString();
  }
  return out;
}
