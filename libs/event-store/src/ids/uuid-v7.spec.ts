import { UuidV7, uuidV7 } from './uuid-v7.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const millisecondsOf = (id: string): number => parseInt(id.replaceAll('-', '').slice(0, 12), 16);

describe('uuidV7', () => {
  let ids: UuidV7;
  beforeEach(() => (ids = new UuidV7()));

  it('writes a version 7, variant 10 UUID whose first 48 bits are the time in milliseconds', () => {
    const now = Date.UTC(2026, 10, 21, 12, 0, 0, 123);
    const id = ids.next(now);
    expect(id).toMatch(V7);
    expect(millisecondsOf(id)).toBe(now);
  });

  it('sorts ids in the order they were made, within one millisecond and across many', () => {
    const now = Date.UTC(2027, 0, 1);
    const made = Array.from({ length: 10_000 }, (_, i) => ids.next(now + Math.floor(i / 1000)));
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
  });

  it('keeps the order when the clock steps back, and when one millisecond overflows its counter', () => {
    const now = Date.UTC(2027, 6, 1);
    const made = [ids.next(now), ids.next(now - 5_000), ...Array.from({ length: 5_000 }, () => ids.next(now))];
    expect([...made].sort()).toEqual(made);
    // 5,000 ids in one millisecond need more than one 12-bit counter: the timestamp ran ahead, never back.
    expect(millisecondsOf(made[made.length - 1]!)).toBeGreaterThan(now);
    expect(millisecondsOf(made[made.length - 1]!)).toBeLessThanOrEqual(now + 3);
  });

  it('differs in its random bits between ids made in the same millisecond', () => {
    const now = Date.UTC(2028, 0, 1);
    const tails = new Set(Array.from({ length: 1_000 }, () => ids.next(now).slice(19)));
    expect(tails.size).toBe(1_000);
  });

  it('shares one sequence across the process through uuidV7()', () => {
    const made = Array.from({ length: 3_000 }, () => uuidV7());
    expect([...made].sort()).toEqual(made);
  });
});
