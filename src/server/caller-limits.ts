import type { Config } from '../config/index.ts';
import type { RateLimiter, RateLimiters } from '../store/rate-limit.ts';

/** Per-caller budgets (RATE_LIMIT_*_PER_MINUTE; 0 turns one off), shared by every instance through the store. */
export interface CallerLimits {
  apiKey?: RateLimiter;
  session?: RateLimiter;
  anonymous?: RateLimiter;
}

/**
 * Built once per gateway. Each instance takes 1 % of a budget from the store at a time, so a
 * busy key costs a store write per hundredth of its budget instead of one per request; budgets
 * under 200 a minute are still counted one request at a time.
 */
export function createCallerLimits(limiters: RateLimiters, perMinute: Config['rateLimits']): CallerLimits {
  const rule = (name: string, points: number) =>
    points ? limiters.get({ name, points, durationSeconds: 60, reserve: Math.max(1, Math.floor(points / 100)) }) : undefined;
  return {
    apiKey: rule('caller-api-key', perMinute.apiKey),
    session: rule('caller-session', perMinute.session),
    anonymous: rule('caller-anonymous', perMinute.anonymous),
  };
}
