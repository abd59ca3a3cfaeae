import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RATE_LIMIT_TABLE } from './sqlite.ts';
import type { Store } from './store.ts';

/** A budget of `points` calls per `durationSeconds` window, per key (for example per appid). */
export interface RateLimitRule {
  /** Names the counter in the store, e.g. `wxa/msg_sec_check`. */
  name: string;
  points: number;
  durationSeconds: number;
  /**
   * Points this instance takes from the shared counter at a time and then spends in memory
   * (default 1: every call is a store round-trip). A caller budget of 6000/min read per request
   * would cost a store write per request; taken 60 at a time it costs one per 60. The budget is
   * never exceeded across instances; each instance may refuse early by the points it holds.
   */
  reserve?: number;
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

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

  /** Takes up to `points` from the shared counter of `key`'s current window: how many it got, or when to retry. */
  async function take(key: string, points: number): Promise<{ granted: number; window: number; retryAfterMs: number }> {
    const blocked = await blocks.get(key).catch(() => null);
    if (blocked && blocked.consumedPoints > 1) return { granted: 0, window: -1, retryAfterMs: Math.max(1, blocked.msBeforeNext) };
    const at = now();
    const window = Math.floor(at / windowMs);
    try {
      await counter.consume(`${key}:${window}`, points);
      return { granted: points, window, retryAfterMs: 0 };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // The counter went past the budget: what was left before this take is still ours.
      const left = Math.max(0, rule.points - (rejection.consumedPoints - points));
      return { granted: left, window, retryAfterMs: Math.max(1, (window + 1) * windowMs - at) };
    }
  }

  const reserve = Math.min(rule.points, Math.max(1, Math.floor(rule.reserve ?? 1)));
  // Points taken from the store and not spent yet, per key, for the current window only.
  const held = new Map<string, { window: number; left: number }>();
  const refills = new Map<string, Promise<unknown>>();
  let heldWindow = -1;

  return {
    rule,
    async consume(key) {
      if (reserve === 1) {
        const taken = await take(key, 1);
        return taken.granted ? { allowed: true } : { allowed: false, retryAfterMs: taken.retryAfterMs };
      }
      for (;;) {
        const window = Math.floor(now() / windowMs);
        if (window !== heldWindow) {
          held.clear();
          heldWindow = window;
        }
        const mine = held.get(key);
        if (mine && mine.window === window && mine.left > 0) {
          mine.left -= 1;
          return { allowed: true };
        }
        // One refill per key at a time; concurrent callers wait for it and look again.
        const pending = refills.get(key);
        if (pending) {
          await pending;
          continue;
        }
        const refill = take(key, reserve);
        refills.set(key, refill);
        try {
          const taken = await refill;
          if (!taken.granted) return { allowed: false, retryAfterMs: taken.retryAfterMs };
          held.set(key, { window: taken.window, left: taken.granted });
        } finally {
          refills.delete(key);
        }
      }
    },
    async block(key, seconds) {
      held.delete(key);
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
