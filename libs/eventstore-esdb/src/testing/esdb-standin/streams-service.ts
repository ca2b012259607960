import { randomUUID } from 'node:crypto';
import {
  Metadata,
  status,
  type sendUnaryData,
  type ServerDuplexStream,
  type ServerReadableStream,
  type ServerWritableStream,
} from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as ProtobufEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import {
  AllStreamPosition,
  Empty,
  MaximumAppendSizeExceeded,
  StreamIdentifier,
  UUID,
  WrongExpectedVersion as SharedWrongExpectedVersion,
} from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import type { IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb';
import {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  ReadReq,
  ReadResp,
} from '@eventstore/db-client/generated/streams_pb';
import {
  type ExpectedState,
  type InMemoryLog,
  InvalidPositionError,
  type LogRecord,
  type ProposedEvent,
  type WriteResult,
} from './in-memory-log';

/** Checks a call's credentials; returns the gRPC error to answer with, or undefined to go on. */
export type Authorize = (
  metadata: Metadata,
) => { code: status; details: string; metadata?: Metadata } | undefined;

const streamName = (identifier: StreamIdentifier | undefined) =>
  Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');

const streamIdentifier = (name: string) => new StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));

const uuidText = (uuid: UUID | undefined): string => {
  if (uuid?.hasStructured()) {
    const structured = uuid.getStructured()!;
    const hex =
      BigInt.asUintN(64, BigInt(structured.getMostSignificantBits())).toString(16).padStart(16, '0') +
      BigInt.asUintN(64, BigInt(structured.getLeastSignificantBits())).toString(16).padStart(16, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return (uuid?.getString() ?? '').toLowerCase();
};

const uuidMessage = (text: string, structured: boolean): UUID => {
  if (!structured) return new UUID().setString(text);
  const hex = text.replace(/-/g, '');
  return new UUID().setStructured(
    new UUID.Structured()
      .setMostSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`)).toString())
      .setLeastSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(16)}`)).toString()),
  );
};

const proposed = (message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedEvent => ({
  eventId: uuidText(message.getId()),
  type: message.getMetadataMap().get('type') ?? '',
  contentType: message.getMetadataMap().get('content-type') ?? 'application/octet-stream',
  data: message.getData_asU8(),
  metadata: message.getCustomMetadata_asU8(),
});

const readEvent = (record: LogRecord, structuredIds: boolean): ReadResp => {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(record.eventId, structuredIds))
    .setStreamIdentifier(streamIdentifier(record.streamId))
    .setStreamRevision(record.revision.toString())
    .setCommitPosition(record.position.toString())
    .setPreparePosition(record.position.toString())
    .setData(record.data)
    .setCustomMetadata(record.metadata);
  recorded
    .getMetadataMap()
    .set('type', record.type)
    .set('content-type', record.contentType)
    .set('created', record.created.toString());
  return new ReadResp().setEvent(
    new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(record.position.toString()),
  );
};

/** A stream or event-type filter as EventStoreDB applies it: a regular expression or a list of prefixes. */
const readFilter = (options: ReadReq.Options): ((record: LogRecord) => boolean) => {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter()!;
  const onStream = filter.hasStreamIdentifier();
  const expression = (onStream ? filter.getStreamIdentifier() : filter.getEventType())!;
  const prefixes = expression.getPrefixList();
  const regex = expression.getRegex() === '' ? undefined : new RegExp(expression.getRegex(), 'u');
  return (record) => {
    const subject = onStream ? record.streamId : record.type;
    return regex !== undefined ? regex.test(subject) : prefixes.some((prefix) => subject.startsWith(prefix));
  };
};

const expectedOf = (revision: string | undefined, noStream: boolean, streamExists: boolean): ExpectedState =>
  revision !== undefined ? BigInt(revision) : noStream ? 'no_stream' : streamExists ? 'stream_exists' : 'any';

