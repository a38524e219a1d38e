import { DEFAULT_BATCH_PACE, paceAfter } from './batch-pace.js';

describe('paceAfter', () => {
  it('waits the minimum after a small batch, so a light stream keeps a few milliseconds of lag', () => {
    expect(paceAfter(1, DEFAULT_BATCH_PACE)).toBe(5);
    expect(paceAfter(5, DEFAULT_BATCH_PACE)).toBe(5);
  });

  it('waits one millisecond per event in between, so the wait follows the load', () => {
    expect(paceAfter(20, DEFAULT_BATCH_PACE)).toBe(20);
  });

  it('never waits longer than the maximum, which bounds the lag it adds under load', () => {
    expect(paceAfter(49, DEFAULT_BATCH_PACE)).toBe(49);
    expect(paceAfter(400, DEFAULT_BATCH_PACE)).toBe(50);
  });

  it('takes its bounds and rate from the pace it is given', () => {
    expect(paceAfter(10, { minMs: 0, maxMs: 100, msPerEvent: 3 })).toBe(30);
    expect(paceAfter(0, { minMs: 0, maxMs: 100, msPerEvent: 3 })).toBe(0);
  });
});
