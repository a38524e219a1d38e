import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Logger } from '@nestjs/common';
import type { Actor } from '#casetrail/domain';
import type { AppConfig } from '../config/app-config.js';
import { parseTokenEntries, type TokenEntry } from './auth-file.js';
import { loadOrCreateDevTokens, parseJson } from './dev-tokens.js';

const digest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Bearer token → actor. Tokens are looked up by their SHA-256 digest: a Map lookup on a
 * digest reveals nothing through timing about how much of a presented token was right, and
 * the plain tokens are not kept in memory.
 */
export class TokenRegistry {
  private readonly actors = new Map<string, Actor>();

  constructor(entries: readonly TokenEntry[]) {
    for (const { token, actorId, role } of entries) this.actors.set(digest(token), { id: actorId, role });
  }

  /** The actor a token stands for, or undefined for an unknown one. */
  lookup(token: string): Actor | undefined {
    return this.actors.get(digest(token));
  }

  get size(): number {
    return this.actors.size;
  }

  /**
   * From `config.authFile`, or (embedded mode, no file) from generated development tokens, which
   * are logged once at start-up because nobody could call the API otherwise.
   */
  static async load(config: Pick<AppConfig, 'authFile' | 'dataDir'>, logger = new Logger('Auth')): Promise<TokenRegistry> {
    if (config.authFile !== null) {
      const file = config.authFile;
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new Error(`Cannot read CASETRAIL_AUTH_FILE ${file}: ${error.code ?? error.message}`);
      });
      return new TokenRegistry(parseTokenEntries(file, parseJson(file, text)));
    }
    const { file, entries, created } = await loadOrCreateDevTokens(config.dataDir);
    logger.warn({
      msg: `No CASETRAIL_AUTH_FILE set: using development tokens ${created ? 'generated into' : 'from'} ${file}. Set CASETRAIL_AUTH_FILE for real deployments.`,
      tokens: entries.map(({ role, actorId, token }) => ({ role, actorId, token })),
    });
    return new TokenRegistry(entries);
  }
}
