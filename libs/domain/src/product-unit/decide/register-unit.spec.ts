import { given } from '../testing/unit-spec.js';
import { on, POLICY, registerUnit, unitRegistered } from '../testing/unit-fixtures.js';

describe('registering a product unit', () => {
  describe('a unit not yet known', () => {
    it('records its warranty card with the warranty it starts, from the invoice', () => {
      given().when(registerUnit()).then(unitRegistered());
    });

    it('starts the warranty from the purchase date, else the manufacture date, for the months set for the model', () => {
      const [event] = given()
        .when(registerUnit({ invoiceDate: null, manufactureDate: '2025-11-30' }), { warrantyPolicy: { ...POLICY, monthsByModel: { 'AC-200': 24 } } })
        .result();
      expect(event).toMatchObject({ data: { warranty: { basis: 'manufacture', startsOn: '2025-11-30', months: 24, expiresOn: '2027-11-29' } } });
    });

    it('records a registration asked for by a case report, naming the case', () => {
      const [event] = given().when(registerUnit({ source: 'case-report', caseId: 'case-1', customerId: null })).result();
      expect(event).toMatchObject({ data: { source: 'case-report', caseId: 'case-1', customerId: null } });
    });

    it('refuses a card without any date', () => {
      given().when(registerUnit({ invoiceDate: null })).thenThrows('UNIT.WARRANTY_DATE_REQUIRED', { errors: [{ field: 'invoiceDate' }] });
    });

    it('refuses a date after the registration day, or one that is not a calendar date', () => {
      given()
        .when(registerUnit({ invoiceDate: '2026-01-13', purchaseDate: '2026-02-30' }, on('2026-01-12')))
        .thenThrows('UNIT.PRODUCT_DATE_INVALID', { errors: [{ field: 'invoiceDate' }, { field: 'purchaseDate' }] });
    });
  });

  describe('a unit already registered', () => {
    it('refuses a second registration of its warranty card', () => {
      expect(given(unitRegistered()).when(registerUnit()).thenThrows('UNIT.ALREADY_REGISTERED').kind).toBe('conflict');
    });

    it('decides nothing when a case report asks again', () => {
      given(unitRegistered()).when(registerUnit({ source: 'case-report', caseId: 'case-2' })).then();
    });
  });
});
