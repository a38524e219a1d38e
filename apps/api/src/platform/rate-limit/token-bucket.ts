export interface RateLimitConfig {
  /** Sustained write requests per second per actor; 0 turns rate limiting off. */
  readonly perSecond: number;
  /** Requests an idle actor may send at once. */
  readonly burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { perSecond: 50, burst: 100 };

export type TakeOutcome = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * One token bucket per key, refilled continuously at `perSecond` up to `burst`. In memory, so the
 * limit holds per process: N API replicas let an actor through N times as fast.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly config: RateLimitConfig,
    private readonly now: () => number = () => performance.now(),
  ) {}

  take(key: string): TakeOutcome {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.config.burst, at: now };
    bucket.tokens = Math.min(this.config.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.config.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.config.perSecond)) };
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `CASETRAIL_RATE_LIMIT_PER_SECOND` (50; 0 = off) and `CASETRAIL_RATE_LIMIT_BURST` (100); bad
 * values go to `problems`. `undefined` when neither is set: the guard then uses the defaults.
 */
export function readRateLimitConfig(env: Env, problems: string[]): RateLimitConfig | undefined {
  if (!env['CASETRAIL_RATE_LIMIT_PER_SECOND']?.trim() && !env['CASETRAIL_RATE_LIMIT_BURST']?.trim()) return undefined;
  const number = (name: string, fallback: number, min: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (Number.isFinite(value) && value >= min) return value;
    problems.push(`${name} must be a number of at least ${min}, got "${raw}"`);
    return fallback;
  };
  return {
    perSecond: number('CASETRAIL_RATE_LIMIT_PER_SECOND', DEFAULT_RATE_LIMIT.perSecond, 0),
    burst: number('CASETRAIL_RATE_LIMIT_BURST', DEFAULT_RATE_LIMIT.burst, 1),
  };
}
