import type { CheckpointKeySource } from '#casetrail/event-store';

export interface CheckpointConfig {
  readonly enabled: boolean;
  readonly everyEvents: number;
  readonly everyMs: number;
  readonly key: CheckpointKeySource;
}

type Env = Readonly<Record<string, string | undefined>>;

const read = (env: Env, name: string): string | undefined => env[name]?.trim() || undefined;

function positive(env: Env, name: string, fallback: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`${name} must be a number above 0, got "${raw}"`);
  return value;
}

/**
 * `CASETRAIL_CHECKPOINT_KEY` (PKCS#8 PEM) or `CASETRAIL_CHECKPOINT_KEY_FILE`; the embedded profile
 * (EVENT_STORE unset or sqlite) generates `<dataDir>/checkpoint-key.pem` without either.
 * `CASETRAIL_CHECKPOINT_EVERY_EVENTS` (1000) and `CASETRAIL_CHECKPOINT_EVERY_MINUTES` (5);
 * `CASETRAIL_CHECKPOINTS=off` turns the writer off.
 */
export function loadCheckpointConfig(env: Env, dataDir: string): CheckpointConfig {
  return {
    enabled: read(env, 'CASETRAIL_CHECKPOINTS') !== 'off',
    everyEvents: Math.ceil(positive(env, 'CASETRAIL_CHECKPOINT_EVERY_EVENTS', 1000)),
    everyMs: Math.round(positive(env, 'CASETRAIL_CHECKPOINT_EVERY_MINUTES', 5) * 60_000),
    key: {
      pem: read(env, 'CASETRAIL_CHECKPOINT_KEY'),
      file: read(env, 'CASETRAIL_CHECKPOINT_KEY_FILE'),
      dataDir,
      generateIfMissing: (read(env, 'EVENT_STORE') ?? 'sqlite') === 'sqlite',
    },
  };
}
