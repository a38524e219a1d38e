import { START, type EventStore, type Position } from '../event-store.port.js';
import { ChainVerifier, type ChainVerification } from './chain-verifier.js';

export interface StreamVerification extends ChainVerification {
  readonly streamId: string;
}

export interface StoreVerification {
  readonly valid: boolean;
  readonly streams: readonly StreamVerification[];
  readonly totals: { readonly streams: number; readonly events: number; readonly invalidStreams: number };
  /** The last position read; an event appended later was not checked. */
  readonly checkedUpTo: Position;
}

export interface VerifyAllOptions {
  readonly pageSize?: number;
  /** Called after each page, for progress output. */
  readonly onPage?: (checkedUpTo: Position) => void;
}

/**
 * Verifies every stream in the store (`verify --all`) in one pass over the global order, keeping
 * only each stream's running state in memory. A deleted first event of a stream shows up as a gap
 * at revision 0.
 */
export async function verifyAllStreams(
  store: Pick<EventStore, 'readAll'>,
  { pageSize = 1000, onPage }: VerifyAllOptions = {},
): Promise<StoreVerification> {
  const verifiers = new Map<string, ChainVerifier>();
  let after = START;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize, storedJson: true });
    for (const event of page) {
      let verifier = verifiers.get(event.streamId);
      if (!verifier) verifiers.set(event.streamId, (verifier = new ChainVerifier(event.streamId)));
      verifier.push(event);
      after = event.position;
    }
    if (page.length > 0) onPage?.(after);
    if (page.length < pageSize) break;
  }
  const streams = [...verifiers.values()].map((v) => ({ streamId: v.streamId, ...v.result() }));
  const invalidStreams = streams.filter((s) => !s.valid).length;
  return {
    valid: invalidStreams === 0,
    streams,
    totals: { streams: streams.length, events: streams.reduce((n, s) => n + s.events, 0), invalidStreams },
    checkedUpTo: after,
  };
}
