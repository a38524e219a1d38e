import type { EventStore, Position, RecordedEvent } from '../event-store.port.js';
import type { Checkpoint } from './checkpoint.js';
import type { CheckpointStore } from './checkpoint-store.js';
import { advance, GENESIS_STATE, type DigestState } from './running-digest.js';

export const EXPORT_FORMAT = 'casetrail-case-export';
export const EXPORT_VERSION = 1;
export const DIGEST_RULE = 'digest_p = sha256(ascii(digest_{p-1} "\\n" hash_p "\\n" decimal(p))), digest_0 = 64 zeros';

export interface ExportHeader {
  readonly kind: 'header';
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  readonly caseId: string;
  readonly streamId: string;
  readonly exportedAt: string;
  readonly publicKey: string;
  readonly keyId: string;
  readonly events: number;
  readonly digestRule: string;
}

export interface ExportEvent extends RecordedEvent {
  readonly kind: 'event';
}

export interface ExportCheckpoint extends Checkpoint {
  readonly kind: 'checkpoint';
  /** The first checkpoint at or after the case's last event. */
  readonly covering: boolean;
}

/**
 * Links a run of the case's events to one signed checkpoint: the running digest just before the
 * run's first event, then every (position, hash) from that event to the checkpoint's position.
 * The start digest need not be trusted: reaching the signed digest from any other start or hashes
 * would take a SHA-256 preimage.
 */
export interface ExportSegment {
  readonly kind: 'segment';
  readonly checkpointSeq: number;
  readonly startDigest: string;
  readonly entries: ReadonlyArray<readonly [Position, string]>;
}

export type ExportLine = ExportHeader | ExportEvent | ExportCheckpoint | ExportSegment;

export class ExportNotCoveredError extends Error {}

export interface CaseExportInput {
  readonly caseId: string;
  readonly streamId: string;
  readonly events: readonly RecordedEvent[];
  readonly store: Pick<EventStore, 'readAll'>;
  readonly checkpoints: CheckpointStore;
  readonly publicKeyPem: string;
  readonly keyId: string;
  readonly exportedAt: string;
}

/**
 * Builds the export's lines. Events are grouped by the first checkpoint at or after each of them;
 * each group becomes one segment reaching from its first event to that checkpoint, so the size
 * is at most (number of groups) × (the checkpoint interval) hashes, never the whole store.
 */
export async function buildCaseExport(input: CaseExportInput): Promise<ExportLine[]> {
  const groups = new Map<number, { checkpoint: Checkpoint; first: Position }>();
  for (const event of input.events) {
    const checkpoint = input.checkpoints.firstAtOrAfter(event.position);
    if (!checkpoint) {
      throw new ExportNotCoveredError(`revision ${event.revision} (position ${event.position}) is not covered by a checkpoint yet; export again after the next one`);
    }
    if (!groups.has(checkpoint.seq)) groups.set(checkpoint.seq, { checkpoint, first: event.position });
  }
  const header: ExportHeader = {
    kind: 'header', format: EXPORT_FORMAT, version: EXPORT_VERSION, caseId: input.caseId, streamId: input.streamId,
    exportedAt: input.exportedAt, publicKey: input.publicKeyPem, keyId: input.keyId, events: input.events.length, digestRule: DIGEST_RULE,
  };
  const lines: ExportLine[] = [header, ...input.events.map((e): ExportEvent => ({ kind: 'event', ...e }))];
  const ordered = [...groups.values()];
  for (const [i, { checkpoint, first }] of ordered.entries()) {
    lines.push({ kind: 'checkpoint', ...checkpoint, covering: i === ordered.length - 1 });
    lines.push(await segment(input, checkpoint, first));
  }
  return lines;
}

async function segment(input: CaseExportInput, checkpoint: Checkpoint, first: Position): Promise<ExportSegment> {
  const previous = input.checkpoints.lastBefore(first);
  let state: DigestState = previous ? { position: previous.position, digest: previous.digest, eventCount: previous.eventCount } : GENESIS_STATE;
  let startDigest = state.digest;
  const entries: Array<readonly [Position, string]> = [];
  for (let after = state.position; after < checkpoint.position; ) {
    const page = await input.store.readAll({ after, maxCount: 1000 });
    if (page.length === 0) break;
    for (const event of page) {
      if (event.position > checkpoint.position) break;
      if (event.position < first) startDigest = advance(state, event).digest;
      else entries.push([event.position, event.hash]);
      state = advance(state, event);
    }
    after = page[page.length - 1]!.position;
  }
  if (state.position !== checkpoint.position || state.digest !== checkpoint.digest) {
    throw new Error(`The event store no longer matches checkpoint ${checkpoint.seq} (position ${checkpoint.position}); run verify --all`);
  }
  return { kind: 'segment', checkpointSeq: checkpoint.seq, startDigest, entries };
}
