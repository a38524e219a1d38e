import { resolve } from 'node:path';
import { readRateLimitConfig, type RateLimitConfig } from '../rate-limit/token-bucket.js';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

/** Process-wide settings, read once from the environment at start-up. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the folder holding the embedded stores and `dev-tokens.json`. */
  readonly dataDir: string;
  /** Path of the bearer-token file; `null` means embedded mode with generated development tokens. */
  readonly authFile: string | null;
  readonly logLevel: LogLevel;
  /** Per-actor token bucket on write routes (reads get 5×); absent means the defaults, 50/s burst 100. */
  readonly rateLimit?: RateLimitConfig;
}

/** DI token under which `PlatformModule.forRoot()` provides the `AppConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** An empty variable counts as unset, as a blank line in a `.env` file or compose file means "default". */
const read = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/** Reads and checks every variable, reporting all bad values at once rather than the first. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];

  const rawPort = read(env, 'PORT');
  let port = 3000;
  if (rawPort !== undefined) {
    port = /^\d+$/.test(rawPort) ? Number(rawPort) : NaN;
    if (!(port >= 0 && port <= 65535)) problems.push(`PORT must be an integer from 0 to 65535, got "${rawPort}"`);
  }

  const rawLevel = read(env, 'LOG_LEVEL');
  const logLevel = (rawLevel?.toLowerCase() ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${rawLevel}"`);

  const rateLimit = readRateLimitConfig(env, problems);

  if (problems.length > 0) throw new ConfigError(problems);

  const authFile = read(env, 'CASETRAIL_AUTH_FILE');
  return {
    port,
    host: read(env, 'HOST') ?? '0.0.0.0',
    dataDir: resolve(read(env, 'CASETRAIL_DATA_DIR') ?? './data'),
    authFile: authFile === undefined ? null : resolve(authFile),
    logLevel,
    ...(rateLimit ? { rateLimit } : {}),
  };
}
