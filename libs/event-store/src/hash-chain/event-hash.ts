import { createHash, hash } from 'node:crypto';
import type { StoredMetadata } from '../event-store.port.js';
import { canonicalJson } from './canonical-json.js';

/** What the hash covers: everything stored about an event except the hash itself. */
export interface HashableEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: StoredMetadata;
}

/**
 * SHA-256 (hex) over the previous hash in the stream, a newline, and the canonical JSON of the
 * event (DESIGN §6). `prevHash` is also inside the metadata; putting it in front as well keeps
 * the link visible even to a reader who never parses the JSON.
 */
export function computeEventHash({ type, data, metadata }: HashableEvent): string {
  return createHash('sha256')
    .update(`${metadata.prevHash ?? ''}\n`)
    .update(canonicalJson({ type, data, metadata }))
    .digest('hex');
}

/**
 * `computeEventHash` from parts that are already canonical JSON text: canonical JSON of
 * `{type, data, metadata}` is exactly this text, its keys sorting `data` < `metadata` < `type`.
 * Lets an adapter that stores canonical text hash (on write) and verify (on read) without
 * serialising the event again.
 */
export function hashOfCanonicalParts(prevHash: string | null, type: string, data: string, metadata: string): string {
  // One-shot hashing: every append and every verified event comes through here.
  return hash('sha256', `${prevHash ?? ''}\n{"data":${data},"metadata":${metadata},"type":${JSON.stringify(type)}}`, 'hex');
}

/** An adapter may attach the stored JSON text of a read event under this key (not enumerable). */
export const STORED_JSON = Symbol('storedJson');

export interface StoredJson {
  readonly data: string;
  readonly metadata: string;
}

/**
 * The hash of a read event, from its stored text when the adapter kept it (the fast path: no
 * re-serialisation), else — or when that text is not canonical — from its parsed content.
 */
export function computeRecordedHash(event: HashableEvent & { readonly hash: string; readonly [STORED_JSON]?: StoredJson }): string {
  const stored = event[STORED_JSON];
  if (stored) {
    const fast = hashOfCanonicalParts(event.metadata.prevHash, event.type, stored.data, stored.metadata);
    if (fast === event.hash) return fast;
  }
  return computeEventHash(event);
}
