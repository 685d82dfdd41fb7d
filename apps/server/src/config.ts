import { DEFAULT_RATE_LIMITS, type RateLimits } from './limits/rate-limit.js';
import { availableParallelism } from 'node:os';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './limits/query-limits.js';

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
  /**
   * LIANGXIN_EXECUTOR: `compiled` (default: graphql-jit, src/execution/compiled-executor.ts) or
   * `graphql-js` (the reference interpreter, to compare answers or speed).
   */
  executor: 'compiled' | 'graphql-js';
  /**
   * LIANGXIN_SEMI_SPACE_MB: each worker's V8 young-generation semi-space, 0 (V8's default, 16 MB
   * on 64-bit) to 512; default 64. A nested query keeps thousands of short-lived objects alive
   * until its response is written, and with V8's default they outlive two scavenges and are
   * copied into the old generation, to be marked and compacted there: measured on Q1 (one worker,
   * 20 connections), 19.6 requests/s with the default, 28.5 with 64 MB. Costs up to three times
   * the size in RSS per worker. Applied to cluster workers (LIANGXIN_WORKERS > 1); with one
   * worker, start node with `--max-semi-space-size` yourself.
   */
  semiSpaceMiB: number;
  /**
   * LIANGXIN_LOG_STATEMENTS = on | off, default off: each request's log line also counts its SQL
   * statements (ServerConfig.logStatements says what that costs).
   */
  logStatements: boolean;
}

/** What `main.ts` hands to createServer besides the database (docs/security.md). */
export interface SecurityConfig {
  /** LIANGXIN_MAX_DEPTH, _ALIASES, _DIRECTIVES, _TOKENS, _COST, _STRING_LENGTH. */
  queryLimits: QueryLimits;
  /** LIANGXIN_STATEMENT_TIMEOUT_MS, default 15000. */
  statementTimeoutMs: number;
  /** LIANGXIN_SESSION_SECRET (≥ 32 characters); unset: a key made once and kept in the database. */
  sessionSecret: string | undefined;
  /** LIANGXIN_SESSION_TTL_SECONDS, default 1800. */
  sessionTtlSeconds: number;
  /** LIANGXIN_RATE_LIMIT_PER_MINUTE (default 1200 per principal), LIANGXIN_SIGN_IN_RATE_LIMIT_PER_MINUTE (default 30 per address); 0: off. */
  rateLimits: RateLimits;
}

/** Reads and checks the security settings; kept apart from readConfig so its shape stays as it was. */
export function readSecurityConfig(env: NodeJS.ProcessEnv): SecurityConfig {
  const d = DEFAULT_QUERY_LIMITS;
  const secret = nonEmpty(env.LIANGXIN_SESSION_SECRET);
  if (secret !== undefined && secret.length < 32) throw new ConfigError('LIANGXIN_SESSION_SECRET must have at least 32 characters');
  return {
    queryLimits: {
      maxDepth: integer(env, 'LIANGXIN_MAX_DEPTH', d.maxDepth, 1, 1000),
      maxAliases: integer(env, 'LIANGXIN_MAX_ALIASES', d.maxAliases, 0, 100_000),
      maxDirectives: integer(env, 'LIANGXIN_MAX_DIRECTIVES', d.maxDirectives, 0, 100_000),
      maxTokens: integer(env, 'LIANGXIN_MAX_TOKENS', d.maxTokens, 10, 10_000_000),
      maxCost: integer(env, 'LIANGXIN_MAX_COST', d.maxCost, 1, 1_000_000_000_000),
      maxStringLength: integer(env, 'LIANGXIN_MAX_STRING_LENGTH', d.maxStringLength, 1, 100_000_000),
    },
    statementTimeoutMs: integer(env, 'LIANGXIN_STATEMENT_TIMEOUT_MS', 15_000, // = DEFAULT_STATEMENT_TIMEOUT_MS of db/data-source.ts
      0, 86_400_000),
    sessionSecret: secret,
    sessionTtlSeconds: integer(env, 'LIANGXIN_SESSION_TTL_SECONDS', 1800, 60, 86_400),
    rateLimits: {
      perPrincipalPerMinute: integer(env, 'LIANGXIN_RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMITS.perPrincipalPerMinute, 0, 10_000_000),
      signInPerMinute: integer(env, 'LIANGXIN_SIGN_IN_RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMITS.signInPerMinute, 0, 10_000_000),
    },
  };
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
    executor: oneOf(env, 'LIANGXIN_EXECUTOR', 'compiled', ['compiled', 'graphql-js']) as 'compiled' | 'graphql-js',
    semiSpaceMiB: integer(env, 'LIANGXIN_SEMI_SPACE_MB', 64, 0, 512),
    logStatements: onOff(env, 'LIANGXIN_LOG_STATEMENTS', false),
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
