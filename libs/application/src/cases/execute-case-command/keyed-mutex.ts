/**
 * Runs work for the same key one at a time, in arrival order; different keys run concurrently.
 * Commands on one case in this process queue up instead of racing to the same expected revision
 * and retrying — which, under a burst, could exhaust the retries. Across processes the store's
 * expected-revision check still decides.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      // The last one out removes the key, so the map only holds cases with commands in flight.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
