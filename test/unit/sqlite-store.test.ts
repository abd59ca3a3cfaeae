import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rateLimiter } from '../../src/store/rate-limit.ts';
import { createStore, type Store } from '../../src/store/store.ts';

let dir: string;
let path: string;
const open: Store[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wgql-sqlite-'));
  path = join(dir, 'nested', 'state.sqlite');
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function sqlite(options: { sweepIntervalMs?: number } = {}) {
  const store = await createStore({ kind: 'sqlite', path, prefix: 'wgql', ...options });
  open.push(store);
  return store;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SQLite store', () => {
  it('keeps entries across a reopen of the same file, and only live ones', async () => {
    const first = await sqlite();
    expect(first.kind).toBe('sqlite');
    await first.namespace('session').set('a', { openid: 'o1' });
    await first.namespace('session').set('short', { openid: 'o2' }, 30);
    await first.namespace('other').set('a', 'not a session');
    await first.close();

    const second = await sqlite();
    const sessions = second.namespace<{ openid: string }>('session');
    expect(await sessions.get('a')).toEqual({ openid: 'o1' });
    await sleep(60);
    expect(await sessions.get('short')).toBeUndefined();
    expect(await sessions.getMany(['a', 'nope'])).toEqual([{ openid: 'o1' }, undefined]);
    await sessions.clear();
    expect(await sessions.get('a')).toBeUndefined();
    expect(await second.namespace('other').get('a')).toBe('not a session');
    expect(await second.health()).toEqual({ ok: true, detail: 'sqlite' });
  });

  it('sweeps expired entries, leases and rate-limit windows, and gives the pages back', async () => {
    const store = await sqlite({ sweepIntervalMs: 100 });
    const media = store.namespace<string>('media');
    const blob = 'x'.repeat(20_000);
    const rows = () => store.sqlite!.prepare('SELECT (SELECT count(*) FROM kv) + (SELECT count(*) FROM locks) + (SELECT count(*) FROM rate_limits) AS n').get() as { n: number };
    const pages = () => (store.sqlite!.pragma('page_count', { simple: true }) as number) - (store.sqlite!.pragma('freelist_count', { simple: true }) as number);

    const baseline = pages();
    const limiter = rateLimiter(store, { name: 'sweep', points: 5, durationSeconds: 1 });
    for (let round = 0; round < 3; round++) {
      await Promise.all(Array.from({ length: 200 }, (_, i) => media.set(`r${round}-${i}`, blob, 150)));
      await store.tryLock(`claim:${round}`, 150);
      await limiter.consume(`caller-${round}`);
      expect(rows().n).toBeGreaterThanOrEqual(202);
      // Expired (the rate-limit window after 1 s), then swept by the timer.
      for (const giveUp = Date.now() + 10_000; rows().n > 0 && Date.now() < giveUp; ) await sleep(50);
      expect(rows().n).toBe(0);
    }
    // 600 entries of 20 kB went through; what is left is the empty tables.
    expect(pages()).toBeLessThanOrEqual(baseline + 8);
    expect(statSync(path).size).toBeLessThan(1_000_000);
  });

  it('counts rate-limit windows in the file', async () => {
    const store = await sqlite();
    const limiter = rateLimiter(store, { name: 'caller', points: 2, durationSeconds: 60 });
    expect((await limiter.consume('k')).allowed).toBe(true);
    expect((await limiter.consume('k')).allowed).toBe(true);
    expect(await limiter.consume('k')).toMatchObject({ allowed: false });
    await store.close();
    // A restart does not hand out a fresh budget.
    const again = await sqlite();
    expect(await rateLimiter(again, { name: 'caller', points: 2, durationSeconds: 60 }).consume('k')).toMatchObject({ allowed: false });
  });

  it('excludes lock holders in this process and lets a lease run out', async () => {
    const store = await sqlite();
    const release = await store.tryLock('idempotency:x', 100);
    expect(release).toBeTruthy();
    expect(await store.tryLock('idempotency:x', 100)).toBeNull();
    await sleep(150);
    const next = await store.tryLock('idempotency:x', 5_000);
    expect(next).toBeTruthy();
    await release!(); // the expired holder must not free the new one's lock
    expect(await store.tryLock('idempotency:x', 100)).toBeNull();
    await next!();
    expect(await store.tryLock('idempotency:x', 100)).toBeTruthy();
  });

  it('excludes lock holders in another process on the same file', async () => {
    const store = await sqlite();
    const holder = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../helpers/hold-lock.ts', import.meta.url)), path, 'token:wx1'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    try {
      const [said] = (await once(holder.stdout!, 'data')) as [Buffer];
      expect(said.toString().trim()).toBe('locked');
      expect(await store.tryLock('token:wx1', 1_000)).toBeNull();
      expect(await store.tryLock('token:wx2', 1_000)).toBeTruthy();
    } finally {
      holder.stdin!.end();
      await once(holder, 'exit');
    }
    expect(await store.tryLock('token:wx1', 1_000)).toBeTruthy();
  }, 60_000);
});
