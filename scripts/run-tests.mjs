#!/usr/bin/env node
// `npm test`: every Jest project, PostgreSQL included. PostgreSQL comes from DATABASE_URL, else the
// local server, which scripts/ensure-postgres.sh starts when this machine can (root, Debian's
// cluster tools). Where no PostgreSQL can be had, the postgres project is left out — loudly.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_URL = 'postgres://postgres:casetrail-test@127.0.0.1:5432/casetrail_test';

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function postgresUrl() {
  const url = process.env.DATABASE_URL || DEFAULT_URL;
  if (await reachable(url)) return url;
  if (process.env.DATABASE_URL) throw new Error(`DATABASE_URL is set but PostgreSQL does not answer there`);
  if (process.getuid?.() !== 0) return null;
  try {
    return execFileSync('bash', [join(root, 'scripts/ensure-postgres.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  } catch {
    return null;
  }
}

const args = process.argv.slice(2);
const url = await postgresUrl();
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() };
if (url) env.DATABASE_URL = url;
else {
  console.warn('\n*** PostgreSQL is not reachable: the postgres test project is SKIPPED. Set DATABASE_URL or run scripts/ensure-postgres.sh as root. ***\n');
  args.push('--selectProjects', 'unit', 'integration', 'e2e', 'esdb');
}
const jest = join(root, 'node_modules/jest/bin/jest.js');
const results = join(root, '.tmp/jest-results.json');
mkdirSync(dirname(results), { recursive: true });
rmSync(results, { force: true });
const run = spawnSync(process.execPath, [jest, '--json', `--outputFile=${results}`, ...args], { stdio: 'inherit', env, cwd: root });
// The plain closing line CI reads; Jest's own summary is not read there.
if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  const failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\n${r.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
} else {
  console.log('\n0 passed, 1 failed');
}
process.exit(run.status ?? 1);
