import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Store } from './store.ts';

/** A budget of `points` calls per `durationSeconds` window, per key (for example per appid). */
export interface RateLimitRule {
  /** Names the counter in the store, e.g. `wxa/msg_sec_check`. */
  name: string;
  points: number;
  durationSeconds: number;
}

export type RateLimitVerdict = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  readonly rule: RateLimitRule;
  /** Takes one point for `key`; refused when the window's budget is spent. */
  consume(key: string): Promise<RateLimitVerdict>;
  /** Refuses `key` for `seconds` (WeChat said 45011: stop calling for a while, on every instance). */
  block(key: string, seconds: number): Promise<void>;
}

const limiters = new WeakMap<Store, Map<string, RateLimiter>>();

/**
 * One limiter per store and rule. With Redis every instance draws from the same counter
 * (an atomic INCR + PEXPIRE script); if Redis fails, each instance falls back to an
 * in-process counter of the same size, so the gateway keeps serving.
 */
export function rateLimiter(store: Store, rule: RateLimitRule): RateLimiter {
  let byRule = limiters.get(store);
  if (!byRule) limiters.set(store, (byRule = new Map()));
  const known = byRule.get(rule.name);
  if (known) return known;

  // The store's own key prefix (e.g. `wgql:rate-limit`), so deployments sharing one Redis never share counters.
  const keyPrefix = `${store.namespace('rate-limit').namespace ?? 'rate-limit'}:${rule.name}`;
  const options = { points: rule.points, duration: rule.durationSeconds, keyPrefix };
  const limiter: RateLimiterAbstract = store.redis
    ? new RateLimiterRedis({
        ...options,
        storeClient: store.redis,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(options),
      })
    : new RateLimiterMemory(options);

  const created: RateLimiter = {
    rule,
    async consume(key) {
      try {
        const result = await limiter.consume(key, 1);
        return { allowed: true, remaining: result.remainingPoints };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(1, rejection.msBeforeNext) };
        throw rejection;
      }
    },
    async block(key, seconds) {
      await limiter.block(key, seconds);
    },
  };
  byRule.set(rule.name, created);
  return created;
}
