import { setTimeout as sleep } from 'node:timers/promises';

export interface PollOptions {
  /** First wait between attempts; doubles up to `maxIntervalMs` (default: stays the same). */
  intervalMs: number;
  maxIntervalMs?: number;
  /** Stop waiting once this many ms have passed since the first attempt (default: never). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The error thrown when polling stops unanswered (default: the signal's reason, or a timeout error). */
  giveUp?: (why: 'timeout' | 'aborted') => unknown;
}

/**
 * Calls `attempt` until it returns something other than `undefined`, waiting between attempts.
 * The one way the gateway waits on another holder of a lock (tokens, idempotency keys, QR codes).
 */
export async function pollUntil<T>(attempt: () => Promise<T | undefined>, options: PollOptions): Promise<T> {
  const giveUpAt = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
  const maxInterval = options.maxIntervalMs ?? options.intervalMs;
  for (let wait = options.intervalMs; ; wait = Math.min(wait * 2, maxInterval)) {
    const result = await attempt();
    if (result !== undefined) return result;
    if (options.signal?.aborted) throw options.giveUp ? options.giveUp('aborted') : options.signal.reason;
    if (Date.now() >= giveUpAt) throw options.giveUp ? options.giveUp('timeout') : new Error(`gave up waiting after ${options.timeoutMs} ms`);
    await sleep(wait, undefined, { signal: options.signal }).catch(() => {});
  }
}
