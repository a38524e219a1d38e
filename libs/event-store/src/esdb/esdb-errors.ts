import { DomainError } from '#casetrail/domain';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type { ExpectedRevision } from '../event-store.port.js';
import { convertToCommandError } from './esdb-client.js';

/**
 * Client error types (and raw gRPC status codes, which the client leaves unconverted when it
 * fails before a call, e.g. fetching server features) meaning the node could not take the
 * request: down, unreachable, too slow, not the leader, or cancelled by the server.
 */
const UNAVAILABLE_TYPES = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader', 'cancelled']);
const UNAVAILABLE_CODES = new Set([1 /* CANCELLED */, 4 /* DEADLINE_EXCEEDED */, 10 /* ABORTED */, 14 /* UNAVAILABLE */]);

interface ClientError {
  readonly type?: string;
  readonly code?: unknown;
  readonly message?: string;
  readonly actualVersion?: bigint | 'no_stream';
}

/** `stream-not-found` as the client reports a read of a missing stream. */
export const isStreamNotFound = (error: unknown): boolean => (error as ClientError | null)?.type === 'stream-not-found';

export const isWrongExpectedVersion = (error: unknown): boolean => (error as ClientError | null)?.type === 'wrong-expected-version';

/**
 * Turns a client failure into the port's error family where one applies; anything else passes
 * through. `append` names the stream and expected revision a conflict is reported against.
 */
export function translateEsdbError(error: unknown, append?: { streamId: string; expected: ExpectedRevision }): unknown {
  if (error instanceof DomainError || error === null || typeof error !== 'object') return error;
  const converted = convertToCommandError(error as Error) as ClientError;
  if (append && isWrongExpectedVersion(converted)) {
    const actual = converted.actualVersion;
    return new WrongExpectedRevisionError(append.streamId, append.expected, typeof actual === 'bigint' ? Number(actual) : -1);
  }
  if (UNAVAILABLE_TYPES.has(converted.type ?? '') || UNAVAILABLE_CODES.has(converted.code as number)) {
    return new StoreUnavailableError(`EventStoreDB: ${converted.message ?? converted.type}`);
  }
  if (/ECONNREFUSED|ECONNRESET|No connection established/.test(converted.message ?? '')) {
    return new StoreUnavailableError(`EventStoreDB: ${converted.message}`);
  }
  return error;
}
