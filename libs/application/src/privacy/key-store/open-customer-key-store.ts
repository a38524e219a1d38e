import { join } from 'node:path';
import { readModelDbConfig } from '#casetrail/read-models';
import type { CustomerKeyStore } from './customer-key-store.port.js';
import { KeyWrapper } from './key-wrapping.js';
import { PostgresCustomerKeyStore } from './postgres-customer-key-store.js';
import { SqliteCustomerKeyStore } from './sqlite-customer-key-store.js';

/**
 * The key store follows the read-model database: `READ_MODEL_DB=postgres` (production) keeps keys
 * in PostgreSQL at `DATABASE_URL`; otherwise `<dataDir>/keys.sqlite`. Data keys are wrapped with
 * `CASETRAIL_MASTER_KEY` when it is set.
 */
export async function openCustomerKeyStore(env: NodeJS.ProcessEnv, dataDir: string): Promise<CustomerKeyStore> {
  const wrapper = KeyWrapper.fromEnv(env);
  const config = readModelDbConfig(env, dataDir);
  if (config.kind === 'postgres') return PostgresCustomerKeyStore.open({ connectionString: config.url }, wrapper);
  return SqliteCustomerKeyStore.open(join(dataDir, 'keys.sqlite'), wrapper);
}
