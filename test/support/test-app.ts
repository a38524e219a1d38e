import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, PROJECTION_HOST } from '#casetrail/application';
import type { EventStore } from '#casetrail/event-store';
import type { RunningProjections } from '#casetrail/read-models';
import { AppModule } from '../../apps/api/src/app.module.js';
import type { EventWriter } from '../../apps/api/src/infrastructure/infrastructure.module.js';
import { createHttpApp, loadConfig } from '../../apps/api/src/platform/index.js';
import { HttpClient } from './http-client.js';

/** One token per role, plus a second technician to prove technicians only touch their own cases. */
export const TEST_TOKENS = [
  { token: 'test-token-agent-000', actorId: 'agent-1', role: 'agent' },
  { token: 'test-token-dispatcher-000', actorId: 'dispatcher-1', role: 'dispatcher' },
  { token: 'test-token-technician-000', actorId: 'tech-1', role: 'technician' },
  { token: 'test-token-technician-2-000', actorId: 'tech-2', role: 'technician' },
  { token: 'test-token-supervisor-000', actorId: 'supervisor-1', role: 'supervisor' },
  { token: 'test-token-admin-000', actorId: 'admin-1', role: 'admin' },
  { token: 'test-token-auditor-000', actorId: 'auditor-1', role: 'auditor' },
  { token: 'test-token-analyst-000', actorId: 'analyst-1', role: 'analyst' },
] as const;

export type TestActor = 'agent' | 'dispatcher' | 'technician' | 'technician-2' | 'supervisor' | 'admin' | 'auditor' | 'analyst';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly dataDir: string;
  readonly http: HttpClient;
  /** Resolves once every projection has caught up with everything stored so far. */
  settle(): Promise<void>;
  /** Closes the app; the data folder stays until `dispose`. */
  close(): Promise<void>;
  dispose(): Promise<void>;
}

export function makeDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'casetrail-e2e-'));
  writeFileSync(join(dataDir, 'auth.json'), JSON.stringify(TEST_TOKENS));
  return dataDir;
}

export interface TestThreads {
  readonly eventWriter?: EventWriter;
  readonly queryThreads?: number;
}

/**
 * The real application on a real port, on a fresh (or given) data folder; projections inline,
 * appends on this thread unless asked, and the read API's queries on two query threads, as `npm start` runs them.
 */
export async function startTestApp(dataDir = makeDataDir(), { eventWriter = 'inline', queryThreads = 2 }: TestThreads = {}): Promise<TestApp> {
  const config = loadConfig({
    CASETRAIL_DATA_DIR: dataDir,
    CASETRAIL_AUTH_FILE: join(dataDir, 'auth.json'),
    LOG_LEVEL: 'error',
  });
  const app = await createHttpApp(AppModule.forRoot(config, { projections: 'inline', eventWriter, queryThreads, projectionNice: 0 }), config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  let closed = false;
  const close = async (): Promise<void> => {
    if (!closed) await app.close();
    closed = true;
  };
  return {
    app,
    url,
    dataDir,
    http: new HttpClient(url),
    settle: async () => {
      const head = await app.get<EventStore>(EVENT_STORE).headPosition();
      await app.get<RunningProjections>(PROJECTION_HOST).waitFor(head);
    },
    close,
    dispose: async () => {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
