import { CalendarDateField, TextField } from '../cases/shared/dto-fields.js';

/** `POST /v1/product-units`: a unit's warranty card. At least one date is required to start its warranty. */
export class RegisterUnitDto {
  @TextField(100, { example: 'SN2026000123' }) serialNumber!: string;
  @TextField(100, { example: 'KFR-35GW' }) model!: string;
  @CalendarDateField({ optional: true, description: 'Invoice date: the warranty starts here when given.' }) invoiceDate?: string | null;
  @CalendarDateField({ optional: true }) purchaseDate?: string | null;
  @CalendarDateField({ optional: true, description: 'Used when there is neither invoice nor purchase date.' }) manufactureDate?: string | null;
  @TextField(64, { optional: true, example: 'C-10086', description: 'The customer by id only; no personal data is kept with the unit.' })
  customerId?: string | null;
}
