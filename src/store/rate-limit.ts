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
  /** Refuses `key` for `seconds` (e.g. WeChat said 45011: stop calling for a while, on every instance). */
  block(key: string, seconds: number): Promise<void>;
}

export interface RateLimiterOptions {
  /** The clock that numbers the windows (default `Date.now`); tests hold it still. */
  now?: () => number;
}

/**
 * A limiter for `rule`: fixed windows of `durationSeconds` on the clock, each counted by
 * rate-limiter-flexible under the window's number. With Redis every instance draws from the same
 * counter (an atomic INCR + PEXPIRE script); if Redis fails, each instance falls back to an
 * in-process counter of the same size, so the gateway keeps serving. Build each rule once
 * (`createRateLimiters`): two limiters of one rule share nothing in memory.
 */
export function rateLimiter(store: Store, rule: RateLimitRule, options: RateLimiterOptions = {}): RateLimiter {
  const now = options.now ?? Date.now;
  const windowMs = rule.durationSeconds * 1000;
  // Under the store's key prefix, so deployments sharing one Redis never share counters.
  const keyPrefix = `${store.prefix}:rate-limit:${rule.name}`;
  const limiter = (points: number, duration: number, prefix: string): RateLimiterAbstract => {
    const settings = { points, duration, keyPrefix: prefix };
    // Redis: an atomic INCR + PEXPIRE on one key (one Cluster slot). SQLite: rows of the store's
    // file, kept across restarts and shared by processes on that file.
    return store.redis
      ? new RateLimiterRedis({ ...settings, storeClient: store.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(settings) })
      : store.sqlite
        ? new RateLimiterSQLite({ ...settings, storeClient: store.sqlite, storeType: 'better-sqlite3', tableName: RATE_LIMIT_TABLE, tableCreated: true })
        : new RateLimiterMemory(settings);
  };
  // A window's counter outlives the window in the store, so a clock running behind the store's still finds it.
  const counter = limiter(rule.points, rule.durationSeconds * 3, keyPrefix);
  const blocks = limiter(1, 1, `${keyPrefix}:blocked`);

  return {
    rule,
    async consume(key) {
      const blocked = await blocks.get(key).catch(() => null);
      if (blocked && blocked.consumedPoints > 1) return { allowed: false, retryAfterMs: Math.max(1, blocked.msBeforeNext) };
      const at = now();
      const window = Math.floor(at / windowMs);
      try {
        const result = await counter.consume(`${key}:${window}`, 1);
        return { allowed: true, remaining: result.remainingPoints };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(1, (window + 1) * windowMs - at) };
        throw rejection;
      }
    },
    async block(key, seconds) {
      await blocks.block(key, seconds);
    },
  };
}

/** The limiters of one gateway, one per rule name, built on first use. */
export function createRateLimiters(store: Store, options: RateLimiterOptions = {}) {
  const byRule = new Map<string, RateLimiter>();
  return {
    get(rule: RateLimitRule): RateLimiter {
      let known = byRule.get(rule.name);
      if (!known) byRule.set(rule.name, (known = rateLimiter(store, rule, options)));
      return known;
    },
  };
}

export type RateLimiters = ReturnType<typeof createRateLimiters>;
