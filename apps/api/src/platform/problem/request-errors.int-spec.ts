import { connect } from 'node:net';
import { JSON_HEADERS, problemOf, startTestApp, validReport, type TestApp } from '../testing/start-test-app.js';

const type = (code: string): string => `https://casetrail.dev/problems/${code}`;

describe('problem+json for requests refused before any handler runs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const post = (body: string | undefined, headers: Record<string, string> = JSON_HEADERS) =>
    t.fetch('/test/reports', { role: 'agent', method: 'POST', headers, ...(body === undefined ? {} : { body }) });

  describe('a body Fastify refuses before Nest sees the request', () => {
    /** `{"x":"aaa…"}` of exactly `size` bytes. */
    const bodyOf = (size: number): string => `{"x":"${'a'.repeat(size - 8)}"}`;

    it('answers 413 REQUEST.TOO_LARGE to 64 KiB + 1 (FST_ERR_CTP_BODY_TOO_LARGE)', async () => {
      const response = await post(bodyOf(65537));
      expect(response.status).toBe(413);
      expect(await problemOf(response)).toEqual({
        type: type('REQUEST.TOO_LARGE'),
        title: 'Payload Too Large',
        status: 413,
        detail: 'The request body is larger than 64 KiB',
        code: 'REQUEST.TOO_LARGE',
        instance: '/test/reports',
      });
    });

    it('reads a body of exactly 64 KiB (and then validates it)', async () => {
      const response = await post(bodyOf(65536));
      expect(response.status).toBe(400);
      expect((await problemOf(response)).code).toBe('REQUEST.INVALID');
    });

    it('answers 400 REQUEST.MALFORMED_JSON to broken JSON (FST_ERR_CTP_INVALID_JSON_BODY)', async () => {
      const response = await post('{"customer":');
      expect(response.status).toBe(400);
      expect(await problemOf(response)).toEqual({
        type: type('REQUEST.MALFORMED_JSON'),
        title: 'Bad Request',
        status: 400,
        detail: 'The request body is not valid JSON',
        code: 'REQUEST.MALFORMED_JSON',
        instance: '/test/reports',
      });
    });

    it('refuses a __proto__ key as malformed JSON rather than letting it reach a DTO', async () => {
      const response = await post('{"__proto__":{"admin":true}}');
      expect(response.status).toBe(400);
      expect((await problemOf(response)).code).toBe('REQUEST.MALFORMED_JSON');
    });

    it('answers 400 REQUEST.MALFORMED_JSON to an empty JSON body (FST_ERR_CTP_EMPTY_JSON_BODY)', async () => {
      const response = await post('');
      expect(response.status).toBe(400);
      expect(await problemOf(response)).toMatchObject({
        code: 'REQUEST.MALFORMED_JSON',
        detail: 'The request body is empty although its Content-Type is application/json',
      });
    });

    it.each([
      ['text/plain', 'hello'],
      ['application/x-www-form-urlencoded', 'priority=urgent'],
      ['application/xml', '<report/>'],
    ])('answers 415 REQUEST.UNSUPPORTED_MEDIA_TYPE to %s (FST_ERR_CTP_INVALID_MEDIA_TYPE)', async (contentType, body) => {
      const response = await post(body, { 'content-type': contentType });
      expect(response.status).toBe(415);
      expect(await problemOf(response)).toEqual({
        type: type('REQUEST.UNSUPPORTED_MEDIA_TYPE'),
        title: 'Unsupported Media Type',
        status: 415,
        detail: 'A request body must be sent as application/json',
        code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        instance: '/test/reports',
      });
    });

    it('answers 415 to a body without any Content-Type', async () => {
      const response = await t.fetch('/test/reports', { role: 'agent', method: 'POST', body: new Uint8Array([123, 125]) });
      expect(response.status).toBe(415);
      expect((await problemOf(response)).code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    });

    it('accepts application/json with a charset', async () => {
      const response = await post(JSON.stringify(validReport()), { 'content-type': 'application/json; charset=utf-8' });
      expect(response.status).toBe(201);
    });
  });

  describe('a URL Fastify cannot route', () => {
    it('answers 404 ROUTE.NOT_FOUND without echoing the query string', async () => {
      const response = await t.fetch('/no/such/route?phone=%2B4930123', { role: 'agent' });
      expect(response.status).toBe(404);
      expect(await problemOf(response)).toEqual({
        type: type('ROUTE.NOT_FOUND'),
        title: 'Not Found',
        status: 404,
        detail: 'No route matches this method and path',
        code: 'ROUTE.NOT_FOUND',
        instance: '/no/such/route',
      });
    });

    it('answers 404 ROUTE.NOT_FOUND to a known path with another method', async () => {
      const response = await t.fetch('/test/any', { method: 'DELETE' });
      expect(response.status).toBe(404);
      expect((await problemOf(response)).code).toBe('ROUTE.NOT_FOUND');
    });

    it('answers 400 REQUEST.BAD_URL to an undecodable path (FST_ERR_BAD_URL)', async () => {
      const response = await t.fetch('/test/errors/%E0%A4%A');
      expect(response.status).toBe(400);
      expect(await problemOf(response)).toMatchObject({ code: 'REQUEST.BAD_URL', status: 400, instance: '/test/errors/%E0%A4%A' });
    });

    it('answers 400 REQUEST.MALFORMED_HTTP to bytes that are not HTTP', async () => {
      const raw = await new Promise<string>((resolve, reject) => {
        const { port } = new URL(t.url);
        const socket = connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
      const [head, body] = raw.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(head).toContain('Content-Type: application/problem+json');
      expect(JSON.parse(body!)).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_HTTP', type: type('REQUEST.MALFORMED_HTTP') });
    });
  });
});
