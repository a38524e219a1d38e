import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProductUnitsApplicationModule } from '#casetrail/application';
import { ProductUnitsController } from './product-units.controller.js';

/** `POST /v1/product-units` and `GET /v1/product-units/{serial}`. */
@Module({ imports: [CqrsModule, ProductUnitsApplicationModule], controllers: [ProductUnitsController] })
export class ProductUnitsHttpModule {}
