import { problemOf, startTestApp, type TestApp } from '../testing/start-test-app.js';

describe('If-Match and Idempotency-Key over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const send = (headers: Record<string, string>) => t.fetch('/test/preconditions', { method: 'POST', headers });

  it.each([
    ['"5"', 5],
    ['W/"5"', 5],
    ['"0"', 0],
  ])('reads If-Match %s as revision %i', async (ifMatch, expected) => {
    const response = await send({ 'if-match': ifMatch });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ expected, key: null });
    expect(response.headers.get('etag')).toBe(`"${expected + 1}"`);
  });

  it('treats a missing If-Match as no precondition', async () => {
    expect(await (await send({})).json()).toEqual({ expected: null, key: null });
  });

  it.each(['5', '"abc"', '*', '"1", "2"', '"-1"', '"05"', ''])('answers 400 REQUEST.INVALID_IF_MATCH to If-Match %p', async (ifMatch) => {
    const response = await send({ 'if-match': ifMatch });
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toEqual({
      type: 'https://casetrail.dev/problems/REQUEST.INVALID_IF_MATCH',
      title: 'Bad Request',
      status: 400,
      detail: 'If-Match must be one revision in quotes, like "5"',
      code: 'REQUEST.INVALID_IF_MATCH',
      instance: '/test/preconditions',
    });
  });

  it('passes a valid Idempotency-Key through', async () => {
    expect(await (await send({ 'idempotency-key': 'order-42/retry' })).json()).toEqual({ expected: null, key: 'order-42/retry' });
  });

  it('answers 400 REQUEST.INVALID_IDEMPOTENCY_KEY to a key of 129 characters', async () => {
    const response = await send({ 'idempotency-key': 'k'.repeat(129) });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).code).toBe('REQUEST.INVALID_IDEMPOTENCY_KEY');
  });
});
