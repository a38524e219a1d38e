import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROLES } from '#casetrail/domain';
import { parseTokenEntries, type TokenEntry } from './auth-file.js';

export const DEV_TOKENS_FILE = 'dev-tokens.json';

const newToken = (): string => randomBytes(32).toString('base64url');

/**
 * Embedded mode without an auth file: one development token per role, kept in
 * `<dataDir>/dev-tokens.json` (mode 0600) so that they survive restarts. A role added to
 * `ROLES` since the file was written gets its token on the next start.
 */
export async function loadOrCreateDevTokens(dataDir: string): Promise<{ file: string; entries: TokenEntry[]; created: boolean }> {
  const file = join(dataDir, DEV_TOKENS_FILE);
  const existing = await readExisting(file);
  const missing = ROLES.filter((role) => !existing.some((entry) => entry.role === role));
  if (missing.length === 0) return { file, entries: existing, created: false };

  const entries = [...existing, ...missing.map((role) => ({ token: newToken(), actorId: `dev-${role}`, role }))];
  await mkdir(dataDir, { recursive: true });
  // Written aside and renamed, so a crash never leaves a half-written token file behind.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
  await chmod(file, 0o600);
  return { file, entries, created: true };
}

async function readExisting(file: string): Promise<TokenEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return parseTokenEntries(file, parseJson(file, text));
}

export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`Invalid auth file ${file}: not valid JSON (${(error as Error).message})`);
  }
}
