import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeFlagsOf } from './script-flags.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type Role = 'agent' | 'dispatcher' | 'technician' | 'supervisor' | 'admin' | 'auditor' | 'analyst';
const ROLES: readonly Role[] = ['agent', 'dispatcher', 'technician', 'supervisor', 'admin', 'auditor', 'analyst'];

/** The built server (`dist/apps/api/src/main.js`) as a child process on a loopback port. */
export interface RunningServer {
  readonly url: string;
  readonly pid: number;
  readonly tokens: Readonly<Record<Role, string>>;
  /** Milliseconds from spawn to the first 200 on `/health` (ready). */
  readonly startupMs: number;
  /** `VmRSS` and `VmHWM` (peak) from /proc, in MB. */
  memory(): { rssMB: number; peakMB: number };
  auth(role: Role): Record<string, string>;
  /**
   * Resolves once the server has been nearly idle (under 5% of one core) for a second: on a fresh
   * data set, the warranty process manager and the checkpoint writer catch up on the whole log
   * after /health already answers (~3 s at size S, ~5 min for 10M events), and that work must not
   * be timed as request latency.
   */
  settle(): Promise<number>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The server runs with `npm start`'s heap flags; `nodeArgs` go after them, e.g. `--cpu-prof` for a profile written when the server stops;
 * `root` is the checkout whose build runs (another one to compare a change before and after).
 */
export async function startServer(dataDir: string, nodeArgs: readonly string[] = [], root = REPO_ROOT, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const main = join(root, 'dist/apps/api/src/main.js');
  const tokens = Object.fromEntries(ROLES.map((role) => [role, `bench-${role}-${randomBytes(12).toString('hex')}`])) as Record<Role, string>;
  const authFile = join(dataDir, 'bench-auth.json');
  writeFileSync(authFile, JSON.stringify(ROLES.map((role) => ({ token: tokens[role], actorId: `bench-${role}`, role }))));
  const port = await freePort();
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, [...runtimeFlagsOf(root, 'start'), ...nodeArgs, main], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', CASETRAIL_DATA_DIR: dataDir, CASETRAIL_AUTH_FILE: authFile, LOG_LEVEL: 'warn', CASETRAIL_RATE_LIMIT_PER_SECOND: '0', ...extraEnv },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() - started > 120_000) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready within 120 s: ${stderr}`);
    }
    const ready = await fetch(`${url}/health`).then((r) => r.status === 200, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const startupMs = Date.now() - started;
  return {
    url,
    pid: child.pid!,
    tokens,
    startupMs,
    memory: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
      return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
    },
    auth: (role) => ({ authorization: `Bearer ${tokens[role]}` }),
    settle: () => settle(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

const TICK_MS = 10; // USER_HZ on Linux

/**
 * CPU time (user + system) so far, in ms (10 ms steps), of the process or thread whose stat file
 * this is: `/proc/<pid>/stat`, or `/proc/<pid>/task/<tid>/stat` for one thread.
 */
export function cpuMsOf(statFile: string): number {
  const fields = readFileSync(statFile, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** Waits until `pid` has used under 5% of a core over a whole second (at most 15 minutes); returns the ms waited. */
async function settle(pid: number): Promise<number> {
  const started = Date.now();
  let quietSince = Date.now();
  let before = cpuMsOf(`/proc/${pid}/stat`);
  while (Date.now() - started < 15 * 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = cpuMsOf(`/proc/${pid}/stat`);
    if (now - before > 10) quietSince = Date.now(); // more than 10 ms of CPU in 250 ms
    before = now;
    if (Date.now() - quietSince >= 1_000) break;
  }
  return Date.now() - started;
}
