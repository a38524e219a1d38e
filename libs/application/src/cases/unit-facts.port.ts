import type { UnitWarrantyFacts } from '#casetrail/domain';

/**
 * What reporting a case needs to know about the product unit (warranty extensions, entitlements).
 * The product-unit aggregate fills this in; until then `noUnitFacts` answers "nothing known".
 */
export interface UnitFactsLookup {
  forSerial(serialNumber: string): Promise<UnitWarrantyFacts | null>;
}

export const noUnitFacts: UnitFactsLookup = { forSerial: async () => null };
