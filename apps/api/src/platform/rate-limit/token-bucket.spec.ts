import { readRateLimitConfig, TokenBuckets } from './token-bucket.js';

describe('a token bucket per actor', () => {
  let now = 0;
  const buckets = () => new TokenBuckets({ perSecond: 2, burst: 3 }, () => now);
  beforeEach(() => (now = 0));

  it('lets a burst through, then refuses with the seconds until the next token', () => {
    const limiter = buckets();
    expect([1, 2, 3].map(() => limiter.take('agent-1').allowed)).toEqual([true, true, true]);
    expect(limiter.take('agent-1')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('refills at the sustained rate, never beyond the burst', () => {
    const limiter = buckets();
    for (let i = 0; i < 3; i++) limiter.take('agent-1');
    now += 500;
    expect(limiter.take('agent-1').allowed).toBe(true);
    expect(limiter.take('agent-1').allowed).toBe(false);
    now += 60_000;
    expect([1, 2, 3, 4].map(() => limiter.take('agent-1').allowed)).toEqual([true, true, true, false]);
  });

  it('keeps each actor’s bucket apart', () => {
    const limiter = buckets();
    for (let i = 0; i < 4; i++) limiter.take('agent-1');
    expect(limiter.take('agent-2').allowed).toBe(true);
  });

  it('reads its limits from the environment and names a bad value', () => {
    const problems: string[] = [];
    expect(readRateLimitConfig({}, problems)).toBeUndefined();
    expect(readRateLimitConfig({ CASETRAIL_RATE_LIMIT_PER_SECOND: '0' }, problems)).toEqual({ perSecond: 0, burst: 100 });
    expect(readRateLimitConfig({ CASETRAIL_RATE_LIMIT_PER_SECOND: '5', CASETRAIL_RATE_LIMIT_BURST: '8' }, problems)).toEqual({ perSecond: 5, burst: 8 });
    readRateLimitConfig({ CASETRAIL_RATE_LIMIT_BURST: 'lots' }, problems);
    expect(problems).toEqual(['CASETRAIL_RATE_LIMIT_BURST must be a number of at least 1, got "lots"']);
  });
});
