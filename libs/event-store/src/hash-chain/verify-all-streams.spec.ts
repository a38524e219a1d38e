import type { ReadAllOptions } from '../event-store.port.js';
import { verifyAllStreams } from './verify-all-streams.js';

describe('verifyAllStreams', () => {
  it('asks the store for each page with its stored JSON text, so hashes are checked without serialising each event again', async () => {
    const asked: ReadAllOptions[] = [];
    const store = { readAll: async (options: ReadAllOptions = {}) => (asked.push(options), []) };
    await verifyAllStreams(store, { pageSize: 10 });
    expect(asked).toEqual([{ after: 0, maxCount: 10, storedJson: true }]);
  });
});
