import { join } from 'node:path';
import type { ReadModelDbConfig } from './read-model-database.js';

export const DEFAULT_DATABASE_URL = 'postgres://postgres:casetrail-test@127.0.0.1:5432/casetrail_test';

/**
 * `READ_MODEL_DB=sqlite` (default: `<dataDir>/read-models.sqlite`) or `READ_MODEL_DB=postgres`
 * with `DATABASE_URL`. Anything else is refused at start-up.
 */
export function readModelDbConfig(env: NodeJS.ProcessEnv, dataDir: string): ReadModelDbConfig {
  const kind = env['READ_MODEL_DB'] || 'sqlite';
  if (kind === 'sqlite') return { kind, file: join(dataDir, 'read-models.sqlite') };
  if (kind === 'postgres') return { kind, url: env['DATABASE_URL'] || DEFAULT_DATABASE_URL };
  throw new Error(`READ_MODEL_DB must be sqlite or postgres, not "${kind}"`);
}
