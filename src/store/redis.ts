import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import { namespaces, type RedisTarget, type Store } from './store.ts';

/**
 * Redis through ioredis only: it speaks to one server, to the primary a Sentinel names, and to
 * a Cluster, and @graphql-yoga/redis-event-target needs it anyway. One command connection
 * serves keyv, locks, rate limits and publishing; pub/sub subscribing needs a second.
 */

const retry = (times: number) => Math.min(100 * 2 ** times, 2_000);

// A command waits for a reconnect (a Sentinel failover, a Cluster resharding) for at most
// `commandTimeout`, then fails: callers fall back to in-process state, or refuse (keyed sends)
// and say so, instead of hanging while Redis is away.
const COMMAND_OPTIONS = {
  connectTimeout: 2_000,
  commandTimeout: 2_000,
  maxRetriesPerRequest: 1,
  retryStrategy: retry,
  // After a Sentinel failover the old primary answers writes with READONLY until ioredis
  // reconnects; reconnect at once (to the primary Sentinel now names) instead of waiting.
  reconnectOnError: (error: Error) => error.message.startsWith('READONLY'),
} satisfies RedisOptions;

/** The command connection to `target`. */
export function connectRedis(target: RedisTarget): Redis | Cluster {
  const options: RedisOptions = COMMAND_OPTIONS;
  switch (target.mode) {
    case 'standalone':
      return new Redis(target.url, options);
    case 'sentinel':
      return new Redis({
        ...options,
        sentinels: target.sentinels,
        name: target.name,
        username: target.username,
        password: target.password,
        sentinelRetryStrategy: retry,
        // Listens to the sentinels' +switch-master, so a failover is noticed before a command fails.
        failoverDetector: true,
      });
    case 'cluster': {
      const cluster: ClusterOptions = {
        clusterRetryStrategy: retry,
        slotsRefreshTimeout: 2_000,
        redisOptions: { ...options, username: target.username, password: target.password },
      };
      return new Cluster(target.nodes, cluster);
    }
  }
}

/**
 * A second connection to the same deployment for SUBSCRIBE (which takes a connection over);
 * it queues SUBSCRIBE while Redis is away and resubscribes after a reconnect.
 */
export function subscriberOf(client: Redis | Cluster): Redis | Cluster {
  // No time limit: SUBSCRIBE waits in the queue for Redis to come back.
  const options = { commandTimeout: undefined, maxRetriesPerRequest: null };
  return client instanceof Cluster ? client.duplicate([], { redisOptions: { ...client.options.redisOptions, ...options } }) : client.duplicate(options);
}

/** Waits until `client` is ready, refuses, or `ms` pass; the caller goes on either way. */
export async function settle(client: Redis | Cluster, ms = 2_000): Promise<void> {
  if (client.status === 'ready') return;
  await Promise.race([once(client, 'ready'), once(client, 'error'), sleep(ms, undefined, { ref: false })]).catch(() => {});
}

/** Quits politely when connected, drops the connection otherwise. */
export async function quit(client: Redis | Cluster): Promise<void> {
  if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}

/**
 * Key of entry `key` in namespace `name`: `<prefix>:{<name>:<key>}`. The braces are a Cluster
 * hash tag, and lock `<name>:<key>` is `<prefix>:lock:{<name>:<key>}`: an entry and the lock
 * guarding it (idempotency record, QR index, token) always share a slot.
 */
export const entryKey = (prefix: string, name: string, key: string) => `${prefix}:{${name}:${key}}`;
export const lockKey = (prefix: string, name: string) => `${prefix}:lock:{${name}}`;

const globEscape = (text: string) => text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

/**
 * A keyv store over one namespace, on an ioredis client or cluster. Single-key commands only
 * (a namespace's keys spread over every slot of a Cluster); `clear` scans each primary.
 */
export class KeyvIoRedis extends EventEmitter implements KeyvStoreAdapter {
  opts = {};
  namespace?: string;

  constructor(
    private readonly client: Redis | Cluster,
    private readonly prefix: string,
    private readonly name: string,
  ) {
    super();
  }

  private key(key: string) {
    return entryKey(this.prefix, this.name, key);
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    return ((await this.client.get(this.key(key))) ?? undefined) as StoredData<Value> | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<StoredData<Value | undefined>[]> {
    return Promise.all(keys.map((key) => this.get<Value>(key))) as Promise<StoredData<Value | undefined>[]>;
  }

  async set(key: string, value: unknown, ttl?: number): Promise<boolean> {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (typeof ttl === 'number' && ttl > 0) await this.client.set(this.key(key), text, 'PX', Math.ceil(ttl));
    else await this.client.set(this.key(key), text);
    return true;
  }

  async has(key: string): Promise<boolean> {
    return (await this.client.exists(this.key(key))) === 1;
  }

  async delete(key: string): Promise<boolean> {
    return (await this.client.del(this.key(key))) > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    const removed = await Promise.all(keys.map((key) => this.delete(key)));
    return removed.some(Boolean);
  }

  async clear(): Promise<void> {
    const match = `${globEscape(this.prefix)}:{${globEscape(this.name)}:*`;
    const nodes = this.client instanceof Cluster ? this.client.nodes('master') : [this.client];
    for (const node of nodes) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', match, 'COUNT', 500);
        cursor = next;
        // One UNLINK per key: keys of one node still sit in different slots.
        await Promise.all(keys.map((key) => node.unlink(key)));
      } while (cursor !== '0');
    }
  }

  async disconnect(): Promise<void> {}
}

// Deletes the lock only if we still own it, so an expired lease never frees someone else's lock.
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export async function createRedisStore(target: RedisTarget, prefix: string, onError: (error: Error) => void): Promise<Store> {
  const client = connectRedis(target);
  let lastError: Error | undefined;
  client.on('error', (error: Error) => {
    lastError = error;
    onError(error);
  });
  client.on('ready', () => {
    lastError = undefined;
  });
  // Start once Redis answers, or after a moment: the gateway serves from in-process caches and
  // /readyz says Redis is down until it comes.
  await settle(client);

  const spaces = namespaces((name) => ({ store: new KeyvIoRedis(client, prefix, name), throws: true }), onError);
  return {
    kind: 'redis',
    prefix,
    redis: client,
    namespace: spaces.namespace,
    lookups: spaces.lookups,
    async tryLock(key, leaseMs) {
      const owner = randomUUID();
      const name = lockKey(prefix, key);
      const ok = await client.set(name, owner, 'PX', leaseMs, 'NX');
      if (ok !== 'OK') return null;
      return async () => {
        await client.eval(RELEASE_SCRIPT, 1, name, owner).catch(onError);
      };
    },
    async health() {
      if (client.status !== 'ready') return { ok: false, detail: `redis unavailable${lastError ? `: ${lastError.message}` : ''}` };
      try {
        await Promise.race([client.ping(), sleep(1_000, undefined, { ref: false }).then(() => Promise.reject(new Error('ping timeout')))]);
        return { ok: true, detail: `redis ${target.mode}` };
      } catch (error) {
        return { ok: false, detail: `redis unavailable: ${(error as Error).message}` };
      }
    },
    async close() {
      await spaces.close();
      await quit(client);
    },
  };
}
