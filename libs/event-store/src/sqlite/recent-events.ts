import type { Position, RecordedEvent } from '../event-store.port.js';
import { toRecordedEvent, type EventRow } from './sqlite-statements.js';

/**
 * The newest events, as stored: those this store committed, and those it read from the file up to
 * its head. Every in-process subscriber (six projections, the checkpoint writer, the warranty
 * process manager) reads each new event right after it is committed: served from here, the file is
 * not read and the JSON not parsed once per subscriber.
 *
 * Only a contiguous run of positions is kept, and it is used only while it ends at the file's
 * head, so events another process appended are never hidden: the read falls back to the file.
 * Events are immutable, so subscribers share the parsed objects.
 */
export class RecentEvents {
  private rows: EventRow[] = [];
  private parsed: (RecordedEvent | undefined)[] = [];

  constructor(readonly capacity = 1_024) {}

  /** Rows just committed, or read up to the head, in position order. */
  add(rows: readonly EventRow[]): void {
    if (rows.length === 0) return;
    // Of a read longer than the capacity (a whole store), only the newest rows are kept; spread
    // into `push`, millions of rows would overflow the stack.
    const kept = rows.length > this.capacity ? rows.slice(-this.capacity) : rows;
    if (this.rows.length > 0 && kept[0]!.position !== this.last() + 1) this.clear();
    for (const row of kept) this.rows.push(row);
    this.parsed.length = this.rows.length;
    const excess = this.rows.length - this.capacity;
    // Trim in chunks, not on every add: a splice moves the whole array.
    if (excess > this.capacity / 4) {
      this.rows.splice(0, excess);
      this.parsed.splice(0, excess);
    }
  }

  /**
   * The events after `after` (at most `limit`; -1 for all) when all of them are here, given the
   * file's current `head`; `null` when the file must be read.
   */
  read(after: Position, limit: number, head: Position): RecordedEvent[] | null {
    if (this.rows.length === 0 || head !== this.last()) return null;
    const first = this.rows[0]!.position;
    if (after < first - 1 || after > head) return null;
    const start = after - first + 1;
    const end = limit < 0 ? this.rows.length : Math.min(this.rows.length, start + limit);
    const events: RecordedEvent[] = [];
    for (let i = start; i < end; i += 1) events.push((this.parsed[i] ??= toRecordedEvent(this.rows[i]!)));
    return events;
  }

  /** The last position held, or null when nothing is. */
  end(): Position | null {
    return this.rows.length === 0 ? null : this.last();
  }

  /** Whether the events after `after` would start within what is held. */
  holds(after: Position): boolean {
    return this.rows.length > 0 && after >= this.rows[0]!.position - 1 && after <= this.last();
  }

  clear(): void {
    this.rows = [];
    this.parsed = [];
  }

  private last(): Position {
    return this.rows[this.rows.length - 1]!.position;
  }
}
