/**
 * TEST DOUBLE — never shipped. The two append RPCs the client may choose between: the classic
 * client-streaming `Streams.Append` (options, then one message per event, one answer), and the
 * bidirectional `Streams.BatchAppend` (requests tagged with a correlation id, events spread over
 * requests until `is_final`, one answer per correlation id), which the client uses only when
 * the server lists it among its supported methods.
 */
import type { sendUnaryData, ServerDuplexStream, ServerReadableStream } from '@grpc/grpc-js';
import emptyPb from 'google-protobuf/google/protobuf/empty_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import type { ExpectedState, InMemoryLog, ProposedRecord } from './in-memory-log.js';
import { allStreamPosition, streamIdentifier, streamName, uuidString, wrongExpectedVersionStatus } from './wire-messages.js';

type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
type AppendResp = InstanceType<typeof streamsPb.AppendResp>;
type BatchAppendReq = InstanceType<typeof streamsPb.BatchAppendReq>;
type BatchAppendResp = InstanceType<typeof streamsPb.BatchAppendResp>;
type Proposed = InstanceType<typeof streamsPb.AppendReq.ProposedMessage> | InstanceType<typeof streamsPb.BatchAppendReq.ProposedMessage>;

const { AppendResp, BatchAppendResp } = streamsPb;
const { Empty } = sharedPb;

function toProposed(message: Proposed): ProposedRecord {
  const metadata = message.getMetadataMap();
  return {
    id: uuidString(message.getId()),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

interface ExpectedOptions {
  hasRevision?(): boolean;
  getRevision?(): string;
  hasStreamPosition?(): boolean;
  getStreamPosition?(): string;
  hasNoStream(): boolean;
  hasAny(): boolean;
}

function expectedOf(options: ExpectedOptions): ExpectedState {
  if (options.hasRevision?.()) return { revision: Number(options.getRevision!()) };
  if (options.hasStreamPosition?.()) return { revision: Number(options.getStreamPosition!()) };
  if (options.hasNoStream()) return 'no-stream';
  return options.hasAny() ? 'any' : 'stream-exists';
}

const expectedOnWire = (expected: ExpectedState) => (typeof expected === 'object' ? BigInt(expected.revision) : expected);

export function appendHandler(log: InMemoryLog) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    let options: InstanceType<typeof streamsPb.AppendReq.Options> | undefined;
    const events: ProposedRecord[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      else if (request.hasProposedMessage()) events.push(toProposed(request.getProposedMessage()!));
    });
    call.on('end', () => {
      if (!options) return callback(new Error('Append without options'));
      const expected = expectedOf(options);
      const outcome = log.append(streamName(options.getStreamIdentifier()), expected, events);
      const response = new AppendResp();
      if (outcome.ok) {
        const position = new AppendResp.Position().setCommitPosition(String(outcome.position)).setPreparePosition(String(outcome.position));
        response.setSuccess(new AppendResp.Success().setCurrentRevision(String(outcome.revision)).setPosition(position));
      } else {
        const wrong = new AppendResp.WrongExpectedVersion();
        if (outcome.currentRevision < 0) wrong.setCurrentNoStream(new Empty());
        else wrong.setCurrentRevision(String(outcome.currentRevision));
        if (typeof expected === 'object') wrong.setExpectedRevision(String(expected.revision));
        else if (expected === 'no-stream') wrong.setExpectedNoStream(new Empty());
        else if (expected === 'any') wrong.setExpectedAny(new Empty());
        else wrong.setExpectedStreamExists(new Empty());
        response.setWrongExpectedVersion(wrong);
      }
      callback(null, response);
    });
  };
}

interface PendingBatch {
  readonly options: InstanceType<typeof streamsPb.BatchAppendReq.Options>;
  readonly events: ProposedRecord[];
}

export function batchAppendHandler(log: InMemoryLog) {
  return (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    const pending = new Map<string, PendingBatch>();
    call.on('data', (request: BatchAppendReq) => {
      const correlationId = request.getCorrelationId();
      const key = uuidString(correlationId);
      const options = request.getOptions() ?? pending.get(key)?.options;
      if (!options) return call.destroy(new Error('BatchAppend continuation without a first request'));
      const batch = pending.get(key) ?? { options, events: [] };
      batch.events.push(...request.getProposedMessagesList().map(toProposed));
      pending.set(key, batch);
      if (!request.getIsFinal()) return;
      pending.delete(key);
      const name = streamName(options.getStreamIdentifier());
      const expected = expectedOf(options);
      const outcome = log.append(name, expected, batch.events);
      const response = new BatchAppendResp().setCorrelationId(correlationId).setStreamIdentifier(streamIdentifier(name));
      if (typeof expected === 'object') response.setStreamPosition(String(expected.revision));
      else if (expected === 'no-stream') response.setNoStream(new emptyPb.Empty());
      else if (expected === 'any') response.setAny(new emptyPb.Empty());
      else response.setStreamExists(new emptyPb.Empty());
      if (outcome.ok) {
        response.setSuccess(
          new BatchAppendResp.Success().setCurrentRevision(String(outcome.revision)).setPosition(allStreamPosition(outcome.position)),
        );
      } else {
        response.setError(wrongExpectedVersionStatus(outcome.currentRevision, expectedOnWire(expected)));
      }
      call.write(response);
    });
    call.on('end', () => call.end());
  };
}
