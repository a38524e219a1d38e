import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { CasetrailHealthIndicators } from './health-indicators.js';
import { HealthController } from './health.controller.js';

@Module({ imports: [TerminusModule.forRoot({ logger: false })], controllers: [HealthController], providers: [CasetrailHealthIndicators] })
export class HealthModule {}
