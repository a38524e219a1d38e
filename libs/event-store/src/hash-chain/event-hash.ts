import { createHash } from 'node:crypto';
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
