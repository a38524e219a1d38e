import { Query } from '@nestjs/cqrs';
import type { ProductUnitView } from '#casetrail/read-models';

/** `GET /v1/product-units/{serial}`: the unit's warranty now, its repairs and entitlements. */
export class GetProductUnitQuery extends Query<ProductUnitView> {
  constructor(readonly serialNumber: string) {
    super();
  }
}
