import { JSON_HEADERS, problemOf, startTestApp, validReport, type TestApp } from '../testing/start-test-app.js';

describe('a report body checked by the global validation pipe', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const post = (body: unknown) =>
    t.fetch('/test/reports', { role: 'agent', method: 'POST', headers: JSON_HEADERS, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('arrives as a DTO instance when valid', async () => {
    const response = await post(validReport());
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ actor: { id: 'agent-1', role: 'agent' }, body: validReport(), isDto: true });
  });

  it('lists every broken rule with nested paths, unknown fields included', async () => {
    const response = await post({
      customer: { name: '', phone: 'call me', email: 'x@y' },
      parts: [{ partNumber: 'P-1', quantity: 1 }, { partNumber: 'P-2', quantity: 0, colour: 'red' }],
      priority: 'whenever',
      occurredAt: 'yesterday',
      actor: { id: 'forged', role: 'admin' },
    });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({
      type: 'https://casetrail.dev/problems/REQUEST.INVALID',
      title: 'Bad Request',
      status: 400,
      detail: 'The request is invalid',
      code: 'REQUEST.INVALID',
      instance: '/test/reports',
    });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'actor', message: 'is not allowed' },
        { field: 'customer.email', message: 'is not allowed' },
        { field: 'customer.name', message: 'should not be empty' },
        { field: 'customer.phone', message: 'must be a phone number' },
        { field: 'parts[1].colour', message: 'is not allowed' },
        { field: 'parts[1].quantity', message: 'must not be less than 1' },
        { field: 'priority', message: 'must be one of the following values: urgent, general' },
        { field: 'occurredAt', message: 'must be a valid ISO 8601 date string' },
      ]),
    );
    expect(problem.errors).toHaveLength(8);
  });

  it('does not convert types implicitly: a quantity "2" is refused', async () => {
    const problem = await problemOf(await post({ ...validReport(), parts: [{ partNumber: 'P-1', quantity: '2' }] }));
    expect(problem.errors).toContainEqual({ field: 'parts[0].quantity', message: 'must be an integer number' });
  });

  it('reports missing nested objects and arrays', async () => {
    const problem = await problemOf(await post({ priority: 'urgent' }));
    expect((problem.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['customer', 'customer', 'parts', 'parts']);
  });

  it.each([
    ['an array', '[]'],
    ['a string', '"report"'],
    ['a number', '42'],
    ['null', 'null'],
    ['true', 'true'],
  ])('answers 400 REQUEST.INVALID to %s instead of an object', async (_label, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toEqual({
      type: 'https://casetrail.dev/problems/REQUEST.INVALID',
      title: 'Bad Request',
      status: 400,
      detail: 'The request is invalid',
      code: 'REQUEST.INVALID',
      instance: '/test/reports',
      errors: [{ field: '', message: 'the request body must be a JSON object' }],
    });
  });

  it('validates an absent body as {} (each required field reported)', async () => {
    const response = await t.fetch('/test/reports', { role: 'agent', method: 'POST' });
    expect(response.status).toBe(400);
    expect(((await problemOf(response)).errors as unknown[]).length).toBeGreaterThan(0);
  });
});
