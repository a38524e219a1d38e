import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({ port: 3000, host: '0.0.0.0', dataDir: resolve('data'), authFile: null, logLevel: 'info' });
  });

  it('reads each variable, resolving paths to absolute ones', () => {
    expect(
      loadConfig({ PORT: '8080', HOST: '127.0.0.1', CASETRAIL_DATA_DIR: 'var/ct', CASETRAIL_AUTH_FILE: 'auth.json', LOG_LEVEL: 'DEBUG' }),
    ).toEqual({ port: 8080, host: '127.0.0.1', dataDir: resolve('var/ct'), authFile: resolve('auth.json'), logLevel: 'debug' });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', CASETRAIL_AUTH_FILE: ' ', LOG_LEVEL: '' })).toMatchObject({ port: 3000, authFile: null, logLevel: 'info' });
  });

  it('reports every bad value at once', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: '80a', LOG_LEVEL: 'loud' });
      } catch (e) {
        return e as ConfigError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.problems).toEqual([
      'PORT must be an integer from 0 to 65535, got "80a"',
      'LOG_LEVEL must be one of error, warn, info, debug, got "loud"',
    ]);
  });

  it.each(['65536', '-1', '3.5'])('refuses PORT=%s', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT must be an integer/);
  });
});