/** The Streams service of EventStoreDB's gRPC API (streams.proto): Read, Append and BatchAppend. */
export const streamsService = (log: InMemoryLog, authorize: Authorize): IStreamsServer => {
  const refused = (
    metadata: Metadata,
    fail: (error: { code: status; details: string; metadata?: Metadata }) => void,
  ) => {
    const error = authorize(metadata);
    if (error !== undefined) fail(error);
    return error !== undefined;
  };

  const read = (call: ServerWritableStream<ReadReq, ReadResp>) => {
    if (refused(call.metadata, (error) => call.emit('error', error))) return;
    const options = call.request.getOptions()!;
    const structuredIds = options.getUuidOption()?.hasStructured() ?? false;
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const count = options.hasCount() ? BigInt(options.getCount()) : 2n ** 64n;
    const send = (records: readonly LogRecord[]) =>
      records.forEach((record) => call.write(readEvent(record, structuredIds)));

    if (options.hasStream()) {
      const stream = options.getStream()!;
      const name = streamName(stream.getStreamIdentifier());
      const from = stream.hasRevision() ? BigInt(stream.getRevision()) : stream.hasEnd() ? 'end' : 'start';
      const records = log.readStream(name, from, backwards ? 'backwards' : 'forwards', count);
      if (records === undefined) {
        call.write(
          new ReadResp().setStreamNotFound(
            new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name)),
          ),
        );
      } else send(records);
      call.end();
      return;
    }

    const all = options.getAll()!;
    const from = all.hasPosition()
      ? BigInt(all.getPosition()!.getCommitPosition())
      : all.hasEnd()
        ? 'end'
        : 'start';
    const passes = readFilter(options);
    if (!options.hasSubscription()) {
      try {
        send(log.readAll(from, backwards ? 'backwards' : 'forwards', count).filter(passes));
        call.end();
      } catch (error) {
        if (!(error instanceof InvalidPositionError)) throw error;
        call.emit('error', { code: status.UNKNOWN, details: error.message });
      }
      return;
    }

    // A catch-up subscription: everything after the position, "caught up", then each new event as it comes.
    if (typeof from === 'bigint' && !log.startsARecord(from)) {
      call.emit('error', { code: status.UNKNOWN, details: new InvalidPositionError(from).message });
      return;
    }
    call.write(
      new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())),
    );
    let sentUpTo = from === 'start' ? -1n : from === 'end' ? log.end - 1n : from;
    const sendNew = () => {
      const fresh = log.after(sentUpTo);
      if (fresh.length === 0) return;
      sentUpTo = fresh.at(-1)!.position;
      send(fresh.filter(passes));
      if (options.hasFilter()) {
        call.write(
          new ReadResp().setCheckpoint(
            new ReadResp.Checkpoint()
              .setCommitPosition(sentUpTo.toString())
              .setPreparePosition(sentUpTo.toString()),
          ),
        );
      }
    };
    sendNew();
    call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    const stop = log.onAppend(sendNew);
    call.on('cancelled', stop);
    call.on('close', stop);
  };

  const append = (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) => {
    if (refused(call.metadata, (error) => callback(error))) return;
    let options: AppendReq.Options | undefined;
    const events: ProposedEvent[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      if (request.hasProposedMessage()) events.push(proposed(request.getProposedMessage()!));
    });
    call.on('end', () => {
      const expected = expectedOf(
        options?.hasRevision() ? options.getRevision() : undefined,
        options?.hasNoStream() ?? false,
        options?.hasStreamExists() ?? false,
      );
      const result = log.append(streamName(options?.getStreamIdentifier()), expected, events);
      if (result.kind === 'too_large') {
        const metadata = new Metadata();
        metadata.set('exception', 'maximum-append-size-exceeded');
        metadata.set('maximum-append-size', String(result.maxAppendSize));
        callback({ code: status.INVALID_ARGUMENT, details: 'Maximum Append Size exceeded', metadata });
        return;
      }
      const response = new AppendResp();
      if (result.kind === 'wrong_expected_version') {
        const wrong = new AppendResp.WrongExpectedVersion();
        if (result.current === undefined) wrong.setCurrentNoStream(new Empty());
        else wrong.setCurrentRevision(result.current.toString());
        if (typeof expected === 'bigint') wrong.setExpectedRevision(expected.toString());
        else if (expected === 'no_stream') wrong.setExpectedNoStream(new Empty());
        else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
        else wrong.setExpectedAny(new Empty());
        callback(null, response.setWrongExpectedVersion(wrong));
        return;
      }
      const success = new AppendResp.Success().setCurrentRevision(result.lastRevision.toString());
      if (result.kind === 'written') {
        success.setPosition(
          new AppendResp.Position()
            .setCommitPosition(result.position.toString())
            .setPreparePosition(result.position.toString()),
        );
      } else success.setNoPosition(new Empty());
      callback(null, response.setSuccess(success));
    });
  };

  const batchAppend = (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => {
    if (refused(call.metadata, (error) => call.emit('error', error))) return;
    const pending = new Map<string, { options?: BatchAppendReq.Options; events: ProposedEvent[] }>();
    call.on('data', (request: BatchAppendReq) => {
      const correlation = uuidText(request.getCorrelationId());
      const batch = pending.get(correlation) ?? { events: [] };
      pending.set(correlation, batch);
      if (request.hasOptions()) batch.options = request.getOptions();
      batch.events.push(...request.getProposedMessagesList().map(proposed));
      if (!request.getIsFinal()) return;
      pending.delete(correlation);
      const options = batch.options;
      const name = streamName(options?.getStreamIdentifier());
      const expected = expectedOf(
        options?.hasStreamPosition() ? options.getStreamPosition() : undefined,
        options?.hasNoStream() ?? false,
        options?.hasStreamExists() ?? false,
      );
      call.write(
        batchResponse(log.append(name, expected, batch.events), expected, name, request.getCorrelationId()!),
      );
    });
    call.on('end', () => call.end());
  };

  const unimplemented = (_call: unknown, callback: sendUnaryData<never>) =>
    callback({ code: status.UNIMPLEMENTED, details: 'the stand-in deletes nothing' });

  return { read, append, batchAppend, delete: unimplemented, tombstone: unimplemented };
};

