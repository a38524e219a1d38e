import { rebuildThreads } from './rebuild-threads.js';

describe('rebuildThreads', () => {
  it('rebuilds the whole embedded file on two threads unless asked for one', () => {
    expect(rebuildThreads(undefined, true)).toBe(2);
    expect(rebuildThreads(1, true)).toBe(1);
    expect(rebuildThreads(2, true)).toBe(2);
  });

  it('rebuilds one projection, or PostgreSQL, on one thread, and refuses a second there', () => {
    expect(rebuildThreads(undefined, false)).toBe(1);
    expect(rebuildThreads(1, false)).toBe(1);
    expect(() => rebuildThreads(2, false)).toThrow(/whole embedded read-model file only/);
  });

  it('refuses any other count', () => {
    for (const requested of [0, 3, Number.NaN]) expect(() => rebuildThreads(requested, true)).toThrow(/--threads is 1 or 2/);
  });
});
