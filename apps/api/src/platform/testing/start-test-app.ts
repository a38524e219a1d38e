import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ROLES, type Role } from '#casetrail/domain';
import type { AppConfig } from '../config/app-config.js';
import { createHttpApp } from '../create-http-app.js';
import { JsonLogger } from '../logging/json-logger.js';
import { PlatformModule } from '../platform.module.js';
import { DummyController } from './dummy.controller.js';

export const tokenFor = (role: Role): string => `test-token-for-${role}-0123456789`;

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly dataDir: string;
  /** Every line the JSON logger wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  fetch(path: string, init?: RequestInit & { role?: Role }): Promise<Response>;
  close(): Promise<void>;
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'casetrail-platform-'));
}

/** The dummy controller behind the full platform, on a random port, with one token per role. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const dataDir = await tempDir();
  const authFile = join(dataDir, 'auth.json');
  await writeFile(authFile, JSON.stringify(ROLES.map((role) => ({ token: tokenFor(role), actorId: `${role}-1`, role }))));
  const config: AppConfig = { port: 0, host: '127.0.0.1', dataDir, authFile, logLevel: 'debug', ...overrides };
  const logs: Record<string, unknown>[] = [];
  const logger = new JsonLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  const app = await createHttpApp({ imports: [PlatformModule.forRoot(config)], controllers: [DummyController] }, config, { logger });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    app,
    url,
    dataDir,
    logs,
    fetch: (path, { role, ...init } = {}) =>
      fetch(`${url}${path}`, {
        ...init,
        headers: { ...(role ? { authorization: `Bearer ${tokenFor(role)}` } : {}), ...(init.headers as Record<string, string>) },
      }),
    close: async () => {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const JSON_HEADERS = { 'content-type': 'application/json' } as const;

/** A body the dummy report route accepts. */
export const validReport = (): Record<string, unknown> => ({
  customer: { name: 'Ada', phone: '+49 30 123456' },
  parts: [{ partNumber: 'P-1', quantity: 2 }],
  priority: 'urgent',
  occurredAt: '2026-03-02T08:00:00.000Z',
});

/** The response's problem document, after checking it is one. */
export async function problemOf(response: Response): Promise<Record<string, unknown>> {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as Record<string, unknown>;
}
