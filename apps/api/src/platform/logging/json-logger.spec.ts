import { JsonLogger } from './json-logger.js';

const capture = (level?: 'error' | 'warn' | 'info' | 'debug') => {
  const lines: string[] = [];
  const logger = new JsonLogger({ ...(level ? { level } : {}), write: (line) => lines.push(line), now: () => new Date('2026-03-02T08:00:00.000Z') });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
};

describe('JsonLogger', () => {
  it('writes one JSON object per line with time, level, context and msg', () => {
    const { logger, lines, parsed } = capture();
    logger.log('started', 'Bootstrap');
    expect(lines).toEqual(['{"time":"2026-03-02T08:00:00.000Z","level":"info","context":"Bootstrap","msg":"started"}\n']);
    expect(parsed()).toHaveLength(1);
  });

  it('spreads an object message into extra fields', () => {
    const { logger, parsed } = capture();
    logger.warn({ msg: 'slow', durationMs: 1200 }, 'Http');
    expect(parsed()).toEqual([{ time: '2026-03-02T08:00:00.000Z', level: 'warn', context: 'Http', msg: 'slow', durationMs: 1200 }]);
  });

  it('follows Nest: error(message, stack, context)', () => {
    const { logger, parsed } = capture();
    logger.error('boom', 'Error: boom\n    at x', 'Store');
    expect(parsed()[0]).toMatchObject({ level: 'error', context: 'Store', msg: 'boom', stack: 'Error: boom\n    at x' });
  });

  it('honours the level: info hides debug and verbose', () => {
    const { logger, parsed } = capture('info');
    logger.debug('d');
    logger.verbose('v');
    logger.log('i');
    expect(parsed().map((l) => l.msg)).toEqual(['i']);
  });

  it('at error keeps only errors and fatals', () => {
    const { logger, parsed } = capture('error');
    logger.warn('w');
    logger.log('i');
    logger.fatal('f');
    expect(parsed().map((l) => [l.level, l.msg])).toEqual([['error', 'f']]);
  });

  it('never throws on values JSON cannot hold', () => {
    const { logger, parsed } = capture();
    const cyclic: Record<string, unknown> = { msg: 'cyclic' };
    cyclic.self = cyclic;
    logger.log(cyclic);
    logger.log({ msg: 'big', n: 10n });
    expect(parsed().map((l) => l.msg)).toEqual(['cyclic', 'big']);
    expect(parsed()[1]).toMatchObject({ n: '10' });
  });

  it('logs an Error with its message and stack', () => {
    const { logger, parsed } = capture();
    logger.error(new Error('bad'));
    expect(parsed()[0]).toMatchObject({ msg: 'bad', stack: expect.stringContaining('Error: bad') });
  });
});
