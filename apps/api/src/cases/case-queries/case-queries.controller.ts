import { Controller, Get, Query as QueryParam, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  GetCaseHistoryQuery,
  GetCaseQuery,
  HISTORY_PAGE_LIMIT,
  VerifyCaseQuery,
  type CaseHistory,
  type CaseVerification,
  type CaseView,
} from '#casetrail/application';
import { DomainError, type Actor } from '#casetrail/domain';
import { ApiProblemResponses, CurrentActor, etagOf, Roles } from '../../platform/index.js';
import { CaseIdParam } from '../shared/case-id.pipe.js';
import { CaseHistoryDto, CaseVerificationDto, CaseViewDto } from './case-query-responses.js';
import { parseHistoryQuery } from './history-query.js';

const STAFF_AND_AUDITOR = ['agent', 'dispatcher', 'technician', 'supervisor', 'auditor'] as const;

/** `?fromRevision=`: where a history page starts; the other parameters are `parseHistoryQuery`'s. */
function splitFromRevision(query: Record<string, unknown>): { fromRevision?: number; rest: Record<string, unknown> } {
  const { fromRevision, ...rest } = query;
  if (fromRevision === undefined) return { rest };
  if (typeof fromRevision !== 'string' || !/^\d{1,9}$/.test(fromRevision)) {
    throw new DomainError('REQUEST.INVALID', 'invalid', 'The query is invalid', { errors: [{ field: 'fromRevision', message: 'must be a whole number' }] });
  }
  return { fromRevision: Number(fromRevision), rest };
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases/:caseId')
export class CaseQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...STAFF_AND_AUDITOR)
  @ApiOperation({
    summary: 'The case as it stands now, with the commands it accepts and its SLA clocks now; ETag holds its revision',
    description:
      "`slaClocks` are computed from the case's events at the server's current time, under the SLA policy recorded when the case was reported. " +
      "`customer.personal` and `acceptedBy` are shown to the roles entitled to them, `[redacted]` to auditors, `[erased]` to all after erasure.",
  })
  @ApiOkResponse({ type: CaseViewDto, description: 'The state members are merged into the object; `ETag` holds the revision' })
  @ApiProblemResponses(401, 403, 404)
  async get(@CaseIdParam() caseId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<object> {
    const view: CaseView = await this.queries.execute(new GetCaseQuery(caseId, actor));
    reply.header('ETag', etagOf(view.revision));
    return { caseId, revision: view.revision, ...view.state, allowedCommands: view.allowedCommands, slaClocks: view.slaClocks };
  }

  @Get('history')
  @Roles(...STAFF_AND_AUDITOR)
  @ApiOperation({
    summary: 'Every event with who/when, the state and the SLA clocks after it; stop at a revision or a business instant',
    description:
      "Each entry's `slaClocks` are the clocks as they stood at that event's `occurredAt`, under the case's recorded SLA policy. " +
      'With `asOf`, the answer also carries `asOf` and top-level `slaClocks`: the clocks at that instant, time having run on since the last event listed. ' +
      `At most ${HISTORY_PAGE_LIMIT} events per answer: \`nextRevision\` (absent on the last page) is the \`fromRevision\` of the next page. ` +
      "The customer's personal data is shown to agents, dispatchers, supervisors, admins and the assigned technician; auditors see " +
      '`[redacted]`, and everyone sees `[erased]` (with `customer.personalErased: true`) once the customer was erased.',
  })
  @ApiQuery({ name: 'revision', required: false, type: Number })
  @ApiQuery({ name: 'fromRevision', required: false, type: Number, description: 'First revision of this page (default 0): the previous answer\'s `nextRevision`' })
  @ApiQuery({ name: 'asOf', required: false, type: String, description: 'ISO-8601 instant; the list stops at events that occurred at or before it' })
  @ApiOkResponse({ type: CaseHistoryDto })
  @ApiProblemResponses(400, 401, 403, 404)
  history(@CaseIdParam() caseId: string, @CurrentActor() actor: Actor, @QueryParam() query: Record<string, unknown>): Promise<CaseHistory> {
    const { fromRevision, rest } = splitFromRevision(query);
    const { revision, asOf } = parseHistoryQuery(rest);
    return this.queries.execute(new GetCaseHistoryQuery(caseId, actor, revision, asOf, fromRevision));
  }

  @Get('verify')
  @Roles('auditor', 'supervisor')
  @ApiOperation({ summary: "Recompute the case's hash chain and name the first revision that does not match" })
  @ApiOkResponse({ type: CaseVerificationDto })
  @ApiProblemResponses(401, 403, 404)
  verify(@CaseIdParam() caseId: string): Promise<CaseVerification> {
    return this.queries.execute(new VerifyCaseQuery(caseId));
  }
}
