import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetProductUnitHandler } from './get-product-unit/get-product-unit.handler.js';
import { RegisterUnitHandler } from './register-unit/register-unit.handler.js';

/** The product-unit slice: registration and the unit's read model. Ports come from the app. */
@Module({ imports: [CqrsModule], providers: [RegisterUnitHandler, GetProductUnitHandler] })
export class ProductUnitsApplicationModule {}
