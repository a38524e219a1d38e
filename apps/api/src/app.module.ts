import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { readModelDbConfig } from '#casetrail/read-models';
import { CasesHttpModule } from './cases/cases-http.module.js';
import { CustomersHttpModule } from './customers/customers-http.module.js';
import { HealthModule } from './health/health.module.js';
import { InfrastructureModule } from './infrastructure/infrastructure.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { ProductUnitsHttpModule } from './product-units/product-units-http.module.js';
import { ReadApiModule } from './read-api/read-api.module.js';
import { PlatformModule, type AppConfig } from './platform/index.js';
import { ProjectorModule } from '../../projector/src/projector.module.js';

/** The embedded profile: API and (later) projections in one process on SQLite files under the data folder. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
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
          runProjections: process.env['CASETRAIL_PROJECTIONS'] !== 'off',
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
