import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { GetProductUnitQuery, RegisterUnitCommand, type UnitCommandResult } from '#casetrail/application';
import type { Actor } from '#casetrail/domain';
import type { ProductUnitView } from '#casetrail/read-models';
import { ApiProblemResponses, CurrentActor, etagOf, Roles } from '../platform/index.js';
import { RegisterUnitDto } from './register-unit.dto.js';

const STAFF_AUDITOR_ANALYST = ['agent', 'dispatcher', 'technician', 'supervisor', 'auditor', 'analyst'] as const;

@ApiTags('product-units')
@ApiBearerAuth()
@Controller('v1/product-units')
export class ProductUnitsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('agent')
  @HttpCode(201)
  @ApiOperation({
    summary: "Register a unit's warranty card; 409 when the serial is already registered (by a card or by a reported case)",
    description: 'Roles: agent (supervisor and admin inherit). A case reported for an unknown serial registers the unit itself.',
  })
  @ApiResponse({
    status: 201,
    description: 'Registered; `Location` names the unit, `ETag` its revision',
    schema: { type: 'object', properties: { serialNumber: { type: 'string' }, revision: { type: 'integer' } } },
  })
  @ApiProblemResponses(400, 401, 403, 409, 413, 415, 429, 503)
  async register(
    @Body() body: RegisterUnitDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<UnitCommandResult> {
    const data = {
      model: body.model,
      invoiceDate: body.invoiceDate ?? null,
      purchaseDate: body.purchaseDate ?? null,
      manufactureDate: body.manufactureDate ?? null,
      customerId: body.customerId ?? null,
    };
    const result = await this.commands.execute(new RegisterUnitCommand(body.serialNumber, data, actor, correlationId?.slice(0, 128)));
    reply.header('ETag', etagOf(result.revision));
    reply.header('Location', `/v1/product-units/${encodeURIComponent(result.serialNumber)}`);
    return result;
  }

  @Get(':serialNumber')
  @Roles(...STAFF_AUDITOR_ANALYST)
  @ApiOperation({
    summary: 'A unit: its warranty today (extensions included), repair history and entitlements, each with its rule and evidence',
    description: 'No personal data: the customer appears by id only. `warranty.status` is judged on today in the warranty policy time zone.',
  })
  @ApiOkResponse({
    description: 'The unit',
    schema: {
      type: 'object',
      properties: {
        serialNumber: { type: 'string' },
        model: { type: 'string' },
        warranty: { type: 'object', description: 'status in|out, basis, startsOn, months, extensionDays, expiresOn, policyVersion' },
        repairs: { type: 'array', items: { type: 'object', description: 'caseId, repairedOn, faultCategory, coverage, …' } },
        entitlements: { type: 'array', items: { type: 'object', description: 'kind, rule, policyVersion, evidence' } },
      },
    },
  })
  @ApiProblemResponses(401, 403, 404)
  get(@Param('serialNumber') serialNumber: string): Promise<ProductUnitView> {
    return this.queries.execute(new GetProductUnitQuery(serialNumber));
  }
}
