import { Global, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { CasetrailMetrics } from './casetrail-metrics.js';
import { MetricsController } from './metrics.controller.js';

@Global()
@Module({ controllers: [MetricsController], providers: [CasetrailMetrics], exports: [CasetrailMetrics] })
export class MetricsModule implements OnApplicationBootstrap {
  constructor(
    private readonly metrics: CasetrailMetrics,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Counts every request by its route pattern (not its URL, which would explode the label set). */
  onApplicationBootstrap(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      this.metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
      this.metrics.httpSeconds.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    });
  }
}
