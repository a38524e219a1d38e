import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../hash-chain/canonical-json.js';
import type { Position } from '../event-store.port.js';

/** What a checkpoint asserts: the running digest had this value after the event at `position`. */
export interface CheckpointBody {
  /** 1, 2, 3 … without gaps, so a deleted checkpoint row shows. */
  readonly seq: number;
  readonly position: Position;
  readonly digest: string;
  /** Events covered from the start of the store (equals `position` in the gap-free SQLite store). */
  readonly eventCount: number;
  readonly createdAt: string;
  /** Which key signed it: the first 16 hex digits of SHA-256 over the public key (SPKI DER). */
  readonly keyId: string;
}

export interface Checkpoint extends CheckpointBody {
  /** Ed25519 over `checkpointSigningPayload(body)`, base64. */
  readonly signature: string;
}

/** Prefixed so a signature over a checkpoint can never be replayed as a signature over anything else. */
const SIGNING_CONTEXT = 'casetrail-checkpoint/v1\n';

/** The exact bytes signed: the context line, then the canonical JSON of the six body fields. */
export function checkpointSigningPayload(body: CheckpointBody): Buffer {
  const { seq, position, digest, eventCount, createdAt, keyId } = body;
  return Buffer.from(SIGNING_CONTEXT + canonicalJson({ seq, position, digest, eventCount, createdAt, keyId }), 'utf8');
}

export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject): Checkpoint {
  return { ...body, signature: sign(null, checkpointSigningPayload(body), privateKey).toString('base64') };
}

/** False (never a throw) for a wrong key, a malformed signature or any changed field. */
export function checkpointSignatureValid(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, checkpointSigningPayload(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}
