import { Logger } from '@nestjs/common';
import { ProblemFastifyAdapter } from './problem-fastify-adapter.js';
import { createFastifyErrorHandler } from './fastify-error-handlers.js';

/**
 * The Fastify-level handler on a bare Fastify instance (no Nest): what answers a request error
 * should Nest's exception layer ever not be installed, and what Nest's handler is spared.
 */
describe('the Fastify error handler on its own', () => {
  beforeAll(() => Logger.overrideLogger(false)); // the 500 below is logged on purpose

  const build = (next?: Parameters<typeof createFastifyErrorHandler>[0]) => {
    const instance = new ProblemFastifyAdapter({ bodyLimit: 16 }).getInstance();
    instance.setErrorHandler(createFastifyErrorHandler(next));
    instance.post('/echo', async (request) => request.body);
    instance.get('/boom', async () => {
      throw new Error('secret');
    });
    return instance;
  };
  /** A real request: Fastify's inject() needs a CommonJS `cookie` that Jest's ESM mode cannot load. */
  const call = async (instance: ReturnType<typeof build>, path: string, init: RequestInit = {}) => {
    const address = await instance.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${address}${path}`, init);
    return { statusCode: response.status, headers: response.headers, body: (await response.json().catch(() => null)) as Record<string, unknown> };
  };
  const json = (payload: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });

  it('answers Fastify request errors itself, without calling the next handler', async () => {
    let delegated = 0;
    const instance = build(() => void delegated++);
    const tooLarge = await call(instance, '/echo', json('{"a":"0123456789abcdef"}'));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.headers.get('content-type')).toBe('application/problem+json');
    expect(tooLarge.body).toMatchObject({ code: 'REQUEST.TOO_LARGE', instance: '/echo' });
    const malformed = await fetch(`${instance.listeningOrigin}/echo`, json('{'));
    expect(await malformed.json()).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_JSON' });
    expect(delegated).toBe(0);
    await instance.close();
  });

  it('passes any other error on to the next handler (Nest exception layer)', async () => {
    const seen: string[] = [];
    const instance = build((error, _request, reply) => {
      seen.push((error as Error).message);
      return reply.code(502).send({ from: 'next' });
    });
    expect(await call(instance, '/boom')).toMatchObject({ statusCode: 502, body: { from: 'next' } });
    expect(seen).toEqual(['secret']);
    await instance.close();
  });

  it('without a next handler, answers an unknown error 500 INTERNAL', async () => {
    const instance = build();
    const response = await call(instance, '/boom');
    expect(response.statusCode).toBe(500);
    expect(response.body).toMatchObject({ code: 'INTERNAL', detail: expect.not.stringContaining('secret') });
    await instance.close();
  });
});
