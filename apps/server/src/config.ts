import { availableParallelism } from 'node:os';

/** What `main.ts` reads from the environment. Everything else has a default in createServer. */
export interface MainConfig {
  /** PORT, default 4000. */
  port: number;
  /** DATABASE_URL; unset: an embedded PostgreSQL under the data folder. */
  databaseUrl: string | undefined;
  /** LIANGXIN_DATA_DIR; unset: <project>/.data (resolved by @liangxin/db). */
  dataDir: string | undefined;
  /** LIANGXIN_DEMO_DATA = on | off, default on: load the demo data set into an empty database. */
  demoData: boolean;
  /** LIANGXIN_DEMO_SCALE, default 1 (60,000 organizations). */
  demoScale: number;
  /** LIANGXIN_DEMO_SEED, default 1. */
  demoSeed: number;
  /** LOG_LEVEL, default info. */
  logLevel: string;
  /**
   * LIANGXIN_WORKERS: server processes sharing the port (node:cluster), 1 to 32; default the
   * machine's available parallelism, at most 4. One Node process runs JavaScript on one core.
   */
  workers: number;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the configuration; a wrong value fails here, with the variable's name. */
export function readConfig(env: NodeJS.ProcessEnv): MainConfig {
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    dataDir: nonEmpty(env.LIANGXIN_DATA_DIR),
    demoData: onOff(env, 'LIANGXIN_DEMO_DATA', true),
    demoScale: positiveNumber(env, 'LIANGXIN_DEMO_SCALE', 1),
    demoSeed: integer(env, 'LIANGXIN_DEMO_SEED', 1, -2147483648, 2147483647),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', LOG_LEVELS),
    workers: integer(env, 'LIANGXIN_WORKERS', Math.min(4, availableParallelism()), 1, 32),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a number above 0, not "${raw}"`);
  return value;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = nonEmpty(env[name])?.toLowerCase();
  if (raw === undefined) return fallback;
  if (raw === 'on') return true;
  if (raw === 'off') return false;
  throw new ConfigError(`${name} must be "on" or "off", not "${env[name]}"`);
}

function oneOf(env: NodeJS.ProcessEnv, name: string, fallback: string, allowed: string[]): string {
  const raw = nonEmpty(env[name])?.toLowerCase();
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, not "${env[name]}"`);
  return raw;
}
