import type { UnitEvent } from '#casetrail/domain';
import { EventSerializer, type StoredTypes } from './event-serializer.js';

/**
 * The stored type of each product-unit event's newest shape (`ProductUnit-<serial>` streams). The
 * mapped type makes a new `UnitEvent` a compile error here until it is given its type string.
 */
export const PRODUCT_UNIT_EVENT_TYPES: StoredTypes<UnitEvent> = {
  UnitRegistered: 'UnitRegistered.v1',
  UnitRepairRecorded: 'UnitRepairRecorded.v1',
  WarrantyExtended: 'WarrantyExtended.v1',
  ReplacementEntitled: 'ReplacementEntitled.v1',
  ReturnEntitled: 'ReturnEntitled.v1',
  ExchangeEntitled: 'ExchangeEntitled.v1',
};

export class ProductUnitEventSerializer extends EventSerializer<UnitEvent> {
  constructor() {
    super(PRODUCT_UNIT_EVENT_TYPES);
  }
}

/** Stateless, so one instance serves the whole process. */
export const productUnitEventSerializer = new ProductUnitEventSerializer();
