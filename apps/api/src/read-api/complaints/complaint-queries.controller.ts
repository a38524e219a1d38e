import { Controller, Get, Query as QueryParam, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ListComplaintsQuery, SummarizeComplaintsQuery } from '#casetrail/application';
import { COMPLAINT_CSV_COLUMNS, type ComplaintSummary, type ComplaintView, type Page } from '#casetrail/read-models';
import { ApiProblemResponses, Roles } from '../../platform/index.js';
import { ApiListResponses } from '../shared/api-list-route.decorator.js';
import { respondWithPage } from '../shared/list-response.js';
import { ComplaintListQueryDto, ComplaintSummaryQueryDto } from './complaint-query.dto.js';

/** Every staff role, auditors and analysts: complaint rows hold no free text and no personal data. */
const READERS = ['agent', 'dispatcher', 'technician', 'supervisor', 'auditor', 'analyst'] as const;

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('v1/complaints')
export class ComplaintQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Complaints, newest filed first, with filters',
    description:
      '`from`/`to` bound `filedAt` (business time; `from` inclusive, `to` exclusive). Rows carry the case context as it stood ' +
      'at filing (model, region class, priority, technician) but never the complaint text nor any personal data. ' +
      '`resolutionHours` runs from filing to the last resolution and is null while the complaint is open. ' +
      '`Accept: text/csv` answers CSV with the next cursor in `X-Next-Cursor`.',
  })
  @ApiListResponses()
  async list(
    @QueryParam() query: ComplaintListQueryDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<ComplaintView> | string> {
    const page = await this.queries.execute(new ListComplaintsQuery(query.filter, query.cursor, query.pageLimit));
    return respondWithPage(req, reply, page, COMPLAINT_CSV_COLUMNS);
  }

  @Get('summary')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Complaint counts, resolution times and complaint rate, grouped',
    description:
      'Over complaints filed in `from`/`to`. Each group and `totals`: `filed`, `open`, `resolved`, `reopened` (at least once), ' +
      '`averageResolutionHours`/`maxResolutionHours` (resolved only), `resolvedWithinTarget` (resolved within 72 calendar hours ' +
      'of filing: the 3-day feedback promise), `cases` (cases reported in the same window: all of them for category, severity ' +
      'and department; the model\'s or the month\'s own for productModel and month) and `complaintRatePer1000Cases` ' +
      '(null when there are no cases). Months are calendar months in Asia/Shanghai. Complaints not yet acknowledged have no ' +
      'department: their group key is null. The rate per 1,000 registered product units is not offered yet: it needs the ' +
      'product-unit read model.',
  })
  @ApiOkResponse({ description: '`{groupBy, from, to, groups: [{key, …figures}], totals}`' })
  @ApiProblemResponses(400, 401, 403)
  summary(@QueryParam() query: ComplaintSummaryQueryDto): Promise<ComplaintSummary> {
    return this.queries.execute(new SummarizeComplaintsQuery(query.groupBy, query.window));
  }
}
