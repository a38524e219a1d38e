import { KeyedMutex } from './keyed-mutex.js';

describe('a keyed mutex', () => {
  it('runs work for one key one at a time, in arrival order, even when some fail', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const step = (name: string, fail = false) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([mutex.run('a', step('1')), mutex.run('a', step('2', true)), mutex.run('a', step('3'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('runs different keys concurrently', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const step = (name: string) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`end ${name}`);
    };
    await Promise.all([mutex.run('a', step('a')), mutex.run('b', step('b'))]);
    expect(log.slice(0, 2)).toEqual(['start a', 'start b']);
  });
});
