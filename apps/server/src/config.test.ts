import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

describe('readConfig', () => {
  it('has defaults for everything', () => {
    expect(readConfig({})).toEqual({
      port: 4000,
      databaseUrl: undefined,
      dataDir: undefined,
      demoData: true,
      demoScale: 1,
      demoSeed: 1,
      logLevel: 'info',
      workers: Math.min(4, availableParallelism()),
      executor: 'compiled',
      semiSpaceMiB: 64,
      logStatements: false,
    });
  });

  it('reads every variable', () => {
    expect(
      readConfig({
        PORT: '4100',
        DATABASE_URL: 'postgres://u@h/db',
        LIANGXIN_DATA_DIR: '/tmp/lx',
        LIANGXIN_DEMO_DATA: 'OFF',
        LIANGXIN_DEMO_SCALE: '0.25',
        LIANGXIN_DEMO_SEED: '7',
        LOG_LEVEL: 'debug',
        LIANGXIN_WORKERS: '3',
        LIANGXIN_EXECUTOR: 'graphql-js',
        LIANGXIN_SEMI_SPACE_MB: '0',
        LIANGXIN_LOG_STATEMENTS: 'on',
      }),
    ).toEqual({
      port: 4100,
      databaseUrl: 'postgres://u@h/db',
      dataDir: '/tmp/lx',
      demoData: false,
      demoScale: 0.25,
      demoSeed: 7,
      logLevel: 'debug',
      workers: 3,
      executor: 'graphql-js',
      semiSpaceMiB: 0,
      logStatements: true,
    });
  });

  it.each([
    [{ PORT: 'http' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT/],
    [{ LIANGXIN_DEMO_DATA: 'yes' }, /LIANGXIN_DEMO_DATA must be "on" or "off"/],
    [{ LIANGXIN_DEMO_SCALE: '0' }, /LIANGXIN_DEMO_SCALE must be a number above 0/],
    [{ LIANGXIN_DEMO_SEED: '1.5' }, /LIANGXIN_DEMO_SEED/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ LIANGXIN_WORKERS: '0' }, /LIANGXIN_WORKERS must be an integer from 1 to 32/],
    [{ LIANGXIN_EXECUTOR: 'jit' }, /LIANGXIN_EXECUTOR must be one of compiled, graphql-js/],
    [{ LIANGXIN_SEMI_SPACE_MB: '1024' }, /LIANGXIN_SEMI_SPACE_MB must be an integer from 0 to 512/],
  ])('refuses %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });
});

describe('readSecurityConfig', () => {
  it('has the documented defaults and reads every variable', async () => {
    const { readSecurityConfig } = await import('./config.js');
    expect(readSecurityConfig({})).toEqual({
      queryLimits: { maxDepth: 20, maxAliases: 30, maxDirectives: 20, maxTokens: 5000, maxCost: 20_000_000, maxStringLength: 10_000 },
      statementTimeoutMs: 15_000,
      sessionSecret: undefined,
      sessionTtlSeconds: 1800,
      rateLimits: { perPrincipalPerMinute: 1200, signInPerMinute: 30 },
    });
    const secret = 's'.repeat(40);
    expect(
      readSecurityConfig({
        LIANGXIN_MAX_DEPTH: '12',
        LIANGXIN_MAX_ALIASES: '5',
        LIANGXIN_MAX_DIRECTIVES: '0',
        LIANGXIN_MAX_TOKENS: '900',
        LIANGXIN_MAX_COST: '5000',
        LIANGXIN_MAX_STRING_LENGTH: '300',
        LIANGXIN_STATEMENT_TIMEOUT_MS: '5000',
        LIANGXIN_SESSION_SECRET: secret,
        LIANGXIN_SESSION_TTL_SECONDS: '600',
        LIANGXIN_RATE_LIMIT_PER_MINUTE: '0',
        LIANGXIN_SIGN_IN_RATE_LIMIT_PER_MINUTE: '5',
      }),
    ).toEqual({
      queryLimits: { maxDepth: 12, maxAliases: 5, maxDirectives: 0, maxTokens: 900, maxCost: 5000, maxStringLength: 300 },
      statementTimeoutMs: 5000,
      sessionSecret: secret,
      sessionTtlSeconds: 600,
      rateLimits: { perPrincipalPerMinute: 0, signInPerMinute: 5 },
    });
    expect(() => readSecurityConfig({ LIANGXIN_SESSION_SECRET: 'short' })).toThrow(/at least 32 characters/);
    expect(() => readSecurityConfig({ LIANGXIN_MAX_DEPTH: 'deep' })).toThrow(/LIANGXIN_MAX_DEPTH must be an integer/);
  });
});
