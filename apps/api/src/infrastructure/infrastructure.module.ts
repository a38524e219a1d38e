import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import {
  CASE_POLICIES,
  CLOCK,
  CUSTOMER_KEY_STORE,
  EVENT_STORE,
  EventStoreUnitFacts,
  ID_GENERATOR,
  loadSlaPolicyRegistry,
  openCustomerKeyStore,
  PersonalDataReader,
  SealingEventStore,
  SLA_POLICIES,
  UNIT_FACTS,
  type CasePolicies,
  type CustomerKeyStore,
} from '#casetrail/application';
import { DEFAULT_WARRANTY_POLICY, systemClock, type IdGenerator } from '#casetrail/domain';
import { SqliteEventStore, uuidV7, type EventStore } from '#casetrail/event-store';
import type { AppConfig } from '../platform/index.js';

/** Time-ordered ids (UUID v7): new events and cases land at the right edge of the store's indexes. */
const uuids: IdGenerator = { next: () => uuidV7() };

/** Where the SQLite event store writes its appends: on the API's thread, or on a writer thread of its own. */
export type EventWriter = 'inline' | 'thread';

/** The embedded event store's file, or `null` when `EVENT_STORE` names another store. */
export function sqliteEventsFile(config: AppConfig, env: NodeJS.ProcessEnv = process.env): string | null {
  return (env['EVENT_STORE'] || 'sqlite') === 'sqlite' ? join(config.dataDir, 'events.sqlite') : null;
}

/**
 * `EVENT_STORE=sqlite` (default: `<dataDir>/events.sqlite`) or `EVENT_STORE=esdb` with
 * `EVENTSTORE_CONNECTION_STRING` (production). Anything else stops the start-up.
 */
async function openEventStore(config: AppConfig, writer: EventWriter): Promise<EventStore> {
  const kind = process.env['EVENT_STORE'] || 'sqlite';
  if (kind === 'esdb') {
    const connection = process.env['EVENTSTORE_CONNECTION_STRING'];
    if (!connection) throw new Error('EVENT_STORE=esdb needs EVENTSTORE_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false)');
    // Loaded only here: the client and its gRPC stack add ~50 ms to every start on SQLite.
    const { EsdbEventStore } = await import('#casetrail/event-store/esdb');
    return EsdbEventStore.connect(connection, { clock: systemClock });
  }
  if (kind !== 'sqlite') throw new Error(`EVENT_STORE must be sqlite or esdb, not "${kind}"`);
  mkdirSync(config.dataDir, { recursive: true });
  return SqliteEventStore.open(sqliteEventsFile(config)!, { clock: systemClock, writer });
}

/**
 * Binds the application's ports to their adapters: the event store, clock, ids, policies, and the
 * customer key store. The application sees the event store through `SealingEventStore`, so a
 * customer's personal data is sealed before the store hashes and keeps it; `PersonalDataReader`
 * opens it again for the readers entitled to it (global, like the ports it needs).
 */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CUSTOMER_KEY_STORE) private readonly keys: CustomerKeyStore,
  ) {}

  static forRoot(config: AppConfig, eventWriter: EventWriter = 'inline'): DynamicModule {
    // Policy files are read once at start-up; a broken file stops the service with the file and field named.
    const slaPolicies = loadSlaPolicyRegistry();
    const policies: CasePolicies = { warranty: DEFAULT_WARRANTY_POLICY, slaPolicyVersion: slaPolicies.defaultVersion };
    return {
      module: InfrastructureModule,
      providers: [
        { provide: CUSTOMER_KEY_STORE, useFactory: () => openCustomerKeyStore(process.env, config.dataDir) },
        {
          provide: EVENT_STORE,
          useFactory: async (keys: CustomerKeyStore) => new SealingEventStore(await openEventStore(config, eventWriter), keys),
          inject: [CUSTOMER_KEY_STORE],
        },
        PersonalDataReader,
        { provide: CLOCK, useValue: systemClock },
        { provide: ID_GENERATOR, useValue: uuids },
        // Reporting a case reads its product unit's stream and registers an unknown unit.
        { provide: UNIT_FACTS, useClass: EventStoreUnitFacts },
        { provide: CASE_POLICIES, useValue: policies },
        { provide: SLA_POLICIES, useValue: slaPolicies },
      ],
      exports: [EVENT_STORE, CUSTOMER_KEY_STORE, PersonalDataReader, CLOCK, ID_GENERATOR, UNIT_FACTS, CASE_POLICIES, SLA_POLICIES],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.keys.close();
  }
}
