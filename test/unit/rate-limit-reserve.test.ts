import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiters, type RateLimitRule } from '../../src/store/rate-limit.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { REDIS_URL, redisAvailable, uniquePrefix } from '../helpers/redis.ts';

// Caller budgets are taken from the store `reserve` points at a time and spent in memory
// (src/server/caller-limits.ts). Two instances share one store: the budget still holds exactly.

const open: Store[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

let redis = false;
beforeAll(async () => {
  redis = await redisAvailable();
});

type Backend = 'sqlite' | 'redis';
/** Two stores on one shared backend, as two gateway instances would open them. */
async function twoInstances(backend: Backend): Promise<[Store, Store]> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'wgql-reserve-'));
    dirs.push(dir);
    const path = join(dir, 'state.sqlite');
    const stores = [await createStore({ kind: 'sqlite', path }), await createStore({ kind: 'sqlite', path })];
    open.push(...stores);
    return stores as [Store, Store];
  }
  const prefix = uniquePrefix();
  const stores = [
    await createStore({ kind: 'redis', redis: { mode: 'standalone', url: REDIS_URL }, prefix }),
    await createStore({ kind: 'redis', redis: { mode: 'standalone', url: REDIS_URL }, prefix }),
  ];
  open.push(...stores);
  return stores as [Store, Store];
}

/** What the shared counter of `name` holds now: the points all instances took from it. */
async function counted(store: Store, name: string): Promise<number> {
  if (store.sqlite) {
    const row = store.sqlite.prepare(`SELECT sum(points) AS n FROM rate_limits WHERE key LIKE ? AND key NOT LIKE '%:blocked:%'`).get(`%${name}%`) as { n: number };
    return row.n;
  }
  const keys = (await store.redis!.keys(`*${store.prefix}*${name}*`)).filter((key) => !key.includes(':blocked'));
  const values = await Promise.all(keys.map((key) => store.redis!.get(key)));
  return values.reduce((sum, value) => sum + Number(value), 0);
}

const WINDOW = 28_333_334 * 60_000;
const rule: RateLimitRule = { name: 'caller-api-key', points: 1000, durationSeconds: 60, reserve: 10 };

describe.each(['sqlite', 'redis'] as const)('a reserving limiter on %s', (backend) => {
  it('holds two instances sharing the store to the budget exactly', async ({ skip }) => {
    if (backend === 'redis' && !redis) skip();
    const [a, b] = await twoInstances(backend);
    const now = () => WINDOW + 1_000;
    const instances = [createRateLimiters(a, { now }).get(rule), createRateLimiters(b, { now }).get(rule)];
    let allowed = 0;
    for (let i = 0; i < 1500; i++) if ((await instances[i % 2]!.consume('key-1')).allowed) allowed += 1;
    expect(allowed).toBe(1000);
    // Another caller's budget is its own.
    expect(await instances[0]!.consume('key-2')).toEqual({ allowed: true });
  });

  it('refills once for concurrent requests, and drops what it holds when the window turns', async ({ skip }) => {
    if (backend === 'redis' && !redis) skip();
    const [a] = await twoInstances(backend);
    let at = WINDOW + 1_000;
    const limiter = createRateLimiters(a, { now: () => at }).get({ ...rule, name: 'caller-session', points: 30 });
    const first = await Promise.all(Array.from({ length: 25 }, () => limiter.consume('user')));
    expect(first.every((verdict) => verdict.allowed)).toBe(true);
    // Three takes of 10 from the store, not 25 writes of 1 (nor 25 concurrent takes of 10).
    expect(await counted(a, 'caller-session')).toBe(30);
    const refused = await Promise.all(Array.from({ length: 10 }, () => limiter.consume('user')));
    expect(refused.filter((verdict) => verdict.allowed)).toHaveLength(5);
    expect(refused.find((verdict) => !verdict.allowed)).toMatchObject({ allowed: false, retryAfterMs: 59_000 });
    at += 60_000;
    expect(await limiter.consume('user')).toEqual({ allowed: true });
  });
});

describe('a reserving limiter in memory', () => {
  it('never hands out more than the budget when the reserve does not divide it', async () => {
    const store = await createStore();
    open.push(store);
    const limiter = createRateLimiters(store, { now: () => WINDOW }).get({ name: 'odd', points: 25, durationSeconds: 60, reserve: 10 });
    const verdicts = await Promise.all(Array.from({ length: 40 }, () => limiter.consume('k')));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(25);
  });
});
