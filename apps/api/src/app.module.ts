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
import { ProjectorModule } from '../../projector/src/projector.module.js';
import { IN_PROCESS, threadsOf, type ThreadDefaults } from './threads.js';

/** The embedded profile: API and projections in one process on SQLite files under the data folder. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, defaults: ThreadDefaults = IN_PROCESS): DynamicModule {
    const eventsFile = sqliteEventsFile(config);
    const threads = threadsOf(eventsFile, defaults, process.env);
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
          queryThreads: threads.queryThreads,
          projectionNice: threads.projectionNice,
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
