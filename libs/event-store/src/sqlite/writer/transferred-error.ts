import { DuplicateEventIdError } from '../../duplicate-event-id.error.js';
import { IdempotencyKeyTakenError, StoreUnavailableError, WrongExpectedRevisionError } from '../../event-store.errors.js';
import type { ExpectedRevision } from '../../event-store.port.js';

/**
 * An append's error as it crosses from the writer thread: structured cloning keeps an Error's
 * message but not its class or fields, and the callers branch on both (409, 412, 503…).
 */
export type TransferredError =
  | { readonly kind: 'wrong-revision'; readonly streamId: string; readonly expected: ExpectedRevision; readonly currentRevision: number }
  | { readonly kind: 'idempotency-key-taken'; readonly key: string }
  | { readonly kind: 'duplicate-event-id'; readonly streamId: string }
  | { readonly kind: 'unavailable'; readonly reason: string }
  | { readonly kind: 'other'; readonly name: string; readonly message: string; readonly stack?: string };

export function transferError(error: unknown): TransferredError {
  if (error instanceof WrongExpectedRevisionError) {
    return { kind: 'wrong-revision', streamId: error.streamId, expected: error.expected, currentRevision: error.currentRevision };
  }
  if (error instanceof IdempotencyKeyTakenError) return { kind: 'idempotency-key-taken', key: error.key };
  if (error instanceof DuplicateEventIdError) return { kind: 'duplicate-event-id', streamId: error.streamId };
  if (error instanceof StoreUnavailableError) return { kind: 'unavailable', reason: error.reason };
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  return { kind: 'other', name, message, ...(stack ? { stack } : {}) };
}

export function reviveError(transferred: TransferredError): Error {
  switch (transferred.kind) {
    case 'wrong-revision':
      return new WrongExpectedRevisionError(transferred.streamId, transferred.expected, transferred.currentRevision);
    case 'idempotency-key-taken':
      return new IdempotencyKeyTakenError(transferred.key);
    case 'duplicate-event-id':
      return new DuplicateEventIdError(transferred.streamId);
    case 'unavailable':
      return new StoreUnavailableError(transferred.reason);
    case 'other': {
      const error = new Error(transferred.message);
      error.name = transferred.name;
      if (transferred.stack) error.stack = transferred.stack;
      return error;
    }
  }
}
