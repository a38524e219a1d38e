import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './server-process.js';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm run cli -- …` the way it is defined in package.json, without npm's own output. */
export function startCli(args: readonly string[], dataDir: string): ChildProcess {
  return spawn(process.execPath, ['--conditions=source', '--import', 'tsx', join(REPO_ROOT, 'apps/cli/src/main.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, CASETRAIL_DATA_DIR: dataDir, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runCli(args: readonly string[], dataDir: string): Promise<CliRun> {
  const child = startCli(args, dataDir);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** `digest <table> <rows> rows <sha256>` lines → { table: 'rows sha' }. */
export function parseDigests(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of stdout.matchAll(/^digest (\S+)\s+(\d+) rows\s+([0-9a-f]{64})$/gm)) out[m[1]!] = `${m[2]} ${m[3]}`;
  return out;
}
