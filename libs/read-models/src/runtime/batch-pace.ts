/**
 * How long a live projection waits after a batch that did not fill up, before it reads again.
 * Each batch costs one transaction whose fixed part (lease fence, checkpoint, commit of the touched
 * pages) dominates a small batch, so waiting lets the next batch gather more events. The wait
 * follows the load: one millisecond per event of the batch just applied, between `minMs` and
 * `maxMs`. An idle projection still answers its next event at once (it waits only after a batch);
 * under a stream of commands the wait grows to `maxMs`, which bounds the lag it adds.
 */
export interface BatchPace {
  readonly minMs: number;
  readonly maxMs: number;
  readonly msPerEvent: number;
}

/**
 * 5 ms keeps a light stream's lag at a few milliseconds. 50 ms: under W3's mix at 1,200 commands/s
 * the projection worker's CPU per command fell from ~218 to ~161 µs (README, Decisions).
 */
export const DEFAULT_BATCH_PACE: BatchPace = { minMs: 5, maxMs: 50, msPerEvent: 1 };

/** The wait after a batch of `events` that did not fill up. */
export const paceAfter = (events: number, pace: BatchPace): number => Math.min(pace.maxMs, Math.max(pace.minMs, events * pace.msPerEvent));
