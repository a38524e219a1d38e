/**
 * Tells in-process subscribers that an append has committed. Listeners are plain callbacks, so
 * a waiting subscriber costs nothing until the next append: no timer, no polling.
 */
export class AppendNotifier {
  private readonly listeners = new Set<() => void>();

  /** Returns the function that removes the listener. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
