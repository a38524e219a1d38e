import { DEFAULT_WARRANTY_POLICY } from '../../warranty/warranty-policy.js';
import { given } from '../testing/case-spec.js';
import { CASE_ID, REPORT_DATA, caseReported, reportCase, story } from '../testing/case-fixtures.js';

const product = (dates: Partial<typeof REPORT_DATA.product>) => ({ ...REPORT_DATA.product, ...dates });

describe('reporting a case', () => {
  describe('a case not yet reported', () => {
    it('records the report with the warranty assessed on the report day', () => {
      given()
        .when(reportCase({}, '2026-03-02T01:00:00.000Z'), { now: '2026-03-02T01:00:00.000Z' })
        .then(caseReported({}, '2026-03-02T01:00:00.000Z'));
    });

    it('takes entitlements from the product unit and the SLA policy from the context', () => {
      const [event] = given()
        .when(reportCase(), { unit: { extensionDays: 60, entitlements: ['replacement'] }, slaPolicy: 'standard-v2' })
        .result();
      expect(event).toMatchObject({
        data: { caseId: CASE_ID, entitlements: ['replacement'], slaPolicy: 'standard-v2', warranty: { extensionDays: 60, expiresOn: '2026-07-30' } },
      });
    });

    it('records an expired warranty as out', () => {
      const [event] = given().when(reportCase({ product: product({ invoiceDate: '2024-01-10' }) })).result();
      expect(event).toMatchObject({ data: { warranty: { status: 'out', basis: 'invoice', expiresOn: '2025-01-09' } } });
    });

    it('accepts a manufacture date alone', () => {
      const [event] = given()
        .when(reportCase({ product: product({ invoiceDate: null, manufactureDate: '2025-12-01' }) }))
        .result();
      expect(event).toMatchObject({ data: { warranty: { basis: 'manufacture', startsOn: '2025-12-01' } } });
    });

    it("accepts a product date equal to the report's local day though UTC is still on the day before", () => {
      const reportedAt = '2026-03-01T17:00:00.000Z'; // 2026-03-02 01:00 in Shanghai
      const [event] = given()
        .when(reportCase({ product: product({ invoiceDate: '2026-03-02' }) }, reportedAt), { now: reportedAt })
        .result();
      expect(event).toMatchObject({ data: { warranty: { status: 'in', startsOn: '2026-03-02' } } });
    });

    it('refuses a report without invoice, purchase or manufacture date', () => {
      given()
        .when(reportCase({ product: product({ invoiceDate: null }) }))
        .thenThrows('CASE.WARRANTY_DATE_REQUIRED', { errors: [{ field: 'product.invoiceDate' }] });
    });

    it("refuses a product date after the report's local day", () => {
      const error = given()
        .when(reportCase({ product: product({ purchaseDate: '2026-03-04' }) }, '2026-03-03T01:00:00.000Z'))
        .thenThrows('CASE.PRODUCT_DATE_IN_FUTURE', { errors: [{ field: 'product.purchaseDate' }] });
      expect(error.kind).toBe('invalid');
    });

    it('refuses a product date that is not a real calendar date', () => {
      given()
        .when(reportCase({ product: product({ invoiceDate: '2026-02-30' }) }))
        .thenThrows('CASE.PRODUCT_DATE_INVALID', { errors: [{ field: 'product.invoiceDate' }] });
    });

    it('refuses a report dated more than 2 minutes ahead of the server', () => {
      given()
        .when(reportCase({}, '2026-03-02T01:02:00.001Z'), { now: '2026-03-02T01:00:00.000Z' })
        .thenThrows('CASE.OCCURRED_AT_INVALID', { errors: [{ field: 'occurredAt' }] });
    });

    it('uses the warranty policy given in the context', () => {
      const policy = { ...DEFAULT_WARRANTY_POLICY, monthsByModel: { 'AC-200': 24 } };
      const [event] = given().when(reportCase(), { warrantyPolicy: policy }).result();
      expect(event).toMatchObject({ data: { warranty: { months: 24, expiresOn: '2027-05-31' } } });
    });
  });

  describe('a case already reported', () => {
    it('refuses a second report', () => {
      const error = given(...story.reported()).when(reportCase()).thenThrows('CASE.ALREADY_EXISTS');
      expect(error.kind).toBe('conflict');
    });

    it('refuses a second report even once the case is closed', () => {
      given(...story.surveyed()).when(reportCase()).thenThrows('CASE.ALREADY_EXISTS');
    });
  });
});
