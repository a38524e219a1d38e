/** Time and identity come from ports so that `decide`, `evolve` and tests stay deterministic. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface IdGenerator {
  /** A new unique id (a time-ordered UUID v7 in production, a sequence in tests). */
  next(): string;
}

export const systemClock: Clock = { now: () => Date.now() };
