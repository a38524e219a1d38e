import { DomainError } from '#casetrail/domain';
import { DuplicateEventIdError } from '../../duplicate-event-id.error.js';
import { IdempotencyKeyTakenError, StoreUnavailableError, WrongExpectedRevisionError } from '../../event-store.errors.js';
import { reviveError, transferError } from './transferred-error.js';

/** What crosses a thread boundary: structured cloning, as postMessage does. */
const acrossThreads = (error: unknown): Error => reviveError(structuredClone(transferError(error)));

describe('errors crossing from the writer thread', () => {
  it.each([
    new WrongExpectedRevisionError('ServiceCase-a', 3, 5),
    new WrongExpectedRevisionError('ServiceCase-a', 'no-stream', 0),
    new IdempotencyKeyTakenError('key-1'),
    new DuplicateEventIdError('ServiceCase-b'),
    new StoreUnavailableError('SQLITE_FULL (database or disk is full)'),
  ])('keeps the class, the fields and the message of %s', (error) => {
    const revived = acrossThreads(error);
    expect(revived).toBeInstanceOf(error.constructor);
    expect(revived).toBeInstanceOf(DomainError);
    expect(revived).toEqual(error);
    expect(revived.message).toBe(error.message);
  });

  it('keeps the name, message and stack of anything else, which stays a bug (not a domain error)', () => {
    const bug = new RangeError('maxCount must be a whole number');
    const revived = acrossThreads(bug);
    expect(revived).not.toBeInstanceOf(DomainError);
    expect(revived).toMatchObject({ name: 'RangeError', message: bug.message, stack: bug.stack });
    expect(acrossThreads('a thrown string')).toMatchObject({ name: 'Error', message: 'a thrown string' });
  });
});
