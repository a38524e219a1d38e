import type { Role } from '#casetrail/domain';
import { ROLES } from '#casetrail/domain';

export interface TokenEntry {
  readonly token: string;
  readonly actorId: string;
  readonly role: Role;
}

/** RFC 6750 `b64token` syntax, so every accepted token fits an `Authorization: Bearer` header. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
export const MIN_TOKEN_LENGTH = 16;

export class AuthFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid auth file ${file}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'AuthFileError';
  }
}

/**
 * Checks the parsed content of an auth file and reports every problem at once. Messages name
 * entries by index and never repeat a token, since start-up errors end up in logs.
 */
export function parseTokenEntries(file: string, content: unknown): TokenEntry[] {
  if (!Array.isArray(content)) throw new AuthFileError(file, ['the file must hold a JSON array of { token, actorId, role }']);
  const problems: string[] = content.length === 0 ? ['the file lists no tokens, so nobody could sign in'] : [];
  const seen = new Map<string, number>();
  content.forEach((entry: unknown, index) => {
    const at = `entry ${index}`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push(`${at}: must be an object { token, actorId, role }`);
      return;
    }
    const { token, actorId, role } = entry as Record<string, unknown>;
    if (typeof token !== 'string' || token.length < MIN_TOKEN_LENGTH || !B64TOKEN.test(token)) {
      problems.push(`${at}: token must be a string of at least ${MIN_TOKEN_LENGTH} characters from A-Z a-z 0-9 - . _ ~ + /`);
    } else if (seen.has(token)) {
      problems.push(`${at}: token is the same as in entry ${seen.get(token)}`);
    } else {
      seen.set(token, index);
    }
    if (typeof actorId !== 'string' || actorId.trim() === '') problems.push(`${at}: actorId must be a non-empty string`);
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
      problems.push(`${at}: role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(role)}`);
    }
  });
  if (problems.length > 0) throw new AuthFileError(file, problems);
  return content as TokenEntry[];
}
