import { Controller, Get, Query as QueryParam, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ListCasesQuery } from '#casetrail/application';
import type { Actor } from '#casetrail/domain';
import { CASE_SUMMARY_CSV_COLUMNS, type CaseSummaryItem, type Page } from '#casetrail/read-models';
import { CurrentActor, Roles } from '../../platform/index.js';
import { ApiListResponses } from '../shared/api-list-route.decorator.js';
import { respondWithPage } from '../shared/list-response.js';
import { CaseListQueryDto } from './case-list-query.dto.js';

/** Shares `v1/cases` with the report-case controller, which owns POST. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases')
export class CaseListController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('agent', 'dispatcher', 'technician', 'supervisor', 'auditor', 'analyst')
  @ApiOperation({
    summary: 'Case summaries, newest reported first, with filters',
    description:
      '`from`/`to` bound `reportedAt` (business time; `from` inclusive, `to` exclusive). A technician sees only the cases ' +
      'assigned to them. No personal data: customers appear by id and region class only. `Accept: text/csv` answers CSV ' +
      'with the next cursor in `X-Next-Cursor`.',
  })
  @ApiListResponses()
  async list(
    @QueryParam() query: CaseListQueryDto,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<CaseSummaryItem> | string> {
    const page = await this.queries.execute(new ListCasesQuery(query.filter, actor, query.cursor, query.pageLimit));
    return respondWithPage(req, reply, page, CASE_SUMMARY_CSV_COLUMNS);
  }
}
