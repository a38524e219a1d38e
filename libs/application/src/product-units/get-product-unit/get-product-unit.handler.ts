import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { localDate, unitNotRegistered, type Clock } from '#casetrail/domain';
import { getProductUnit, type ProductUnitView, type ReadModelDb } from '#casetrail/read-models';
import type { CasePolicies } from '../../cases/case-policies.js';
import { CASE_POLICIES, CLOCK, READ_MODEL_QUERY_DB } from '../../tokens.js';
import { GetProductUnitQuery } from './get-product-unit.query.js';

/** Reads the product-units read model; "in warranty" is judged on today's date in the policy's time zone. */
@QueryHandler(GetProductUnitQuery)
export class GetProductUnitHandler implements IQueryHandler<GetProductUnitQuery, ProductUnitView> {
  constructor(
    @Inject(READ_MODEL_QUERY_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CASE_POLICIES) private readonly policies: CasePolicies,
  ) {}

  async execute({ serialNumber }: GetProductUnitQuery): Promise<ProductUnitView> {
    const today = localDate(new Date(this.clock.now()).toISOString(), this.policies.warranty.timeZone);
    const view = await getProductUnit(this.db, serialNumber, today);
    if (!view) throw unitNotRegistered(serialNumber);
    return view;
  }
}
