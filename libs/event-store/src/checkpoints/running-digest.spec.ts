import { createHash } from 'node:crypto';
import { advance, GENESIS_DIGEST, GENESIS_STATE, nextDigest } from './running-digest.js';

const h = (n: number): string => createHash('sha256').update(String(n)).digest('hex');

describe('the running digest over the global order', () => {
  it('starts from 64 zeros and follows the documented rule, so any verifier can recompute it', () => {
    expect(GENESIS_DIGEST).toBe('0'.repeat(64));
    const expected = createHash('sha256').update(`${GENESIS_DIGEST}\n${h(1)}\n1`).digest('hex');
    expect(nextDigest(GENESIS_DIGEST, h(1), 1)).toBe(expected);
  });

  it('counts events and remembers the position reached', () => {
    const state = [1, 2, 3].reduce((s, p) => advance(s, { hash: h(p), position: p }), GENESIS_STATE);
    expect(state).toMatchObject({ position: 3, eventCount: 3 });
  });

  it('changes when an event is left out, even one that no stream chain would miss', () => {
    const all = [1, 2, 3].reduce((s, p) => advance(s, { hash: h(p), position: p }), GENESIS_STATE);
    const without2 = [1, 3].reduce((s, p) => advance(s, { hash: h(p), position: p }), GENESIS_STATE);
    expect(without2.digest).not.toBe(all.digest);
  });

  it('binds the position: the same hash at another position gives another digest', () => {
    expect(nextDigest(GENESIS_DIGEST, h(1), 1)).not.toBe(nextDigest(GENESIS_DIGEST, h(1), 2));
  });
});
