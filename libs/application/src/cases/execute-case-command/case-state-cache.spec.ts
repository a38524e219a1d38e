import type { CaseState } from '#casetrail/domain';
import { CaseStateCache } from './case-state-cache.js';

const at = (revision: number) => ({ state: { status: 'reported' } as unknown as CaseState, revision });

describe('CaseStateCache', () => {
  it('forgets the least recently used case beyond its capacity', () => {
    const cache = new CaseStateCache(2);
    cache.set('a', at(0));
    cache.set('b', at(0));
    cache.get('a');
    cache.set('c', at(0));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(at(0));
    expect(cache.get('c')).toEqual(at(0));
  });

  it('replaces and deletes entries', () => {
    const cache = new CaseStateCache();
    cache.set('a', at(0));
    cache.set('a', at(3));
    expect(cache.get('a')?.revision).toBe(3);
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });
});
