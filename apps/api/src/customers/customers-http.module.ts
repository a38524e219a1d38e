import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PrivacyApplicationModule } from '#casetrail/application';
import { CustomersController } from './customers.controller.js';

/** `POST /v1/customers/{customerId}/erase`. */
@Module({ imports: [CqrsModule, PrivacyApplicationModule], controllers: [CustomersController] })
export class CustomersHttpModule {}
