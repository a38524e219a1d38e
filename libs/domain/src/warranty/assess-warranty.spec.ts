import type { ProductDetails } from '../service-case/events.js';
import { assessWarranty } from './assess-warranty.js';
import { DEFAULT_WARRANTY_POLICY as policy } from './warranty-policy.js';

const product = (dates: Partial<ProductDetails>): ProductDetails => ({
  model: 'AC-200',
  serialNumber: 'SN-1',
  invoiceDate: null,
  purchaseDate: null,
  manufactureDate: null,
  ...dates,
});
/** Noon in Shanghai on that day, so the instant's local day is unambiguous. */
const reportedOn = (date: string) => `${date}T04:00:00.000Z`;

describe('assessing the warranty', () => {
  describe('which date the warranty starts from', () => {
    it('prefers the invoice', () => {
      const all = product({ invoiceDate: '2026-01-10', purchaseDate: '2026-01-05', manufactureDate: '2025-12-01' });
      expect(assessWarranty(all, 'hardware', reportedOn('2026-03-01'), policy, null)).toMatchObject({ basis: 'invoice', startsOn: '2026-01-10' });
    });

    it('takes the purchase date when there is no invoice', () => {
      const some = product({ purchaseDate: '2026-01-05', manufactureDate: '2025-12-01' });
      expect(assessWarranty(some, 'hardware', reportedOn('2026-03-01'), policy, null)).toMatchObject({ basis: 'purchase', startsOn: '2026-01-05' });
    });

    it('falls back to the manufacture date', () => {
      expect(assessWarranty(product({ manufactureDate: '2025-12-01' }), 'hardware', reportedOn('2026-03-01'), policy, null)).toMatchObject({
        basis: 'manufacture',
        startsOn: '2025-12-01',
      });
    });

    it('refuses to assess without any date', () => {
      expect(() => assessWarranty(product({}), 'hardware', reportedOn('2026-03-01'), policy, null)).toThrow(
        expect.objectContaining({ code: 'CASE.WARRANTY_DATE_REQUIRED' }),
      );
    });
  });

  describe('how long it runs', () => {
    const bought = product({ invoiceDate: '2025-03-10' });

    it('covers 12 months by default, to the day before the same date a year on', () => {
      expect(assessWarranty(bought, 'hardware', reportedOn('2025-06-01'), policy, null)).toEqual({
        status: 'in',
        basis: 'invoice',
        startsOn: '2025-03-10',
        expiresOn: '2026-03-09',
        months: 12,
        extensionDays: 0,
      });
    });

    it('still covers the expiry day itself', () => {
      expect(assessWarranty(bought, 'hardware', reportedOn('2026-03-09'), policy, null).status).toBe('in');
    });

    it('no longer covers the day after', () => {
      expect(assessWarranty(bought, 'hardware', reportedOn('2026-03-10'), policy, null).status).toBe('out');
    });

    it('covers consumables for 3 months only', () => {
      expect(assessWarranty(bought, 'consumable', reportedOn('2025-06-10'), policy, null)).toMatchObject({
        months: 3,
        expiresOn: '2025-06-09',
        status: 'out',
      });
    });

    it('uses the months set for the model', () => {
      const longer = { ...policy, monthsByModel: { 'AC-200': 36 } };
      expect(assessWarranty(bought, 'hardware', reportedOn('2027-01-01'), longer, null)).toMatchObject({ months: 36, expiresOn: '2028-03-09' });
    });

    it('ignores inherited object members as model names', () => {
      const odd = product({ model: 'constructor', invoiceDate: '2025-03-10' });
      expect(assessWarranty(odd, 'hardware', reportedOn('2025-06-01'), policy, null).months).toBe(12);
    });

    it('adds the extension days the unit has earned', () => {
      const unit = { extensionDays: 120, entitlements: [] };
      expect(assessWarranty(bought, 'hardware', reportedOn('2026-07-07'), policy, unit)).toMatchObject({
        expiresOn: '2026-07-07',
        extensionDays: 120,
        status: 'in',
      });
      expect(assessWarranty(bought, 'hardware', reportedOn('2026-07-08'), policy, unit).status).toBe('out');
    });

    it("does not extend a consumable's own warranty with the product's extensions", () => {
      const unit = { extensionDays: 120, entitlements: [] };
      expect(assessWarranty(bought, 'consumable', reportedOn('2025-06-01'), policy, unit)).toMatchObject({ expiresOn: '2025-06-09', extensionDays: 0 });
    });

    it('clamps a start on the 31st to the end of a shorter month', () => {
      const oneMonth = { ...policy, monthsByModel: { 'AC-200': 1 } };
      // 2026-01-31 + 1 month is 2026-02-28 (clamped), so the last covered day is the 27th.
      expect(assessWarranty(product({ invoiceDate: '2026-01-31' }), 'hardware', reportedOn('2026-02-27'), oneMonth, null)).toMatchObject({
        expiresOn: '2026-02-27',
        status: 'in',
      });
    });
  });

  describe('which day the report falls on', () => {
    const bought = product({ invoiceDate: '2025-03-02' }); // expires 2026-03-01

    it('uses the service centre’s day: 2026-03-01T17:00Z is already 2026-03-02 in Shanghai', () => {
      expect(assessWarranty(bought, 'hardware', '2026-03-01T17:00:00.000Z', policy, null).status).toBe('out');
    });

    it('is still in on the last minute of the expiry day in Shanghai', () => {
      expect(assessWarranty(bought, 'hardware', '2026-03-01T15:59:00.000Z', policy, null).status).toBe('in');
    });
  });
});
