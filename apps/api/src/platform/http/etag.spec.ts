import { DomainError } from '#casetrail/domain';
import { etagOf, parseIfMatch } from './etag.js';
import { parseIdempotencyKey } from './idempotency-key.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
  return undefined;
};

describe('If-Match', () => {
  it('is a revision in quotes, weak or strong, with optional surrounding space', () => {
    expect(parseIfMatch('"5"')).toBe(5);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch(' "0" ')).toBe(0);
    expect(parseIfMatch(['"3"'])).toBe(3);
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it.each(['5', '"5', 'w/"5"', '"1.5"', '"1e3"', '*', '"99999999999999999"', '"1","2"'])('refuses %p', (header) => {
    expect(codeOf(() => parseIfMatch(header))).toBe('REQUEST.INVALID_IF_MATCH');
  });

  it('refuses two If-Match headers', () => {
    expect(codeOf(() => parseIfMatch(['"1"', '"2"']))).toBe('REQUEST.INVALID_IF_MATCH');
  });

  it('round-trips with etagOf', () => {
    expect(etagOf(5)).toBe('"5"');
    expect(parseIfMatch(etagOf(41))).toBe(41);
  });
});

describe('Idempotency-Key', () => {
  it('is 1 to 128 printable ASCII characters', () => {
    expect(parseIdempotencyKey('a')).toBe('a');
    expect(parseIdempotencyKey('k'.repeat(128))).toBe('k'.repeat(128));
    expect(parseIdempotencyKey('with space ~!')).toBe('with space ~!');
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each(['', 'k'.repeat(129), 'tab\there', 'üml', 'new\nline'])('refuses %p', (key) => {
    expect(codeOf(() => parseIdempotencyKey(key))).toBe('REQUEST.INVALID_IDEMPOTENCY_KEY');
  });

  it('refuses repeated headers', () => {
    expect(codeOf(() => parseIdempotencyKey(['a', 'b']))).toBe('REQUEST.INVALID_IDEMPOTENCY_KEY');
  });
});
