import type { Position } from '../event-store.port.js';
import type { EsdbPosition } from './esdb-client.js';

/**
 * The port's `Position` is a number; EventStoreDB's is `{commit, prepare}`, byte offsets into its
 * transaction log. Every event appended over gRPC is a self-committed implicit transaction, for
 * which the server reports commit = prepare = the event's own log position, so the commit
 * position alone names one event and orders `$all`. A JavaScript number holds it exactly up to
 * 2^53 bytes (8 PiB) of log, far beyond any single EventStoreDB database; past that `toPosition`
 * throws rather than silently rounding a checkpoint.
 */
export function toPosition(position: EsdbPosition | undefined): Position {
  if (!position) throw new Error('EventStoreDB returned an event without a position (a server older than 22.6?)');
  const commit = Number(position.commit);
  if (!Number.isSafeInteger(commit)) throw new RangeError(`Commit position ${position.commit} exceeds 2^53`);
  return commit;
}

/** Back to EventStoreDB, for a read or subscription starting at a checkpoint. */
export function toEsdbPosition(position: Position): EsdbPosition {
  return { commit: BigInt(position), prepare: BigInt(position) };
}
