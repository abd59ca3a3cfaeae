import { print } from 'graphql';
import { Cluster } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/server.ts';
import { rateLimiter } from '../../src/store/rate-limit.ts';
import { entryKey, lockKey } from '../../src/store/redis.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { ApiDomainIpsDocument, LoginDocument, MeDocument, SendSubscribeMessageDocument, WeChatEventsDocument } from '../gql/graphql.ts';
import { recordText } from '../helpers/leak-scan.ts';
import { uniquePrefix } from '../helpers/redis.ts';
import { redisBinariesAvailable, startRedisCluster, startRedisSentinel, type RedisDeployment, type SentinelDeployment } from '../helpers/redis-topology.ts';
import { bearer, mintCode, startStack, type Stack } from '../helpers/stack.ts';

/**
 * The multi-instance promises on a real Redis Cluster (3 primaries) and a real Sentinel
 * deployment (primary + replica + one Sentinel), started for this file on ports of its own.
 */
const available = redisBinariesAvailable();

const SEND = 'cgi-bin/message/subscribe/send';
const MEETING_TEMPLATE = '9Aw5ZV1j9xdWTFEkqCpZ7mIBbSC34khK55OtzUPl0rU';
const meeting = { templateId: MEETING_TEMPLATE, data: [{ key: 'date2', value: '2016年8月8日' }, { key: 'thing1', value: 'TIT会议室' }] };

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function emulatorAdmin<T>(s: Stack, path: string, body: object): Promise<T> {
  const response = await fetch(`${s.emulator.url}/__emulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  recordText(text);
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as T;
}

/** `wechatEvents` over SSE on one instance; `next()` is the next event's text content. */
async function subscribeText(s: Stack, instance: number) {
  const controller = new AbortController();
  const response = await fetch(`${s.instances[instance]!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-api-key': s.keys.admin },
    body: JSON.stringify({ query: print(WeChatEventsDocument), variables: { app: 'miniprogram' } }),
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const contents: string[] = [];
  void (async () => {
    let buffer = '';
    try {
      for await (const chunk of response.body!.pipeThrough(new TextDecoderStream())) {
        buffer += chunk;
        for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
          const data = buffer.slice(0, cut).split('\n').find((line) => line.startsWith('data:'));
          buffer = buffer.slice(cut + 2);
          if (!data) continue;
          recordText(data);
          const content = (JSON.parse(data.slice(5)) as { data?: { wechatEvents?: { content?: string } } }).data?.wechatEvents?.content;
          if (content) contents.push(content);
        }
      }
    } catch {
      // aborted
    }
  })();
  return { contents, close: () => controller.abort() };
}

let seq = 0;
/** WeChat pushes a text message into instance `instance` (the emulator's push client, signed and encrypted). */
async function pushText(s: Stack, instance: number, content: string) {
  const app = s.config.apps.find((a) => a.id === 'miniprogram')!;
  await emulatorAdmin(s, 'push', {
    url: `${s.instances[instance]!.url}/wechat/miniprogram`,
    appid: app.appid,
    token: app.token,
    encodingAesKey: app.encodingAesKey,
    mode: 'safe',
    format: 'xml',
    event: { MsgType: 'text', Content: content, MsgId: String(2_000_000_000 + ++seq), FromUserName: 'oAcross' },
  });
}

const until = async (what: string, check: () => boolean | Promise<boolean>, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const deployments: [string, () => Promise<RedisDeployment>][] = [
  ['Redis Cluster (3 primaries)', startRedisCluster],
  ['Redis Sentinel (primary, replica, one sentinel)', startRedisSentinel],
];

describe.runIf(available).each(deployments)('%s', (_name, start) => {
  let deployment: RedisDeployment;
  beforeAll(async () => {
    deployment = await start();
  }, 60_000);
  afterAll(async () => {
    await deployment?.close();
  });

  it('makes exactly one upstream token call for 3 cold instances', async () => {
    stack = await startStack({ instances: 3, redis: deployment.env });
    const responses = await Promise.all(Array.from({ length: 90 }, (_, i) => stack!.request(ApiDomainIpsDocument, {}, { instance: i % 3 })));
    expect(responses.map((r) => r.errors)).toEqual(Array(90).fill(undefined));
    expect(stack.emulator.calls()['cgi-bin/stable_token']).toBe(1);
    expect(stack.instances[0]!.gateway.services.store.kind).toBe('redis');
  });

  it('sends once per idempotency key across instances', async () => {
    const emulator = await startEmulator({ faults: [{ endpoints: [SEND], kind: 'latency', latencyMs: 200 }] });
    stack = await startStack({ emulator, instances: 2, redis: deployment.env });
    try {
      const { openid } = await emulatorAdmin<{ openid: string }>(stack, 'messages/subscriptions', { appid: stack.config.apps[0]!.appid, user: 'ivy', templateId: MEETING_TEMPLATE, count: 20 });
      // Different keys land in different slots of a Cluster.
      for (const key of ['deploy-a', 'deploy-b', 'deploy-c']) {
        const responses = await Promise.all(
          [0, 1, 0, 1].map((instance) => stack!.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting, idempotencyKey: key }, { instance })),
        );
        expect(responses.map((r) => r.errors)).toEqual(Array(4).fill(undefined));
        expect(responses.filter((r) => !r.data?.sendSubscribeMessage.replayed)).toHaveLength(1);
        const later = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting, idempotencyKey: key }, { instance: 1 });
        expect(later.data?.sendSubscribeMessage.replayed).toBe(true);
      }
      expect(emulator.calls()[SEND]).toBe(3);
    } finally {
      await emulator.close();
    }
  });

  it('delivers an event pushed into instance A to a subscriber on instance B', async () => {
    stack = await startStack({ instances: 2, redis: deployment.env });
    const sub = await subscribeText(stack, 1);
    try {
      // SUBSCRIBE takes a round trip after the response headers: push until one arrives.
      await until('the subscriber to listen', async () => {
        await pushText(stack!, 0, 'warm-up');
        await new Promise((resolve) => setTimeout(resolve, 100));
        return sub.contents.length > 0;
      });
      await pushText(stack, 0, 'from A to B');
      await until('the event on B', () => sub.contents.includes('from A to B'));
    } finally {
      sub.close();
    }
  });

  it('keeps entries, their locks and rate-limit windows working on it (keyv adapter over ioredis)', async () => {
    const store = await createStore({ kind: 'redis', redis: configOf(deployment.env), prefix: uniquePrefix() });
    try {
      const space = store.namespace<{ n: number }>('things');
      await Promise.all(Array.from({ length: 50 }, (_, n) => space.set(`k${n}`, { n }, n % 2 ? 60_000 : undefined)));
      expect(await space.get('k7')).toEqual({ n: 7 });
      expect(await space.getMany(['k1', 'k2', 'nope'])).toEqual([{ n: 1 }, { n: 2 }, undefined]);
      expect(await space.delete('k1')).toBe(true);
      expect(await space.delete('k1')).toBe(false);
      await space.set('short', { n: -1 }, 50);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await space.get('short')).toBeUndefined();
      await space.clear(); // scans every primary of a Cluster
      expect(await space.get('k8')).toBeUndefined();
      expect(await store.namespace('other').get('k8')).toBeUndefined();

      const release = await store.tryLock('things:k8', 5_000);
      expect(release).toBeTruthy();
      expect(await store.tryLock('things:k8', 5_000)).toBeNull();
      await release!();
      expect(await store.tryLock('things:k8', 5_000)).toBeTruthy();
      expect(await store.health()).toMatchObject({ ok: true });

      const limiter = rateLimiter(store, { name: 'deploy-test', points: 3, durationSeconds: 60 });
      const verdicts = [];
      for (let i = 0; i < 4; i++) verdicts.push((await limiter.consume('caller')).allowed);
      expect(verdicts).toEqual([true, true, true, false]);
      expect((await limiter.consume('someone-else')).allowed).toBe(true);
      if (store.redis instanceof Cluster) await expectSameSlot(store);
    } finally {
      await store.close();
    }
  });
});

