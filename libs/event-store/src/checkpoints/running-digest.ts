import { createHash } from 'node:crypto';
import type { Position } from '../event-store.port.js';

/** The digest before the first event: 64 zeros, so a verifier in any language starts from the same text. */
export const GENESIS_DIGEST = '0'.repeat(64);

/**
 * One step of the running digest over the global order:
 * `digest_p = sha256(digest_{p-1} "\n" hash_p "\n" position)`, all as ASCII text (hex digests,
 * decimal position). Unlike the per-stream hash chains, it covers every event in order, so a
 * deleted stream or a deleted tail changes it even though each remaining chain still verifies.
 */
export function nextDigest(previous: string, hash: string, position: Position): string {
  return createHash('sha256').update(`${previous}\n${hash}\n${position}`).digest('hex');
}

/** The running digest with the position and count it has reached. */
export interface DigestState {
  readonly position: Position;
  readonly digest: string;
  readonly eventCount: number;
}

export const GENESIS_STATE: DigestState = { position: 0, digest: GENESIS_DIGEST, eventCount: 0 };

export function advance(state: DigestState, event: { readonly hash: string; readonly position: Position }): DigestState {
  return { position: event.position, digest: nextDigest(state.digest, event.hash, event.position), eventCount: state.eventCount + 1 };
}
