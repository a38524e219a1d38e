import { Controller, Get, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SummarizeSatisfactionQuery } from '#casetrail/application';
import type { SatisfactionSummary } from '#casetrail/read-models';
import { ApiProblemResponses, Roles } from '../../platform/index.js';
import { SatisfactionSummaryQueryDto } from './satisfaction-query.dto.js';

@ApiTags('satisfaction')
@ApiBearerAuth()
@Controller('v1/satisfaction')
export class SatisfactionController {
  constructor(private readonly queries: QueryBus) {}

  @Get('summary')
  @Roles('agent', 'dispatcher', 'technician', 'supervisor', 'auditor', 'analyst')
  @ApiOperation({
    summary: 'Satisfaction against its targets, and the return-visit rate, grouped',
    description:
      'Survey figures over surveys taken in `from`/`to` (`from` inclusive, `to` exclusive): `surveys`, `satisfied` (overall ' +
      'score 4 or 5 of 5), `satisfiedShare` against 90 % (`meetsTarget`) and 98 % (`meetsExcellent`), `averageScores`. ' +
      'Return visits over the cases first repaired in the window: `repaired`, `surveyedOfRepaired` (surveyed at any time ' +
      'since), `returnVisitRate` against 25 % (`meetsReturnVisitTarget`). Shares and verdicts are null when their ' +
      'denominator is 0. A case counts for the technician who last repaired it (else the one dispatched); months are ' +
      'calendar months in Asia/Shanghai. No survey comments and no personal data are kept.',
  })
  @ApiOkResponse({ description: '`{groupBy, from, to, targets, groups: [{key, …figures}], totals}`' })
  @ApiProblemResponses(400, 401, 403)
  summary(@QueryParam() query: SatisfactionSummaryQueryDto): Promise<SatisfactionSummary> {
    return this.queries.execute(new SummarizeSatisfactionQuery(query.groupBy, query.window));
  }
}
