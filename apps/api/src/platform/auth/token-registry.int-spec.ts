import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROLES } from '#casetrail/domain';
import { createHttpApp } from '../create-http-app.js';
import { PlatformModule } from '../platform.module.js';
import { DummyController } from '../testing/dummy.controller.js';
import { startTestApp, tempDir } from '../testing/start-test-app.js';
import { AuthFileError, type TokenEntry } from './auth-file.js';
import { DEV_TOKENS_FILE } from './dev-tokens.js';
import { TokenRegistry } from './token-registry.js';

/** Records what the registry logs (a Nest Logger stand-in). */
const recorder = () => {
  const calls: unknown[] = [];
  return { calls, warn: (message: unknown) => void calls.push(message) };
};
const silent = recorder();

describe('the token registry', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  describe('in embedded mode (no CASETRAIL_AUTH_FILE)', () => {
    it('generates one token per role into <dataDir>/dev-tokens.json with mode 0600 and logs them', async () => {
      const dataDir = join(dir, 'nested', 'data');
      const logger = recorder();
      const registry = await TokenRegistry.load({ authFile: null, dataDir }, logger as never);

      const file = join(dataDir, DEV_TOKENS_FILE);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const entries = JSON.parse(await readFile(file, 'utf8')) as TokenEntry[];
      expect(entries.map((e) => e.role)).toEqual([...ROLES]);
      for (const entry of entries) {
        expect(entry.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(registry.lookup(entry.token)).toEqual({ id: `dev-${entry.role}`, role: entry.role });
      }
      expect(new Set(entries.map((e) => e.token)).size).toBe(ROLES.length);
      expect(logger.calls).toHaveLength(1);
      const logged = logger.calls[0] as { msg: string; tokens: unknown[] };
      expect(logged.msg).toContain('Set CASETRAIL_AUTH_FILE');
      expect(logged.msg).toContain(file);
      expect(logged.tokens).toHaveLength(ROLES.length);
    });

    it('reuses the tokens on the next start', async () => {
      await TokenRegistry.load({ authFile: null, dataDir: dir }, recorder() as never);
      const first = await readFile(join(dir, DEV_TOKENS_FILE), 'utf8');
      const registry = await TokenRegistry.load({ authFile: null, dataDir: dir }, recorder() as never);
      expect(await readFile(join(dir, DEV_TOKENS_FILE), 'utf8')).toBe(first);
      const [agent] = JSON.parse(first) as TokenEntry[];
      expect(registry.lookup(agent!.token)).toEqual({ id: 'dev-agent', role: 'agent' });
    });

    it('adds a token for a role the file lacks, keeping the others', async () => {
      const kept = { token: 'kept-agent-token-0123456789', actorId: 'dev-agent', role: 'agent' };
      await writeFile(join(dir, DEV_TOKENS_FILE), JSON.stringify([kept]));
      const registry = await TokenRegistry.load({ authFile: null, dataDir: dir }, recorder() as never);
      const entries = JSON.parse(await readFile(join(dir, DEV_TOKENS_FILE), 'utf8')) as TokenEntry[];
      expect(entries[0]).toEqual(kept);
      expect(entries).toHaveLength(ROLES.length);
      expect(registry.size).toBe(ROLES.length);
    });
  });

  describe('from CASETRAIL_AUTH_FILE', () => {
    const load = async (content: string) => {
      const authFile = join(dir, 'auth.json');
      await writeFile(authFile, content);
      return TokenRegistry.load({ authFile, dataDir: dir }, silent as never);
    };

    it('maps each token to its actor and knows no other token', async () => {
      const registry = await load(JSON.stringify([{ token: 'a-long-enough-token-1', actorId: 'u-17', role: 'dispatcher' }]));
      expect(registry.lookup('a-long-enough-token-1')).toEqual({ id: 'u-17', role: 'dispatcher' });
      expect(registry.lookup('a-long-enough-token-2')).toBeUndefined();
    });

    it('does not write development tokens', async () => {
      await load(JSON.stringify([{ token: 'a-long-enough-token-1', actorId: 'u-17', role: 'agent' }]));
      await expect(stat(join(dir, DEV_TOKENS_FILE))).rejects.toThrow('ENOENT');
    });

    it('reports every problem of the file at once, naming entries but never their tokens', async () => {
      const error = await load(
        JSON.stringify([
          { token: 'duplicated-token-0001', actorId: 'a', role: 'agent' },
          { token: 'duplicated-token-0001', actorId: 'b', role: 'boss' },
          { token: 'short', actorId: '', role: 'agent' },
          'not an entry',
        ]),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthFileError);
      expect((error as AuthFileError).problems).toEqual([
        'entry 1: token is the same as in entry 0',
        'entry 1: role must be one of agent, dispatcher, technician, supervisor, admin, auditor, analyst, got "boss"',
        'entry 2: token must be a string of at least 16 characters from A-Z a-z 0-9 - . _ ~ + /',
        'entry 2: actorId must be a non-empty string',
        'entry 3: must be an object { token, actorId, role }',
      ]);
      expect((error as Error).message).not.toContain('duplicated-token-0001');
    });

    it.each([
      ['not JSON', '{oops', /not valid JSON/],
      ['not an array', '{"token":"x"}', /JSON array/],
      ['an empty list', '[]', /lists no tokens/],
    ])('refuses a file that is %s', async (_label, content, message) => {
      await expect(load(content)).rejects.toThrow(message);
    });

    it('refuses a missing file', async () => {
      await expect(TokenRegistry.load({ authFile: join(dir, 'absent.json'), dataDir: dir }, silent as never)).rejects.toThrow(
        /Cannot read CASETRAIL_AUTH_FILE .*absent\.json: ENOENT/,
      );
    });

    it('stops the application from starting, with the clear error', async () => {
      const authFile = join(dir, 'auth.json');
      await mkdir(dir, { recursive: true });
      await writeFile(authFile, JSON.stringify([{ token: 'a-long-enough-token-1', actorId: 'x', role: 'root' }]));
      const config = { port: 0, host: '127.0.0.1', dataDir: dir, authFile, logLevel: 'error' as const };
      await expect(
        createHttpApp({ imports: [PlatformModule.forRoot(config)], controllers: [DummyController] }, config, { logger: false }),
      ).rejects.toThrow(/entry 0: role must be one of .*got "root"/);
    });
  });
});

describe('an embedded app started without an auth file', () => {
  it('logs the development tokens once at start-up and accepts them', async () => {
    const t = await startTestApp({ authFile: null });
    try {
      const entries = JSON.parse(await readFile(join(t.dataDir, DEV_TOKENS_FILE), 'utf8')) as TokenEntry[];
      const startup = t.logs.filter((line) => line.context === 'Auth');
      expect(startup).toHaveLength(1);
      expect(startup[0]).toMatchObject({ level: 'warn', tokens: entries.map(({ role, actorId, token }) => ({ role, actorId, token })) });
      const supervisor = entries.find((e) => e.role === 'supervisor')!;
      const response = await fetch(`${t.url}/test/any`, { headers: { authorization: `Bearer ${supervisor.token}` } });
      expect(await response.json()).toEqual({ actor: { id: 'dev-supervisor', role: 'supervisor' } });
    } finally {
      await t.close();
    }
  });
});
