import { jest } from '@jest/globals';
import { SwaggerModule } from '@nestjs/swagger';
import { startTestApp, type TestApp } from '../testing/start-test-app.js';
import { PROBLEM_SCHEMA_REF } from './problem.schema.js';

interface OpenApiDocument {
  info: { title: string; version: string };
  security?: Record<string, string[]>[];
  components: { schemas: Record<string, { required?: string[] }>; securitySchemes: Record<string, { type: string; scheme: string }> };
  paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    t = await startTestApp();
    const response = await fetch(`${t.url}/docs-json`);
    expect(response.status).toBe(200);
    doc = (await response.json()) as OpenApiDocument;
  });
  afterAll(async () => t.close());

  it('is titled casetrail, with a bearer scheme required by default', () => {
    expect(doc.info).toMatchObject({ title: 'casetrail', version: '1.0.0' });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearer: [] }]);
  });

  it('marks @Public() routes as needing no token', () => {
    expect(doc.paths['/test/public']!.get!.security).toEqual([]);
    expect(doc.paths['/test/any']!.get!.security).toBeUndefined();
  });

  it('holds the reusable Problem schema', () => {
    expect(doc.components.schemas.Problem!.required).toEqual(['type', 'title', 'status', 'detail', 'code']);
  });

  it('lists the problem responses @ApiProblemResponses names, as application/problem+json', () => {
    const responses = doc.paths['/test/reports']!.post!.responses;
    for (const status of ['400', '401', '403', '413', '415']) {
      expect(responses[status]!.content).toEqual({ 'application/problem+json': { schema: { $ref: PROBLEM_SCHEMA_REF } } });
    }
  });

  it('serves the UI at /docs without a token', async () => {
    const response = await fetch(`${t.url}/docs`, { redirect: 'follow' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
  });
});

describe('the OpenAPI document, built at its first request', () => {
  it('is not scanned at start-up, then scanned once and served the same each time', async () => {
    const createDocument = jest.spyOn(SwaggerModule, 'createDocument');
    const t = await startTestApp();
    try {
      expect(createDocument).not.toHaveBeenCalled();
      const first: unknown = await (await fetch(`${t.url}/docs-json`)).json();
      const second: unknown = await (await fetch(`${t.url}/docs-json`)).json();
      expect(createDocument).toHaveBeenCalledTimes(1);
      expect(second).toEqual(first);
    } finally {
      createDocument.mockRestore();
      await t.close();
    }
  });
});
