import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { readModelDbConfig } from '#casetrail/read-models';
import { CasesHttpModule } from './cases/cases-http.module.js';
import { CustomersHttpModule } from './customers/customers-http.module.js';
import { HealthModule } from './health/health.module.js';
import { InfrastructureModule, sqliteEventsFile } from './infrastructure/infrastructure.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { ProductUnitsHttpModule } from './product-units/product-units-http.module.js';
import { ReadApiModule } from './read-api/read-api.module.js';
import { PlatformModule, type AppConfig } from './platform/index.js';
import { ProjectorModule, type ProjectionMode } from '../../projector/src/projector.module.js';

const MODES: readonly ProjectionMode[] = ['inline', 'worker', 'off'];

/**
 * `CASETRAIL_PROJECTIONS`, else `fallback`: the built server defaults to `worker`, in-process test
 * apps (TypeScript sources, no worker file to load) to `inline`. Without the SQLite event store,
 * the default `worker` falls back to `inline`.
 */
function projectionMode(eventsFile: string | null, fallback: ProjectionMode): ProjectionMode {
  const asked = process.env['CASETRAIL_PROJECTIONS']?.trim();
  if (asked && !MODES.includes(asked as ProjectionMode)) throw new Error(`CASETRAIL_PROJECTIONS must be ${MODES.join(', ')}, not "${asked}"`);
  if (asked) return asked as ProjectionMode;
  return fallback === 'worker' && eventsFile === null ? 'inline' : fallback;
}

/** The embedded profile: API and projections in one process on SQLite files under the data folder. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, defaultProjections: ProjectionMode = 'inline'): DynamicModule {
    const eventsFile = sqliteEventsFile(config);
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        PlatformModule.forRoot(config),
        InfrastructureModule.forRoot(config),
        // Embedded: the projections run in this process. Production API replicas set CASETRAIL_PROJECTIONS=off
        // and leave them to apps/projector.
        ProjectorModule.forRoot({
          readModelDb: readModelDbConfig(process.env, config.dataDir),
          projections: projectionMode(eventsFile, defaultProjections),
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
