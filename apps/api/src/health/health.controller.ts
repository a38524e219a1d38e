import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, PROJECTION_HOST } from '#casetrail/application';
import type { EventStore } from '#casetrail/event-store';
import type { ProjectionHost, ProjectionStatus } from '#casetrail/read-models';
import { Public } from '../platform/index.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_HOST) private readonly projections: ProjectionHost,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The event store answers; each projection with its position, lag and any failure' })
  async check(): Promise<{ status: 'ok' | 'degraded'; eventStore: { status: 'up'; headPosition: number }; projections: object[] }> {
    const headPosition = await this.store.headPosition();
    const projections = this.projections.statuses().map((p: ProjectionStatus) => ({ ...p, lag: Math.max(0, headPosition - p.position) }));
    const status = projections.some((p) => p.state === 'failed') ? 'degraded' : 'ok';
    return { status, eventStore: { status: 'up', headPosition }, projections };
  }
}
