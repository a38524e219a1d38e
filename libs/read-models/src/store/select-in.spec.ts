import { idChunks } from './select-in.js';

describe('idChunks', () => {
  it('cuts ids into lists of a few lengths, padding the last with its last id, so each list length is one prepared statement', () => {
    for (const count of [0, 1, 2, 5, 17, 64, 65, 200, 201, 437]) {
      const ids = Array.from({ length: count }, (_, i) => `case-${i}`);
      const chunks = idChunks(ids);
      expect(chunks.every((c) => [1, 4, 16, 64, 200].includes(c.length))).toBe(true);
      expect([...new Set(chunks.flat())]).toEqual(ids);
      for (const chunk of chunks) {
        const last = chunk[chunk.length - 1];
        expect(chunk.slice(chunk.indexOf(last!)).every((id) => id === last)).toBe(true);
      }
    }
    expect(idChunks(['a', 'b', 'c'])).toEqual([['a', 'b', 'c', 'c']]);
  });
});
