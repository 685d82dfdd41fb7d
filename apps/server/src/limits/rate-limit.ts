import cluster from 'node:cluster';
import type { ServerResponse } from 'node:http';
import { RateLimiterCluster, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Principal } from '../auth/principal.js';
import { sendJson } from '../http/send-json.js';

/** Requests per minute (LIANGXIN_RATE_LIMIT_PER_MINUTE, LIANGXIN_SIGN_IN_RATE_LIMIT_PER_MINUTE); 0 turns a limit off. */
export interface RateLimits {
  /** Per signed-in principal (an account's sessions together, or one integration token). */
  perPrincipalPerMinute: number;
  /** Anonymous requests (sign-in attempts) per client address: a brake on password guessing. */
  signInPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perPrincipalPerMinute: 1200, signInPerMinute: 30 };

export interface RateLimit {
  /**
   * Counts the request against its principal (or, anonymous, its client `address`: the socket's
   * peer, as no proxy is trusted). Over the limit: answers 429 with Retry-After and returns
   * false; the caller stops there.
   */
  admit(res: ServerResponse, principal: Principal | null, address: string | undefined): Promise<boolean>;
}

/**
 * Rate limits with rate-limiter-flexible. Under node:cluster the counts live in the primary
 * (RateLimiterClusterMaster, made by main.ts) so that every worker shares them; in a single
 * process, in memory. Either way the counts are per server, not per database: several servers
 * behind a balancer each count their own.
 */
export function createRateLimit(limits: Partial<RateLimits> = {}): RateLimit {
  const { perPrincipalPerMinute, signInPerMinute } = { ...DEFAULT_RATE_LIMITS, ...limits };
  const make = (keyPrefix: string, points: number): RateLimiterAbstract | null => {
    if (points <= 0) return null;
    const options = { keyPrefix, points, duration: 60 };
    return cluster.isWorker ? new RateLimiterCluster({ ...options, timeoutMs: 3000 }) : new RateLimiterMemory(options);
  };
  const principals = make('liangxin-principal', perPrincipalPerMinute);
  const anonymous = make('liangxin-sign-in', signInPerMinute);
  return {
    async admit(res, principal, address) {
      const limiter = principal ? principals : anonymous;
      if (!limiter) return true;
      const key = principal ? principal.actor : (address ?? 'unknown');
      try {
        await limiter.consume(key);
        return true;
      } catch (rejection) {
        // A rejection that is not a RateLimiterRes is the limiter failing (IPC timeout): let the
        // request through rather than lock everyone out.
        if (!(rejection instanceof RateLimiterRes)) return true;
        const retryAfter = String(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
        sendJson(res, 429, { errors: [{ message: 'Too many requests; slow down', extensions: { code: 'RATE_LIMITED' } }] }, { 'retry-after': retryAfter });
        return false;
      }
    },
  };
}
