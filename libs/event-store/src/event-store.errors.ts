import { DomainError } from '#casetrail/domain';
import type { ExpectedRevision } from './event-store.port.js';

/** The stream was not at the revision the caller expected; `currentRevision` is -1 when it does not exist. */
export class WrongExpectedRevisionError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly currentRevision: number,
  ) {
    super('STORE.VERSION_CONFLICT', 'precondition-failed', `Stream ${streamId} is at revision ${currentRevision}, not ${expected}`, {
      currentRevision,
    });
  }
}

export class IdempotencyKeyTakenError extends DomainError {
  constructor(readonly key: string) {
    super('STORE.IDEMPOTENCY_KEY_TAKEN', 'conflict', 'This idempotency key has already been used');
  }
}

export class StoreUnavailableError extends DomainError {
  constructor(readonly reason: string) {
    super('STORE.UNAVAILABLE', 'unavailable', `The event store is unavailable: ${reason}; nothing was written`);
  }
}