const batchResponse = (
  result: WriteResult,
  expected: ExpectedState,
  name: string,
  correlation: UUID,
): BatchAppendResp => {
  const response = new BatchAppendResp()
    .setCorrelationId(correlation)
    .setStreamIdentifier(streamIdentifier(name));
  if (typeof expected === 'bigint') response.setStreamPosition(expected.toString());
  else if (expected === 'no_stream') response.setNoStream(new ProtobufEmpty());
  else if (expected === 'stream_exists') response.setStreamExists(new ProtobufEmpty());
  else response.setAny(new ProtobufEmpty());

  if (result.kind === 'written' || result.kind === 'idempotent') {
    const success = new BatchAppendResp.Success().setCurrentRevision(result.lastRevision.toString());
    if (result.kind === 'written') {
      success.setPosition(
        new AllStreamPosition()
          .setCommitPosition(result.position.toString())
          .setPreparePosition(result.position.toString()),
      );
    } else success.setNoPosition(new ProtobufEmpty());
    return response.setSuccess(success);
  }
  const details = new Any();
  if (result.kind === 'too_large') {
    details.pack(
      new MaximumAppendSizeExceeded().setMaxappendsize(result.maxAppendSize).serializeBinary(),
      'event_store.client.MaximumAppendSizeExceeded',
    );
    return response.setError(
      new Status()
        .setCode(Code.INVALID_ARGUMENT)
        .setMessage('Maximum Append Size exceeded')
        .setDetails(details),
    );
  }
  const wrong = new SharedWrongExpectedVersion();
  if (result.current === undefined) wrong.setCurrentNoStream(new ProtobufEmpty());
  else wrong.setCurrentStreamRevision(result.current.toString());
  if (typeof expected === 'bigint') wrong.setExpectedStreamPosition(expected.toString());
  else if (expected === 'no_stream') wrong.setExpectedNoStream(new ProtobufEmpty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new ProtobufEmpty());
  else wrong.setExpectedAny(new ProtobufEmpty());
  details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  return response.setError(
    new Status().setCode(Code.FAILED_PRECONDITION).setMessage('Wrong expected version').setDetails(details),
  );
};
