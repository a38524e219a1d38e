/**
 * Collects what arrives during one turn of the event loop and hands it over at once, on
 * `setImmediate`: after the event loop has handled everything already read from the sockets
 * (or the message port), so a burst becomes one batch. Keeps nothing alive on its own.
 */
export class TurnBatcher<T> {
  private items: T[] = [];
  private scheduled: ReturnType<typeof setImmediate> | null = null;

  constructor(private readonly handOver: (items: T[]) => void) {}

  push(item: T): void {
    this.items.push(item);
    this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Hands over what is waiting, now (also used on close, so nothing accepted is dropped). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    this.handOver(items);
  }
}
