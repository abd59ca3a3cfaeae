import { randomUUID } from 'node:crypto';
import { KeyvCacheableMemory } from '@cacheable/memory';
import type BetterSqlite3 from 'better-sqlite3';
import type { Cluster, Redis } from 'ioredis';
import { Keyv, type KeyvStoreAdapter } from 'keyv';

/**
 * Shared state: a keyv namespace per concern plus short-lived locks. Three backends:
 * an embedded SQLite file (the default: survives restarts, shared by processes on one
 * machine), Redis (standalone, Sentinel or Cluster: shared by every instance), or process
 * memory (tests, throw-away runs).
 */
export interface Store {
  readonly kind: 'memory' | 'sqlite' | 'redis';
  /** Starts every key, so deployments (and test runs) sharing one Redis never meet. */
  readonly prefix: string;
  /** The ioredis client behind a redis store (rate limiters, pub/sub publishing). */
  readonly redis?: Redis | Cluster;
  /** The database behind a sqlite store (rate limiters). */
  readonly sqlite?: BetterSqlite3.Database;
  namespace<T = unknown>(name: string): Keyv<T>;
  /** Lookups per namespace since start (hits and misses), for /metrics. */
  lookups(): { namespace: string; hits: number; misses: number }[];
  /**
   * A lease on `key` for `leaseMs`; returns a release function, or null when someone else
   * holds it. A lock named `<namespace>:<key>` lives beside that namespace's entry `<key>`
   * (one Redis Cluster slot), so the two can be used together atomically.
   */
  tryLock(key: string, leaseMs: number): Promise<(() => Promise<void>) | null>;
  /** `ok`, or the reason shared state is unavailable right now. */
  health(): Promise<{ ok: boolean; detail: string }>;
  close(): Promise<void>;
}

/** A Redis deployment: one server by URL, a primary found through Sentinel, or a Cluster. */
export type RedisTarget =
  | { mode: 'standalone'; url: string }
  | { mode: 'sentinel'; sentinels: HostPort[]; name: string; username?: string; password?: string }
  | { mode: 'cluster'; nodes: HostPort[]; username?: string; password?: string };

export interface HostPort {
  host: string;
  port: number;
}

export type StoreBackend = { kind: 'memory' } | { kind: 'sqlite'; path: string } | { kind: 'redis'; redis: RedisTarget };

export type StoreOptions = (StoreBackend | { kind?: undefined }) & {
  /** Prefix for every key, so several deployments can share one Redis. */
  prefix?: string;
  onError?: (error: Error) => void;
  /** How often the sqlite store deletes expired entries (default 60 s). */
  sweepIntervalMs?: number;
};

/** In memory unless a backend is named; the configuration names one (SQLite by default). */
export async function createStore(options: StoreOptions = {}): Promise<Store> {
  const prefix = options.prefix ?? 'wgql';
  const onError = options.onError ?? (() => {});
  switch (options.kind) {
    case 'sqlite': {
      const { createSqliteStore } = await import('./sqlite.ts');
      return createSqliteStore({ path: options.path, prefix, onError, sweepIntervalMs: options.sweepIntervalMs ?? 60_000 });
    }
    case 'redis': {
      const { createRedisStore } = await import('./redis.ts');
      return createRedisStore(options.redis, prefix, onError);
    }
    default:
      return createMemoryStore(prefix, onError);
  }
}

/**
 * One keyv instance per namespace name, made on first use; the backend only says how a
 * namespace's entries are stored. Memory keyv instances report store errors through `onError`;
 * shared backends throw them to the caller, who decides (fall back, or refuse).
 */
export function namespaces(open: (name: string) => { store: KeyvStoreAdapter | Map<unknown, unknown>; namespace?: string; throws: boolean }, onError: (error: Error) => void) {
  const spaces = new Map<string, Keyv>();
  return {
    namespace<T>(name: string): Keyv<T> {
      let space = spaces.get(name);
      if (!space) {
        const { store, namespace, throws } = open(name);
        space = namespace
          ? new Keyv({ store, namespace, stats: true, throwOnErrors: throws })
          : new Keyv({ store, useKeyPrefix: false, stats: true, throwOnErrors: throws });
        space.on('error', throws ? () => {} : onError);
        spaces.set(name, space);
      }
      return space as Keyv<T>;
    },
    lookups() {
      return [...spaces].map(([namespace, space]) => ({ namespace, hits: space.stats.hits, misses: space.stats.misses }));
    },
    async close() {
      const open = [...spaces.values()];
      spaces.clear();
      await Promise.all(open.map((space) => space.disconnect()));
    },
  };
}

const LOCK_SWEEP_SIZE = 10_000;

function createMemoryStore(prefix: string, onError: (error: Error) => void): Store {
  // Sweeps expired entries every minute: a plain Map only drops them when read again,
  // so sessions, nonces and caches nobody reads would pile up.
  const spaces = namespaces((name) => ({ store: new KeyvCacheableMemory({ checkInterval: 60_000 }), namespace: `${prefix}:${name}`, throws: false }), onError);
  const locks = new Map<string, { owner: string; until: number }>();
  let nextSweep = 0;
  return {
    kind: 'memory',
    prefix,
    namespace: spaces.namespace,
    lookups: spaces.lookups,
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
    close: spaces.close,
  };
}
