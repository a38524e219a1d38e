import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { readModelDbConfig } from '#casetrail/read-models';
import { CasesHttpModule } from './cases/cases-http.module.js';
import { CustomersHttpModule } from './customers/customers-http.module.js';
import { HealthModule } from './health/health.module.js';
import { InfrastructureModule, sqliteEventsFile, type EventWriter } from './infrastructure/infrastructure.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { ProductUnitsHttpModule } from './product-units/product-units-http.module.js';
import { ReadApiModule } from './read-api/read-api.module.js';
import { PlatformModule, type AppConfig } from './platform/index.js';
import { ProjectorModule, type ProjectionMode } from '../../projector/src/projector.module.js';

/** Which threads the embedded profile uses; the built server asks for both, in-process test apps for neither. */
export interface ThreadDefaults {
  readonly projections: ProjectionMode;
  readonly eventWriter: EventWriter;
}

const IN_PROCESS: ThreadDefaults = { projections: 'inline', eventWriter: 'inline' };

/** The environment's choice among `choices`, else `fallback`; anything else stops the start-up. */
function envChoice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const asked = process.env[name]?.trim();
  if (!asked) return fallback;
  if (!choices.includes(asked as T)) throw new Error(`${name} must be ${choices.join(', ')}, not "${asked}"`);
  return asked as T;
}

/**
 * `CASETRAIL_PROJECTIONS` and `CASETRAIL_EVENT_WRITER`, else the defaults. Both threads need the
 * SQLite event store: without it the defaults fall back to `inline`.
 */
function threadsOf(eventsFile: string | null, defaults: ThreadDefaults): ThreadDefaults {
  const sqlite = eventsFile !== null;
  return {
    projections: envChoice('CASETRAIL_PROJECTIONS', ['inline', 'worker', 'off'], sqlite ? defaults.projections : 'inline'),
    eventWriter: envChoice('CASETRAIL_EVENT_WRITER', ['inline', 'thread'], sqlite ? defaults.eventWriter : 'inline'),
  };
}

/** The embedded profile: API and projections in one process on SQLite files under the data folder. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, defaults: ThreadDefaults = IN_PROCESS): DynamicModule {
    const eventsFile = sqliteEventsFile(config);
    const threads = threadsOf(eventsFile, defaults);
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        PlatformModule.forRoot(config),
        InfrastructureModule.forRoot(config, threads.eventWriter),
        // Embedded: the projections run in this process. Production API replicas set CASETRAIL_PROJECTIONS=off
        // and leave them to apps/projector.
        ProjectorModule.forRoot({
          readModelDb: readModelDbConfig(process.env, config.dataDir),
          projections: threads.projections,
          eventsFile: eventsFile ?? undefined,
          dataDir: config.dataDir,
        }),
        MetricsModule,
        CasesHttpModule,
        ReadApiModule,
        ProductUnitsHttpModule,
        CustomersHttpModule,
        HealthModule,
      ],
    };
  }
}
