import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EraseCustomerHandler } from './erase-customer/erase-customer.handler.js';

/**
 * The customer-privacy slice: erasure. The key store, the sealing event store and the
 * `PersonalDataReader` are bound by the app's infrastructure (global), as every port is.
 */
@Module({ imports: [CqrsModule], providers: [EraseCustomerHandler] })
export class PrivacyApplicationModule {}
