import { TextField } from '../cases/shared/dto-fields.js';

export class EraseCustomerDto {
  @TextField(500, {
    example: 'Customer request under PIPL art. 47, ticket 2026-0311',
    description: 'Why the data is erased; recorded with the erasure. Name a ticket, not the customer: this text is kept.',
  })
  reason!: string;
}
