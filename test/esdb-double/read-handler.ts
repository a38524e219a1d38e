/**
 * TEST DOUBLE — never shipped. `Streams.Read`, the one server-streaming RPC behind stream reads,
 * `$all` reads and subscriptions. Semantics follow EventStoreDB: reading `$all` forwards from a
 * position includes it, backwards from a position excludes it, a subscription from a position
 * starts after it; a missing stream answers `StreamNotFound`; a subscription sends a
 * confirmation, the history, a checkpoint (when filtered), `CaughtUp`, then live events.
 */
import { randomUUID } from 'node:crypto';
import type { ServerWritableStream } from '@grpc/grpc-js';
import type streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import type { InMemoryLog, StoredRecord } from './in-memory-log.js';
import { caughtUpMessage, checkpointMessage, confirmationMessage, eventMessage, streamName, streamNotFoundMessage } from './wire-messages.js';

type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type Options = InstanceType<typeof streamsPb.ReadReq.Options>;
type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

const BACKWARDS = 1;

export function readHandler(log: InMemoryLog): (call: ReadCall) => void {
  return (call) => {
    const options = call.request.getOptions();
    if (!options) {
      call.destroy(new Error('ReadReq without options'));
      return;
    }
    if (options.hasSubscription()) return subscribeToAll(log, call, options);
    const records = options.hasStream() ? readStream(log, call, options) : readAll(log, options);
    if (records) for (const record of records) call.write(eventMessage(record));
    call.end();
  };
}

function readStream(log: InMemoryLog, call: ReadCall, options: Options): readonly StoredRecord[] | null {
  const stream = options.getStream()!;
  const name = streamName(stream.getStreamIdentifier());
  const records = log.stream(name);
  if (!records) {
    call.write(streamNotFoundMessage(name));
    return null;
  }
  const count = Number(options.getCount());
  if (options.getReadDirection() === BACKWARDS) {
    const from = stream.hasRevision() ? Number(stream.getRevision()) : records.length - 1;
    return records.slice(0, from + 1).reverse().slice(0, count);
  }
  const from = stream.hasRevision() ? Number(stream.getRevision()) : 0;
  return records.slice(from, from + count);
}

function readAll(log: InMemoryLog, options: Options): readonly StoredRecord[] {
  const all = options.getAll()!;
  const count = Number(options.getCount());
  const matches = filterOf(options);
  const at = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : null;
  if (options.getReadDirection() === BACKWARDS) {
    const before = all.hasStart() ? [] : log.all().filter((r) => at === null || r.position < at);
    return before.filter(matches).reverse().slice(0, count);
  }
  const after = all.hasEnd() ? [] : log.all().filter((r) => at === null || r.position >= at);
  return after.filter(matches).slice(0, count);
}

function subscribeToAll(log: InMemoryLog, call: ReadCall, options: Options): void {
  if (!options.hasAll()) {
    call.destroy(new Error('The double subscribes to $all only'));
    return;
  }
  const all = options.getAll()!;
  const matches = filterOf(options);
  call.write(confirmationMessage(randomUUID()));
  const at = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : null;
  const history = all.hasEnd() ? [] : log.all().filter((r) => at === null || r.position > at);
  for (const record of history) if (matches(record)) call.write(eventMessage(record));
  const last = history[history.length - 1];
  if (options.hasFilter() && last) call.write(checkpointMessage(last.position));
  call.write(caughtUpMessage());
  // Everything above ran in one turn of the event loop, so no append slipped between the
  // history and the live listener.
  const stop = log.listen((record) => {
    if (matches(record)) call.write(eventMessage(record));
  });
  call.on('cancelled', stop);
  call.on('close', stop);
}

/** Stream-name or event-type filters, by prefixes or a regular expression, as the server applies them. */
function filterOf(options: Options): (record: StoredRecord) => boolean {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter()!;
  const expression = filter.hasStreamIdentifier() ? filter.getStreamIdentifier()! : filter.getEventType()!;
  const field = filter.hasStreamIdentifier() ? (r: StoredRecord) => r.streamId : (r: StoredRecord) => r.type;
  const prefixes = expression.getPrefixList();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : null;
  return (record) => {
    const value = field(record);
    return (prefixes.length === 0 || prefixes.some((p) => value.startsWith(p))) && (!regex || regex.test(value));
  };
}
