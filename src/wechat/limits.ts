import type { RateLimiter, RateLimiters } from '../store/rate-limit.ts';
import { quotaBackoffSeconds, UpstreamLimitError } from './errors.ts';

/**
 * WeChat's per-app call limits, kept across every instance (Redis) so WeChat never has to
 * answer 45011: msgSecCheck 4000/min, imgSecCheck and mediaCheckAsync 2000/min each
 * (content-security docs, "频率限制").
 */
export const UPSTREAM_LIMITS: Record<string, { points: number; durationSeconds: number }> = {
  'wxa/msg_sec_check': { points: 4000, durationSeconds: 60 },
  'wxa/img_sec_check': { points: 2000, durationSeconds: 60 },
  'wxa/media_check_async': { points: 2000, durationSeconds: 60 },
};

/**
 * Every call to a limited endpoint, whoever makes it, takes one point of the app's budget first
 * (refused with `UpstreamLimitError` without calling WeChat once it is spent), and WeChat's own
 * 45009/45011 stop every instance for the time it asks.
 */
export function createUpstreamLimits(limiters: RateLimiters) {
  const byEndpoint = new Map<string, RateLimiter>(
    Object.entries(UPSTREAM_LIMITS).map(([endpoint, limit]) => [endpoint, limiters.get({ name: endpoint, ...limit })]),
  );
  return {
    async within<T>(endpoint: string, appid: string, call: () => Promise<T>): Promise<T> {
      const limiter = byEndpoint.get(endpoint);
      if (!limiter) return call();
      const verdict = await limiter.consume(appid);
      if (!verdict.allowed)
        throw new UpstreamLimitError(endpoint, limiter.rule.points, limiter.rule.durationSeconds, Math.ceil(verdict.retryAfterMs / 1000));
      try {
        return await call();
      } catch (error) {
        const seconds = quotaBackoffSeconds(error);
        if (seconds) await limiter.block(appid, seconds).catch(() => {});
        throw error;
      }
    },
  };
}

export type UpstreamLimits = ReturnType<typeof createUpstreamLimits>;
