import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { IdempotencyError, runIdempotent, type IdempotentCall } from '../../src/store/idempotency.ts';
import { createRateLimiters } from '../../src/store/rate-limit.ts';
import { createStore, type Store } from '../../src/store/index.ts';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const failure = (message: string) => ({ code: 'TEST', message, details: {} });

function call(overrides: Partial<IdempotentCall<string>> = {}): IdempotentCall<string> {
  return {
    app: 'miniprogram',
    operation: 'send',
    key: 'k1',
    args: { to: 'a' },
    leaseMs: 1_000,
    waitMs: 200,
    ttlMs: 60_000,
    run: async () => 'sent',
    settle: (error) => ({ state: 'failed', failure: failure(String(error)) }),
    replay: ({ state, failure }) => new Error(`${state}: ${failure.message}`),
    abandoned: () => failure('abandoned'),
    ...overrides,
  };
}

describe('runIdempotent', () => {
  it('runs once and replays the value', async () => {
    store = await createStore();
    let runs = 0;
    const c = call({ run: async () => `sent ${++runs}` });
    expect(await runIdempotent(store, c)).toEqual({ value: 'sent 1', replayed: false });
    expect(await runIdempotent(store, c)).toEqual({ value: 'sent 1', replayed: true });
    expect(runs).toBe(1);
    await expect(runIdempotent(store, { ...c, args: { to: 'b' } })).rejects.toMatchObject({ problem: 'mismatch' });
    // Another operation or app with the same key is another record.
    expect(await runIdempotent(store, { ...c, operation: 'other' })).toEqual({ value: 'sent 2', replayed: false });
  });

  it('stores failures and unknown outcomes, forgets released ones', async () => {
    store = await createStore();
    const failing = call({ key: 'f', run: async () => Promise.reject(new Error('43101')), settle: () => ({ state: 'unknown', failure: failure('lost') }) });
    await expect(runIdempotent(store, failing)).rejects.toThrow('43101');
    await expect(runIdempotent(store, { ...failing, run: async () => 'never' })).rejects.toThrow('unknown: lost');

    let runs = 0;
    const released = call({ key: 'r', run: async () => (++runs === 1 ? Promise.reject(new Error('token')) : 'sent'), settle: () => ({ state: 'release' }) });
    await expect(runIdempotent(store, released)).rejects.toThrow('token');
    expect(await runIdempotent(store, released)).toEqual({ value: 'sent', replayed: false });
  });

  it('gives a duplicate that outwaits the first request a clear in-progress error', async () => {
    store = await createStore();
    let finish: (value: string) => void = () => {};
    const slow = call({ key: 's', run: () => new Promise((resolve) => (finish = resolve)) });
    const first = runIdempotent(store, slow);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(runIdempotent(store, { ...slow, waitMs: 50 })).rejects.toEqual(new IdempotencyError('in_progress', 'send'));
    finish('sent');
    expect(await first).toEqual({ value: 'sent', replayed: false });
  });

  it('reports a request that died holding its key as unknown and never runs it again', async () => {
    store = await createStore();
    const c = call({ key: 'dead', leaseMs: 30 });
    // What a crashed instance leaves: a pending record and a lease that runs out.
    const digest = (text: string) => createHash('sha256').update(text).digest('base64url');
    await store.namespace('idempotency').set(`miniprogram:send:${digest('dead')}`, { state: 'pending', hash: digest(JSON.stringify(c.args)), startedAt: Date.now() });
    let runs = 0;
    await expect(runIdempotent(store, { ...c, run: async () => `sent ${++runs}` })).rejects.toThrow('unknown: abandoned');
    await expect(runIdempotent(store, { ...c, run: async () => `sent ${++runs}` })).rejects.toThrow('unknown: abandoned');
    expect(runs).toBe(0);
  });

  it('refuses to send when the store cannot record the key', async () => {
    store = await createStore();
    const broken: Store = { ...store, namespace: () => ({ get: () => Promise.reject(new Error('redis down')) }) as never };
    let runs = 0;
    await expect(runIdempotent(broken, call({ run: async () => `sent ${++runs}` }))).rejects.toMatchObject({ problem: 'store_unavailable' });
    expect(runs).toBe(0);
  });
});

describe('rateLimiter (memory)', () => {
  it('allows the budget, then refuses with the time left; block refuses at once', async () => {
    store = await createStore();
    // The clock stands at the start of a window, as the first call of a fresh window would.
    const limiters = createRateLimiters(store, { now: () => 28_333_334 * 60_000 });
    const limiter = limiters.get({ name: 'test', points: 3, durationSeconds: 60 });
    expect(limiters.get({ name: 'test', points: 3, durationSeconds: 60 })).toBe(limiter);
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await limiter.consume('app1'));
    expect(verdicts.slice(0, 3).map((v) => v.allowed)).toEqual([true, true, true]);
    expect(verdicts[3]).toMatchObject({ allowed: false });
    expect((verdicts[3] as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(59_000);
    expect(await limiter.consume('app2')).toMatchObject({ allowed: true });
    await limiter.block('app2', 120);
    expect(await limiter.consume('app2')).toMatchObject({ allowed: false });
  });
});
