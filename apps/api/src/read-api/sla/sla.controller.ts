import { Controller, Get, Query as QueryParam, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GetSlaSummaryQuery, ListSlaClocksQuery, type SlaSummary } from '#casetrail/application';
import { SLA_CLOCK_CSV_COLUMNS, type Page, type SlaClockItem } from '#casetrail/read-models';
import { ApiProblemResponses, Roles } from '../../platform/index.js';
import { ApiListResponses } from '../shared/api-list-route.decorator.js';
import { respondWithPage } from '../shared/list-response.js';
import { SlaClocksQueryDto, SlaSummaryQueryDto } from './sla-query.dto.js';

const SLA_READERS = ['agent', 'dispatcher', 'supervisor', 'auditor', 'analyst'] as const;

const STATES_NOW =
  'States are as at the time of the request: a clock stored as running is `overdue` once now is past its `dueAt` and ' +
  '`at-risk` once now reaches `atRiskAt` (80 % of the target used). A paused clock stays `paused`: its due moves with the pause.';

@ApiTags('sla')
@ApiBearerAuth()
@Controller('v1/sla')
export class SlaController {
  constructor(private readonly queries: QueryBus) {}

  @Get('clocks')
  @Roles(...SLA_READERS)
  @ApiOperation({
    summary: 'SLA clocks, one per case and clock (and per complaint for complaint clocks), newest started first',
    description:
      `${STATES_NOW} \`elapsedSeconds\` and \`pausedSeconds\` (counted in the target's unit) are as at \`evaluatedAt\`, the ` +
      "case's latest event: for a clock still running they do not grow between events. `from`/`to` bound `startedAt` " +
      '(`from` inclusive, `to` exclusive). No personal data. `Accept: text/csv` answers CSV with the next cursor in `X-Next-Cursor`.',
  })
  @ApiListResponses('`{items: [{caseId, clock, complaintId?, state, startedAt, stoppedAt, dueAt, atRiskAt, target {value, unit}, …}], nextCursor}`, or CSV')
  async clocks(
    @QueryParam() query: SlaClocksQueryDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<SlaClockItem> | string> {
    const page = await this.queries.execute(new ListSlaClocksQuery(query.filter, query.cursor, query.pageLimit));
    return respondWithPage(req, reply, page, SLA_CLOCK_CSV_COLUMNS);
  }

  @Get('summary')
  @Roles(...SLA_READERS)
  @ApiOperation({
    summary: 'SLA compliance grouped by region, priority, technician, product model or report month',
    description:
      `${STATES_NOW} Each clock is counted once, in the state it has now: \`running\` counts only clocks below the at-risk ` +
      'share, `atRisk`, `overdue` and `paused` are separate counts, and `total` is their sum with `met`, `breached`, ' +
      '`cancelled` and `notApplicable`. `compliance` = met / (met + breached), null when both are 0. `month` is the ' +
      "month the case was reported, in Asia/Shanghai; `technicianId` the technician last dispatched (null key: none yet). " +
      '`from`/`to` bound the clock start.',
  })
  @ApiOkResponse({ description: '`{groups: [{key, total, met, breached, running, atRisk, overdue, paused, cancelled, notApplicable, compliance}]}`' })
  @ApiProblemResponses(400, 401, 403)
  summary(@QueryParam() query: SlaSummaryQueryDto): Promise<SlaSummary> {
    return this.queries.execute(new GetSlaSummaryQuery(query.request));
  }
}
