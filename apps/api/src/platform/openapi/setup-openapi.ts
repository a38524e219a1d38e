import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from '../auth/auth.decorators.js';
import { PROBLEM_SCHEMA, PROBLEM_SCHEMA_NAME } from './problem.schema.js';

export const BEARER_SCHEME = 'bearer';

/**
 * Serves the OpenAPI document at `/docs-json` and its UI at `/docs`; must run before `listen()`.
 * The document is built at its first request, not at start-up: scanning every route took ~60-100 ms
 * of the server's start (`--cpu-prof`), and the server answers `/health` without it.
 */
export function setupOpenApi(app: INestApplication, version = '1.0.0'): void {
  SwaggerModule.setup('docs', app, () => buildDocument(app, version), { jsonDocumentUrl: 'docs-json', raw: ['json'] });
}

function buildDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('casetrail')
    .setDescription('Event-sourced after-sales service cases. Errors are RFC 9457 application/problem+json.')
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A token from CASETRAIL_AUTH_FILE or dev-tokens.json' }, BEARER_SCHEME)
    // Every route needs the token unless marked @Public(), which clears this per operation.
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, [PROBLEM_SCHEMA_NAME]: PROBLEM_SCHEMA },
  };
  markPublicOperations(document);
  return document;
}

/** `@Public()` operations carry an extension; an empty security list is what OpenAPI reads. */
function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      if (operation && typeof operation === 'object' && PUBLIC_EXTENSION in operation) {
        delete (operation as Record<string, unknown>)[PUBLIC_EXTENSION];
        (operation as { security?: unknown[] }).security = [];
      }
    }
  }
}
