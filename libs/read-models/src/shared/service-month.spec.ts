import { describe, expect, it } from '@jest/globals';
import { serviceMonthOf, utcInstant } from './service-month.js';

describe('the service month of an instant', () => {
  it.each([
    ['2026-03-31T15:59:59.999Z', '2026-03'],
    ['2026-03-31T16:00:00.000Z', '2026-04'],
    ['2025-12-31T16:00:00.000Z', '2026-01'],
    ['2026-04-01T00:30:00+08:00', '2026-04'],
  ])('puts %s in %s, by the calendar in Shanghai', (instant, month) => {
    expect(serviceMonthOf(instant)).toBe(month);
  });

  it('stores instants as UTC text whatever offset they came with', () => {
    expect(utcInstant('2026-04-01T00:30:00+08:00')).toBe('2026-03-31T16:30:00.000Z');
  });

  it.each(['2026-03-31T15:59:59.999Z', '2026-02-29T10:00:00.000Z', '2026-02-30T10:00:00.000Z', '2026-01-31T24:00:00.000Z', '2026-05-10T08:00:00Z'])(
    'writes %s exactly as Date#toISOString does',
    (instant) => {
      expect(utcInstant(instant)).toBe(new Date(instant).toISOString());
    },
  );

  it('answers each instant by its own hour, whatever came before', () => {
    expect([serviceMonthOf('2026-03-31T15:30:00.000Z'), serviceMonthOf('2026-03-31T16:30:00.000Z'), serviceMonthOf('2026-03-31T15:59:00.000Z')]).toEqual([
      '2026-03',
      '2026-04',
      '2026-03',
    ]);
  });
});
