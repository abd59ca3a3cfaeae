import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import KeyvRedis, { createClient, type RedisClientType } from '@keyv/redis';
import { KeyvCacheableMemory } from '@cacheable/memory';
import { Keyv } from 'keyv';

/**
 * Shared state: a keyv namespace per concern plus short-lived locks.
 * In memory by default; with a Redis URL every instance sees the same state.
 */
export interface Store {
  readonly kind: 'memory' | 'redis';
  /** The Redis client behind a redis store, for the few users that need Redis itself (rate limiters). */
  readonly redis?: RedisClientType;
  namespace<T = unknown>(name: string): Keyv<T>;
  /** Lookups per namespace since start (hits and misses), for /metrics. */
  lookups(): { namespace: string; hits: number; misses: number }[];
  /** SET NX PX lock; returns a release function, or null when someone else holds it. */
  tryLock(key: string, leaseMs: number): Promise<(() => Promise<void>) | null>;
  /** `ok`, or the reason shared state is unavailable right now. */
  health(): Promise<{ ok: boolean; detail: string }>;
  close(): Promise<void>;
}

export interface StoreOptions {
  redisUrl?: string;
  /** Prefix for every key, so several deployments can share one Redis. */
  prefix?: string;
  onError?: (error: Error) => void;
}

export async function createStore(options: StoreOptions = {}): Promise<Store> {
  const prefix = options.prefix ?? 'wgql';
  const onError = options.onError ?? (() => {});
  return options.redisUrl ? createRedisStore(options.redisUrl, prefix, onError) : createMemoryStore(prefix, onError);
}

const LOCK_SWEEP_SIZE = 10_000;

function createMemoryStore(prefix: string, onError: (error: Error) => void): Store {
  const spaces = new Map<string, Keyv>();
  const locks = new Map<string, { owner: string; until: number }>();
  let nextSweep = 0;
  return {
    kind: 'memory',
    namespace<T>(name: string) {
      let space = spaces.get(name);
      if (!space) {
        // Sweeps expired entries every minute: a plain Map only drops them when read again,
        // so sessions, nonces and caches nobody reads would pile up.
        space = new Keyv({ store: new KeyvCacheableMemory({ checkInterval: 60_000 }), namespace: `${prefix}:${name}`, stats: true });
        space.on('error', onError);
        spaces.set(name, space);
      }
      return space as Keyv<T>;
    },
    lookups: () => lookupsOf(spaces),
    async tryLock(key, leaseMs) {
      const held = locks.get(key);
      if (held && held.until > Date.now()) return null;
      const owner = randomUUID();
      // Claims that are never released (webhook nonces, dedupe keys) expire; drop them once a minute.
      if (locks.size >= LOCK_SWEEP_SIZE && Date.now() >= nextSweep) {
        nextSweep = Date.now() + 60_000;
        for (const [name, lock] of locks) if (lock.until <= Date.now()) locks.delete(name);
      }
      locks.set(key, { owner, until: Date.now() + leaseMs });
      return async () => {
        if (locks.get(key)?.owner === owner) locks.delete(key);
      };
    },
    async health() {
      return { ok: true, detail: 'memory' };
    },
    async close() {
      await Promise.all([...spaces.values()].map((space) => space.disconnect()));
    },
  };
}

function lookupsOf(spaces: Map<string, Keyv>) {
  return [...spaces].map(([namespace, space]) => ({ namespace, hits: space.stats.hits, misses: space.stats.misses }));
}

// Deletes the lock only if we still own it, so an expired lease never frees someone else's lock.
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

async function createRedisStore(url: string, prefix: string, onError: (error: Error) => void): Promise<Store> {
  const client = createClient({
    url,
    // Fail fast while Redis is down instead of queueing commands forever; callers fall back.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
  }) as RedisClientType;
  let lastError: Error | undefined;
  client.on('error', (error: Error) => {
    lastError = error;
    onError(error);
  });
  client.on('ready', () => {
    lastError = undefined;
  });
  // connect() only settles once Redis answers (it keeps reconnecting); give it a moment, then
  // start anyway: the gateway serves from in-process caches and /readyz says Redis is down.
  const connecting = client.connect().catch(onError);
  await Promise.race([connecting, sleep(2_000, undefined, { ref: false })]);

  const spaces = new Map<string, Keyv>();
  return {
    kind: 'redis',
    redis: client,
    namespace<T>(name: string) {
      let space = spaces.get(name);
      if (!space) {
        const adapter = new KeyvRedis(client, { throwOnErrors: true, throwOnConnectError: true });
        space = new Keyv({ store: adapter, namespace: `${prefix}:${name}`, throwOnErrors: true, stats: true });
        space.on('error', () => {});
        spaces.set(name, space);
      }
      return space as Keyv<T>;
    },
    lookups: () => lookupsOf(spaces),
    async tryLock(key, leaseMs) {
      const owner = randomUUID();
      const name = `${prefix}:lock:${key}`;
      const ok = await client.set(name, owner, { NX: true, PX: leaseMs });
      if (ok !== 'OK') return null;
      return async () => {
        await client.eval(RELEASE_SCRIPT, { keys: [name], arguments: [owner] }).catch(onError);
      };
    },
    async health() {
      if (!client.isReady) return { ok: false, detail: `redis unavailable${lastError ? `: ${lastError.message}` : ''}` };
      try {
        await Promise.race([client.ping(), sleep(1_000, undefined, { ref: false }).then(() => Promise.reject(new Error('ping timeout')))]);
        return { ok: true, detail: 'redis' };
      } catch (error) {
        return { ok: false, detail: `redis unavailable: ${(error as Error).message}` };
      }
    },
    async close() {
      spaces.clear();
      // quit() waits for a connection that may never come; only a ready client can quit politely.
      if (client.isReady) await client.quit().catch(() => client.destroy());
      else if (client.isOpen) client.destroy();
    },
  };
}
