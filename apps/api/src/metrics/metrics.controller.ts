import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../platform/index.js';
import { CasetrailMetrics } from './casetrail-metrics.js';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: CasetrailMetrics) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics: commands, HTTP requests, projection positions and lag (no personal data)' })
  expose(): Promise<string> {
    return this.metrics.registry.expose();
  }
}
