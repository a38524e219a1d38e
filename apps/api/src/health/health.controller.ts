import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE } from '#casetrail/application';
import type { EventStore } from '#casetrail/event-store';
import { Public } from '../platform/index.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and readiness: the event store answers' })
  async check(): Promise<{ status: 'ok'; eventStore: { status: 'up'; headPosition: number } }> {
    return { status: 'ok', eventStore: { status: 'up', headPosition: await this.store.headPosition() } };
  }
}
