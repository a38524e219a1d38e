import type { NewEvent, RecordedEvent, StoredMetadata } from '../event-store.port.js';
import { computeEventHash } from '../hash-chain/event-hash.js';
import { jsonEvent, type AllStreamResolvedEvent, type ResolvedEvent } from './esdb-client.js';
import { toPosition } from './esdb-positions.js';

/** Streams that are casetrail's own events (DESIGN §2); `$all` also holds system and idempotency streams. */
export const CASETRAIL_STREAM_PREFIXES: readonly string[] = ['ServiceCase-', 'ProductUnit-'];
export const isCasetrailStream = (streamId: string): boolean => CASETRAIL_STREAM_PREFIXES.some((prefix) => streamId.startsWith(prefix));

/** An event ready to write: its metadata complete and its hash chained to the one before. */
export interface PreparedEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: StoredMetadata;
  readonly hash: string;
}

/** Stamps `recordedAt` and chains the hashes, exactly as the SQLite adapter does (DESIGN §6). */
export function prepareEvents(events: readonly NewEvent[], previousHash: string | null, recordedAt: string): PreparedEvent[] {
  let prevHash = previousHash;
  return events.map((event) => {
    const metadata: StoredMetadata = { ...event.metadata, recordedAt, prevHash };
    const hash = computeEventHash({ type: event.type, data: event.data, metadata });
    prevHash = hash;
    return { type: event.type, data: event.data, metadata, hash };
  });
}

/** ESDB event type = the stored type string; ESDB metadata = casetrail's metadata plus the hash. */
export function toEventData(event: PreparedEvent) {
  return jsonEvent({
    id: event.metadata.eventId,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: { ...event.metadata, hash: event.hash },
  });
}

export function toRecordedEvent({ event }: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  if (!event || !event.isJson) throw new Error('EventStoreDB returned a link or a binary event where a casetrail event was expected');
  const { hash, ...metadata } = event.metadata as unknown as StoredMetadata & { readonly hash: string };
  return {
    streamId: event.streamId,
    revision: Number(event.revision),
    position: toPosition(event.position),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata,
    hash,
  };
}
