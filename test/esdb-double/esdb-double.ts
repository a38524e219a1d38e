/**
 * TEST DOUBLE — never shipped. A wire-level stand-in for an EventStoreDB node: a real gRPC server
 * on 127.0.0.1 (insecure, random port) serving the service definitions `@eventstore/db-client`
 * ships, over an in-memory log. It lets the EventStoreDB adapter run its contract where no server
 * can run. It implements what the client calls for appends, reads and subscriptions and nothing
 * more: `ServerFeatures.GetSupportedMethods`, `Streams.Read`, `Streams.Append` and, when
 * advertised, `Streams.BatchAppend`; any other RPC answers UNIMPLEMENTED. `calls` lists what the client used.
 */
import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import serverFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import serverFeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import { appendHandler, batchAppendHandler } from './append-handlers.js';
import { InMemoryLog } from './in-memory-log.js';
import { readHandler } from './read-handler.js';

export type AppendMode = 'batch append' | 'classic append';

export interface EsdbDoubleOptions {
  /** Which append RPC the double advertises, and so which one the client will use. */
  readonly appendMode: AppendMode;
}

const { ServerFeaturesService } = serverFeaturesGrpc;
const { StreamsService } = streamsGrpc;
const { SupportedMethod, SupportedMethods } = serverFeaturesPb;
const SERVER_VERSION = '23.10.0 (casetrail test double)';

export class EsdbDouble {
  readonly log = new InMemoryLog();
  /** Paths of the RPCs the client called, in order, unimplemented ones included. */
  readonly calls: string[] = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
    readonly appendMode: AppendMode,
  ) {}

  static async start({ appendMode }: EsdbDoubleOptions): Promise<EsdbDouble> {
    const server = new Server();
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    const double = new EsdbDouble(server, port, appendMode);
    double.register();
    double.seedSystemEvents();
    return double;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** Appends straight to the log, as another writer or the server itself would: no adapter involved. */
  appendRaw(streamId: string, type: string, data: unknown = {}): void {
    const body = Buffer.from(JSON.stringify(data), 'utf8');
    this.log.append(streamId, 'any', [{ id: randomUUID(), type, contentType: 'application/json', data: body, customMetadata: new Uint8Array() }]);
  }

  /** Ends every call at once, as a node that goes away does. */
  async stop(): Promise<void> {
    this.server.forceShutdown();
  }

  private register(): void {
    const streams: UntypedServiceImplementation = {
      read: readHandler(this.log),
      append: appendHandler(this.log),
      ...(this.appendMode === 'batch append' ? { batchAppend: batchAppendHandler(this.log) } : {}),
    };
    this.server.addService(StreamsService as unknown as ServiceDefinition, this.counted(StreamsService, streams));
    this.server.addService(
      ServerFeaturesService as unknown as ServiceDefinition,
      this.counted(ServerFeaturesService, {
        getSupportedMethods: (_call: unknown, callback: (error: null, reply: InstanceType<typeof SupportedMethods>) => void) =>
          callback(null, this.supportedMethods()),
      }),
    );
  }

  /** Wraps each handler so a test can see which RPCs the client really uses. */
  private counted(service: object, handlers: UntypedServiceImplementation): UntypedServiceImplementation {
    const paths = service as Record<string, { path: string }>;
    return Object.fromEntries(
      Object.entries(handlers).map(([name, handler]) => [
        name,
        (...args: unknown[]) => {
          this.calls.push(paths[name]!.path);
          return (handler as (...a: unknown[]) => unknown)(...args);
        },
      ]),
    );
  }

  /** What a real node lists, lower-cased as the server does; batch append only when advertised. */
  private supportedMethods(): InstanceType<typeof SupportedMethods> {
    const methods = ['read', 'append', 'delete', 'tombstone', ...(this.appendMode === 'batch append' ? ['batchappend'] : [])];
    const list = methods.map((method) =>
      new SupportedMethod().setServiceName('event_store.client.streams.streams').setMethodName(method),
    );
    return new SupportedMethods().setMethodsList(list).setEventStoreServerVersion(SERVER_VERSION);
  }

  /** A real `$all` starts with the server's own events; the adapter must never hand them out. */
  private seedSystemEvents(): void {
    this.appendRaw('$settings', '$settings', { $userStreamAcl: {} });
    this.appendRaw('$scavenges', '$scavengeIndexInitialized');
  }
}
