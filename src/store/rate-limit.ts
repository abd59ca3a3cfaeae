import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RATE_LIMIT_TABLE } from './sqlite.ts';
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
 * (an atomic INCR + PEXPIRE script on one key, so one Cluster slot); if Redis fails, each
 * instance falls back to an in-process counter of the same size, so the gateway keeps
 * serving. With SQLite the counters are rows of the store's file (kept across restarts,
 * shared by processes on that file, swept with the store's expired entries).
 */
export function rateLimiter(store: Store, rule: RateLimitRule): RateLimiter {
  let byRule = limiters.get(store);
  if (!byRule) limiters.set(store, (byRule = new Map()));
  const known = byRule.get(rule.name);
  if (known) return known;

  // Under the store's key prefix, so deployments sharing one Redis never share counters.
  const keyPrefix = `${store.prefix}:rate-limit:${rule.name}`;
  const options = { points: rule.points, duration: rule.durationSeconds, keyPrefix };
  const limiter: RateLimiterAbstract = store.redis
    ? new RateLimiterRedis({ ...options, storeClient: store.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) })
    : store.sqlite
      ? new RateLimiterSQLite({ ...options, storeClient: store.sqlite, storeType: 'better-sqlite3', tableName: RATE_LIMIT_TABLE, tableCreated: true })
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
