import { Controller, Get, Query as QueryParam, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ListAuditEventsQuery } from '#casetrail/application';
import { AUDIT_CSV_COLUMNS, type AuditEventItem, type Page } from '#casetrail/read-models';
import { Roles } from '../../platform/index.js';
import { ApiListResponses } from '../shared/api-list-route.decorator.js';
import { respondWithPage } from '../shared/list-response.js';
import { AuditQueryDto } from './audit-query.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get('events')
  @Roles('auditor', 'supervisor')
  @ApiOperation({
    summary: 'Every stored event with who, when, why and its hash, in store order',
    description:
      'One item per event of every stream (product units too, with `caseId` null), ascending by global `position`. ' +
      '`from`/`to` bound `recordedAt` — the server time the event was stored — not the business time `occurredAt` ' +
      '(`from` inclusive, `to` exclusive). `type` is the event name without version. Event data is not included; read a ' +
      "case's history for it. `Accept: text/csv` answers CSV with the next cursor in `X-Next-Cursor`.",
  })
  @ApiListResponses()
  async list(
    @QueryParam() query: AuditQueryDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<AuditEventItem> | string> {
    const page = await this.queries.execute(new ListAuditEventsQuery(query.filter, query.cursor, query.pageLimit));
    return respondWithPage(req, reply, page, AUDIT_CSV_COLUMNS);
  }
}
