import { Body, Controller, Headers, HttpCode, Param, Post, type PipeTransform } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EraseCustomerCommand, type CustomerErasure } from '#casetrail/application';
import { DomainError, type Actor } from '#casetrail/domain';
import { ApiProblemResponses, CurrentActor, Roles } from '../platform/index.js';
import { EraseCustomerDto } from './erase-customer.dto.js';

const CUSTOMER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** A customer id that could never have been given names no customer: 404, like an unknown case id. */
class CustomerIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CUSTOMER_ID.test(value)) throw new DomainError('CUSTOMER.NOT_FOUND', 'not-found', `No such customer id: ${value.slice(0, 64)}`);
    return value;
  }
}

@ApiTags('customers')
@ApiBearerAuth()
@Controller('v1/customers/:customerId')
export class CustomersController {
  constructor(private readonly commands: CommandBus) {}

  @Post('erase')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: "Erase a customer's personal data (crypto-shredding): their data keys are deleted, the erasure is recorded",
    description:
      'Roles: admin. Records `CustomerErased` (who, from the token, and why) on the stream `Customer-<customerId>`, then deletes ' +
      "the customer's data keys: their name, phone, address and acceptance signatures read `[erased]` everywhere from then on, " +
      'while every hash chain still verifies (it covers the ciphertext). Idempotent: asking again answers the first erasure, ' +
      'records nothing more and deletes any key created since.',
  })
  @ApiOkResponse({
    description: 'Erased (now or before)',
    schema: {
      type: 'object',
      properties: {
        customerId: { type: 'string' },
        erased: { type: 'boolean' },
        revision: { type: 'integer' },
        erasedAt: { type: 'string', format: 'date-time' },
        erasedBy: { type: 'object' },
        reason: { type: 'string' },
      },
    },
  })
  @ApiProblemResponses(400, 401, 403, 404, 413, 415, 429, 503)
  erase(
    @Param('customerId', new CustomerIdPipe()) customerId: string,
    @Body() body: EraseCustomerDto,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CustomerErasure> {
    return this.commands.execute(new EraseCustomerCommand(customerId, body.reason, actor, correlationId?.slice(0, 128)));
  }
}
