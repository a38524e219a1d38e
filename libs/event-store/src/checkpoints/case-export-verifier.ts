import type { KeyObject } from 'node:crypto';
import { verifyStream } from '../hash-chain/chain-verifier.js';
import { computeEventHash } from '../hash-chain/event-hash.js';
import { checkpointSignatureValid, keyIdOf } from './checkpoint.js';
import { readPublicKey } from './checkpoint-key.js';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportCheckpoint, type ExportEvent, type ExportHeader, type ExportSegment } from './case-export.js';
import { nextDigest } from './running-digest.js';

export interface ExportVerification {
  readonly valid: boolean;
  readonly caseId: string | null;
  readonly events: number;
  readonly covering: { readonly seq: number; readonly position: number } | null;
  /** Every check that failed, each naming the line, revision or checkpoint concerned. */
  readonly failures: readonly string[];
}

/**
 * Checks an auditor export offline: the case's hash chain recomputed from content, each segment's
 * running digest reaching its signed checkpoint, and the Ed25519 signatures. `trustedPublicKeyPem`
 * (the key the auditor got from the operator) overrides the key inside the file.
 */
export function verifyCaseExport(text: string, trustedPublicKeyPem?: string): ExportVerification {
  const failures: string[] = [];
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const parsed = lines.map((line, i) => {
    try {
      return JSON.parse(line) as { kind?: unknown };
    } catch {
      failures.push(`line ${i + 1} is not valid JSON`);
      return null;
    }
  });
  const header = parsed[0] as ExportHeader | null;
  const of = <K extends string, T>(kind: K) => parsed.filter((l): l is T & { kind: K } => l?.kind === kind) as T[];
  const events = of<'event', ExportEvent>('event');
  const checkpoints = of<'checkpoint', ExportCheckpoint>('checkpoint');
  const segments = of<'segment', ExportSegment>('segment');
  if (!header || header.kind !== 'header' || header.format !== EXPORT_FORMAT || header.version !== EXPORT_VERSION) {
    failures.push(`line 1 is not a ${EXPORT_FORMAT} v${EXPORT_VERSION} header`);
    return { valid: false, caseId: null, events: events.length, covering: null, failures };
  }
  const publicKey = keyFrom(trustedPublicKeyPem ?? header.publicKey, failures);
  if (publicKey && keyIdOf(publicKey) !== header.keyId) failures.push(`header: keyId ${header.keyId} is not the id of the ${trustedPublicKeyPem ? 'trusted' : 'included'} public key (${keyIdOf(publicKey)})`);
  if (events.length !== header.events) failures.push(`header announces ${header.events} events, the file holds ${events.length}`);

  const hashByPosition = checkEvents(header, events, failures);
  for (const cp of checkpoints) {
    if (publicKey && (cp.keyId !== keyIdOf(publicKey) || !checkpointSignatureValid(cp, publicKey))) {
      failures.push(`checkpoint ${cp.seq} (position ${cp.position}): the signature does not verify with the public key`);
    }
  }
  const linked = new Set<number>();
  for (const segment of segments) checkSegment(segment, checkpoints, hashByPosition, linked, failures);
  for (const event of events) {
    if (!linked.has(event.position)) failures.push(`event revision ${event.revision} (position ${event.position}) is not linked to any checkpoint`);
  }
  const covering = checkpoints.find((cp) => cp.covering) ?? null;
  const lastPosition = Math.max(0, ...events.map((e) => e.position));
  if (!covering) failures.push('no covering checkpoint');
  else if (covering.position < lastPosition) failures.push(`covering checkpoint ${covering.seq} (position ${covering.position}) is before the case's last event (position ${lastPosition})`);
  return { valid: failures.length === 0, caseId: header.caseId, events: events.length, covering: covering && { seq: covering.seq, position: covering.position }, failures };
}

function keyFrom(pem: string, failures: string[]): KeyObject | null {
  try {
    return readPublicKey(pem);
  } catch (error) {
    failures.push(`public key: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** Each event's hash recomputed from its content, then the chain's links; returns the verified hashes by position. */
function checkEvents(header: ExportHeader, events: readonly ExportEvent[], failures: string[]): Map<number, string> {
  const hashes = new Map<number, string>();
  for (const e of events) {
    const where = `event revision ${e.revision} (position ${e.position})`;
    if (e.streamId !== header.streamId) failures.push(`${where} belongs to ${e.streamId}, not ${header.streamId}`);
    let recomputed: string | null = null;
    try {
      recomputed = computeEventHash(e);
    } catch {
      failures.push(`${where}: its content cannot be hashed`);
    }
    if (recomputed !== null && recomputed !== e.hash) failures.push(`${where}: the hash does not match the event's content (type, data or metadata changed)`);
    else hashes.set(e.position, e.hash);
  }
  const chain = verifyStream(events.map(({ kind: _kind, ...event }) => event));
  if (!chain.valid && chain.problem !== 'hash-mismatch') failures.push(`chain of ${header.streamId} broken at revision ${chain.firstInvalidRevision}: ${chain.reason}`);
  return hashes;
}

function checkSegment(
  segment: ExportSegment,
  checkpoints: readonly ExportCheckpoint[],
  hashByPosition: ReadonlyMap<number, string>,
  linked: Set<number>,
  failures: string[],
): void {
  const where = `segment for checkpoint ${segment.checkpointSeq}`;
  const checkpoint = checkpoints.find((cp) => cp.seq === segment.checkpointSeq);
  if (!checkpoint) return void failures.push(`${where}: the checkpoint is not in the file`);
  let digest = segment.startDigest;
  let previous = -Infinity;
  for (const [position, hash] of segment.entries) {
    if (!(position > previous)) failures.push(`${where}: position ${position} is out of order`);
    previous = position;
    const caseHash = hashByPosition.get(position);
    if (caseHash !== undefined) {
      if (caseHash === hash) linked.add(position);
      else failures.push(`${where}: the hash at position ${position} is not the case event's hash`);
    }
    digest = nextDigest(digest, hash, position);
  }
  if (previous !== checkpoint.position) failures.push(`${where}: it ends at position ${previous}, not at the checkpoint's position ${checkpoint.position}`);
  if (digest !== checkpoint.digest) failures.push(`${where}: the running digest does not reach the signed digest of checkpoint ${checkpoint.seq}`);
}
