/**
 * TEST DOUBLE — never shipped. Translation between the double's stored records and the protobuf
 * messages of EventStoreDB's gRPC API, built from the classes `@eventstore/db-client` ships in
 * `generated/`, so the double speaks exactly the wire format the client decodes.
 */
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import type { StoredRecord } from './in-memory-log.js';

const { ReadResp } = streamsPb;
const { AllStreamPosition, Empty, StreamIdentifier, UUID, WrongExpectedVersion } = sharedPb;

/** gRPC code FAILED_PRECONDITION, which the server puts on a batch-append conflict. */
const FAILED_PRECONDITION = 9;

export function streamName(identifier: InstanceType<typeof StreamIdentifier> | undefined): string {
  return identifier ? Buffer.from(identifier.getStreamName_asU8()).toString('utf8') : '';
}

export function streamIdentifier(name: string): InstanceType<typeof StreamIdentifier> {
  return new StreamIdentifier().setStreamName(Uint8Array.from(Buffer.from(name, 'utf8')));
}

export function uuidString(uuid: InstanceType<typeof UUID> | undefined): string {
  if (!uuid?.hasString()) throw new Error('The double only handles UUIDs in string form, as this client sends them');
  return uuid.getString();
}

/** One `ReadResp` carrying an event, shaped as the server sends it for stream and `$all` reads. */
export function eventMessage(record: StoredRecord): InstanceType<typeof ReadResp> {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(record.id))
    .setStreamIdentifier(streamIdentifier(record.streamId))
    .setStreamRevision(String(record.revision))
    .setCommitPosition(String(record.position))
    .setPreparePosition(String(record.position))
    .setData(record.data)
    .setCustomMetadata(record.customMetadata);
  const metadata = recorded.getMetadataMap();
  metadata.set('type', record.type);
  metadata.set('content-type', record.contentType);
  metadata.set('created', String(record.created));
  const event = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(String(record.position));
  return new ReadResp().setEvent(event);
}

export function checkpointMessage(position: bigint): InstanceType<typeof ReadResp> {
  const checkpoint = new ReadResp.Checkpoint().setCommitPosition(String(position)).setPreparePosition(String(position));
  return new ReadResp().setCheckpoint(checkpoint);
}

export const confirmationMessage = (id: string) => new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(id));
export const caughtUpMessage = () => new ReadResp().setCaughtUp(new ReadResp.CaughtUp());
export const streamNotFoundMessage = (name: string) =>
  new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name)));

export function allStreamPosition(position: bigint): InstanceType<typeof AllStreamPosition> {
  return new AllStreamPosition().setCommitPosition(String(position)).setPreparePosition(String(position));
}

/** The `google.rpc.Status` a batch append answers a conflict with: details hold a packed `WrongExpectedVersion`. */
export function wrongExpectedVersionStatus(currentRevision: number, expected: bigint | 'no-stream' | 'any' | 'stream-exists') {
  const details = new WrongExpectedVersion();
  if (currentRevision < 0) details.setCurrentNoStream(new Empty());
  else details.setCurrentStreamRevision(String(currentRevision));
  if (typeof expected === 'bigint') details.setExpectedStreamPosition(String(expected));
  else if (expected === 'no-stream') details.setExpectedNoStream(new Empty());
  else if (expected === 'any') details.setExpectedAny(new Empty());
  else details.setExpectedStreamExists(new Empty());
  const packed = new anyPb.Any();
  packed.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  return new statusPb.Status().setCode(FAILED_PRECONDITION).setMessage('WrongExpectedVersion').setDetails(packed);
}