/** The store's view of a deployment's env (as the config would build it). */
function configOf(env: Record<string, string>) {
  if (env.REDIS_CLUSTER_NODES)
    return { mode: 'cluster' as const, nodes: env.REDIS_CLUSTER_NODES.split(',').map((node) => ({ host: node.split(':')[0]!, port: Number(node.split(':')[1]) })) };
  const [host, port] = env.REDIS_SENTINELS!.split(':');
  return { mode: 'sentinel' as const, sentinels: [{ host: host!, port: Number(port) }], name: env.REDIS_SENTINEL_NAME! };
}

/** An idempotency record and the lock guarding it hash to one slot (multi-key scripts stay legal). */
async function expectSameSlot(store: Store) {
  const cluster = store.redis as Cluster;
  const slot = async (key: string) => Number(await cluster.cluster('KEYSLOT', key));
  for (const id of ['miniprogram:sendSubscribeMessage:abc', 'miniprogram:sendSubscribeMessage:xyz', 'wx0123456789abcdef']) {
    expect(await slot(entryKey(store.prefix, 'idempotency', id))).toBe(await slot(lockKey(store.prefix, `idempotency:${id}`)));
  }
  const slots = new Set(await Promise.all(['a', 'b', 'c', 'd'].map((id) => slot(entryKey(store.prefix, 'idempotency', id)))));
  expect(slots.size).toBeGreaterThan(1); // keys still spread over the cluster
}

describe.runIf(available)('Redis Sentinel failover', () => {
  let sentinel: SentinelDeployment;
  beforeAll(async () => {
    sentinel = await startRedisSentinel();
  }, 60_000);
  afterAll(async () => {
    await sentinel?.close();
  });

  it('loses no read once the new primary is up (a session read from the store on every request)', async () => {
    stack = await startStack({ redis: sentinel.env, env: { LOG_LEVEL: 'warn', RATE_LIMIT_SESSION_PER_MINUTE: '0' } });
    const login = await stack.request(LoginDocument, { code: await mintCode(stack, 'login', 'failover-user') }, { key: null, secretInResponse: true });
    const token = login.data!.login.token;
    const openid = login.data!.login.viewer.openid;

    const reads: { at: number; ok: boolean }[] = [];
    let reading = true;
    const loop = (async () => {
      while (reading) {
        const response = await stack!.request(MeDocument, {}, bearer(token));
        reads.push({ at: Date.now(), ok: !response.errors && response.data?.me?.openid === openid });
      }
    })();
    await until('reads before the failover', () => reads.length >= 20);
    const { from, to } = await sentinel.failover();
    const upAt = Date.now();
    expect(to).not.toBe(from);
    await until('reads after the failover', () => reads.filter((read) => read.at > upAt).length >= 50, 20_000);
    reading = false;
    await loop;

    const after = reads.filter((read) => read.at > upAt);
    expect(after.every((read) => read.ok)).toBe(true);
    // The gateway now writes to the new primary: a fresh session is stored and read back.
    const again = await stack.request(LoginDocument, { code: await mintCode(stack, 'login', 'after-failover') }, { key: null, secretInResponse: true });
    expect((await stack.request(MeDocument, {}, bearer(again.data!.login.token))).data?.me?.openid).toBe(again.data!.login.viewer.openid);
    expect(await sentinel.primaryPort()).toBe(to);
  }, 60_000);
});
