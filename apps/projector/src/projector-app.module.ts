import { Module, type DynamicModule } from '@nestjs/common';
import { readModelDbConfig } from '#casetrail/read-models';
import { HealthModule } from '../../api/src/health/health.module.js';
import { InfrastructureModule } from '../../api/src/infrastructure/infrastructure.module.js';
import { MetricsModule } from '../../api/src/metrics/metrics.module.js';
import type { AppConfig } from '../../api/src/platform/index.js';
import { ProjectorModule } from './projector.module.js';

/**
 * The projector process of the production profile: the projections (each under its lease, so
 * several projector replicas give one active and standbys) plus /health and /metrics for the
 * orchestrator. It serves no API and needs no tokens.
 */
@Module({})
export class ProjectorAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProjectorAppModule,
      imports: [
        InfrastructureModule.forRoot(config),
        ProjectorModule.forRoot({ readModelDb: readModelDbConfig(process.env, config.dataDir), projections: 'inline' }),
        MetricsModule,
        HealthModule,
      ],
    };
  }
}
