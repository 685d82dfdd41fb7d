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
  ])('refuses %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });
});
