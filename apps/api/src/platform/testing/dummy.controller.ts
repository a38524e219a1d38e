import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, type Actor, type DomainErrorKind } from '#casetrail/domain';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators.js';
import { etagOf, parseIfMatch } from '../http/etag.js';
import { parseIdempotencyKey } from '../http/idempotency-key.js';
import { ApiProblemResponses } from '../openapi/api-problem-responses.decorator.js';
import { ProblemException } from '../problem/problem.exception.js';
import { DummyReportDto } from './dummy.dto.js';

export const KIND_DETAILS: Record<string, Record<string, unknown>> = {
  conflict: { status: 'repaired', allowedCommands: ['accept', 'reject'] },
  'precondition-failed': { currentRevision: 7 },
};

/** A controller with one route per platform concern, for the platform's own tests. */
@Controller('test')
export class DummyController {
  @Post('reports')
  @Roles('agent')
  @HttpCode(201)
  @ApiProblemResponses(400, 401, 403, 413, 415)
  report(@Body() body: DummyReportDto, @CurrentActor() actor: Actor): object {
    return { actor, body, isDto: body instanceof DummyReportDto };
  }

  @Post('dispatch')
  @Roles('dispatcher')
  @HttpCode(200)
  dispatch(@CurrentActor() actor: Actor): object {
    return { actor };
  }

  @Get('audit')
  @Roles('auditor', 'analyst')
  audit(@CurrentActor() actor: Actor): object {
    return { actor };
  }

  @Get('any')
  any(@CurrentActor() actor: Actor): object {
    return { actor };
  }

  @Get('public')
  @Public()
  open(): object {
    return { open: true };
  }

  @Get('errors/:kind')
  @Public()
  fail(@Param('kind') kind: string): never {
    if (kind === 'crash') throw new Error('connection string postgres://secret@db');
    if (kind === 'precondition-required') throw new ProblemException(428, 'CASE.IF_MATCH_REQUIRED', 'This route needs If-Match');
    throw new DomainError(`TEST.${kind.toUpperCase()}`, kind as DomainErrorKind, `failed as ${kind}`, KIND_DETAILS[kind] ?? {});
  }

  @Post('preconditions')
  @Public()
  @HttpCode(200)
  preconditions(
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): object {
    const expected = parseIfMatch(ifMatch);
    reply.header('etag', etagOf((expected ?? -1) + 1));
    return { expected: expected ?? null, key: parseIdempotencyKey(key) ?? null };
  }
}
