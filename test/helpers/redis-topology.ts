import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

/**
 * Throw-away Redis deployments for tests, from Debian's `redis-server` / `redis-sentinel`:
 * a 3-primary Cluster, and a primary/replica pair watched by one Sentinel. Every server runs
 * on free ports of its own, keeps nothing on disk but in a temporary folder, and is stopped
 * by `close()` (or when the test process exits). The machine's own Redis is never touched.
 */
export interface RedisDeployment {
  /** The gateway settings naming it (REDIS_CLUSTER_NODES, or REDIS_SENTINELS + REDIS_SENTINEL_NAME). */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface SentinelDeployment extends RedisDeployment {
  /** The port of the server the Sentinel names primary now. */
  primaryPort(): Promise<number>;
  /** `SENTINEL FAILOVER`; resolves once the replica has become the primary. */
  failover(): Promise<{ from: number; to: number }>;
}

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/**
 * Whether the Redis binaries are here. With REQUIRE_REDIS=1 (CI) their absence fails the run
 * instead of skipping these tests (`.ci/run` installs them).
 */
export function redisBinariesAvailable(): boolean {
  const ok = has('redis-server') && has('redis-cli');
  if (!ok && process.env.REQUIRE_REDIS === '1') throw new Error('REQUIRE_REDIS=1 but redis-server / redis-cli are not installed');
  return ok;
}

/** A port nothing listens on right now (the OS picks it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function start(command: string, args: string[], dir: string): ChildProcess {
  const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(3_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** A short-lived client for setting up and inspecting a test server. */
async function withClient<T>(port: number, run: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 });
  client.on('error', () => {}); // connect() rejects with it
  try {
    await client.connect();
    return await run(client);
  } finally {
    client.disconnect();
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await sleep(100);
  }
}

const SERVER_ARGS = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--protected-mode', 'no'];

async function startServer(dir: string, port: number, extra: string[] = []): Promise<ChildProcess> {
  const child = start('redis-server', ['--port', String(port), ...SERVER_ARGS, '--dir', dir, ...extra], dir);
  await until(`redis-server on ${port}`, () => withClient(port, async (client) => (await client.ping()) === 'PONG'));
  return child;
}

export async function startRedisCluster(): Promise<RedisDeployment> {
  const dir = mkdtempSync(join(tmpdir(), 'wgql-cluster-'));
  const children: ChildProcess[] = [];
  const close = async () => {
    await Promise.all(children.map(stop));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ports: number[] = [];
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const bus = await freePort();
      ports.push(port);
      children.push(
        await startServer(dir, port, [
          '--cluster-enabled', 'yes',
          '--cluster-config-file', `nodes-${port}.conf`,
          '--cluster-port', String(bus),
          '--cluster-node-timeout', '2000',
        ]),
      );
    }
    const nodes = ports.map((port) => `127.0.0.1:${port}`);
    const created = spawnSync('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes'], { encoding: 'utf8', timeout: 30_000 });
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
    for (const port of ports)
      await until(`cluster state ok on ${port}`, () => withClient(port, async (client) => String(await client.cluster('INFO')).includes('cluster_state:ok')));
    return { env: { REDIS_CLUSTER_NODES: nodes.join(',') }, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function startRedisSentinel(): Promise<SentinelDeployment> {
  const dir = mkdtempSync(join(tmpdir(), 'wgql-sentinel-'));
  const children: ChildProcess[] = [];
  const close = async () => {
    await Promise.all(children.map(stop));
    rmSync(dir, { recursive: true, force: true });
  };
  const name = 'wgqltest';
  try {
    const primary = await freePort();
    const replica = await freePort();
    const sentinel = await freePort();
    children.push(await startServer(dir, primary));
    children.push(await startServer(dir, replica, ['--replicaof', '127.0.0.1', String(primary)]));
    await until('the replica in sync', () => withClient(replica, async (client) => String(await client.info('replication')).includes('master_link_status:up')));

    // Sentinel rewrites its config file, so it gets one of its own.
    const config = join(dir, 'sentinel.conf');
    writeFileSync(
      config,
      [
        `port ${sentinel}`,
        'bind 127.0.0.1',
        'protected-mode no',
        `dir ${dir}`,
        `sentinel monitor ${name} 127.0.0.1 ${primary} 1`,
        `sentinel down-after-milliseconds ${name} 1000`,
        `sentinel failover-timeout ${name} 5000`,
        `sentinel parallel-syncs ${name} 1`,
        '',
      ].join('\n'),
    );
    const [command, args] = has('redis-sentinel') ? ['redis-sentinel', [config]] : ['redis-server', [config, '--sentinel']];
    children.push(start(command, args as string[], dir));
    // A manual failover needs a replica the Sentinel has seen (it learns them from the primary's INFO).
    await until('the sentinel to know the replica', () =>
      withClient(sentinel, async (client) => {
        const replicas = (await client.call('SENTINEL', 'REPLICAS', name)) as string[][];
        return replicas.some((fields) => {
          const info = Object.fromEntries(fields.flatMap((_, i) => (i % 2 ? [] : [[fields[i], fields[i + 1]]])));
          return info.port === String(replica) && info.flags === 'slave' && info['master-link-status'] === 'ok';
        });
      }),
    );

    const primaryPort = () =>
      withClient(sentinel, async (client) => Number(((await client.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name)) as string[])[1]));

    return {
      env: { REDIS_SENTINELS: `127.0.0.1:${sentinel}`, REDIS_SENTINEL_NAME: name },
      primaryPort,
      async failover() {
        const from = await primaryPort();
        await until('SENTINEL FAILOVER accepted', () => withClient(sentinel, async (client) => (await client.call('SENTINEL', 'FAILOVER', name)) === 'OK'));
        const to = await until('a new primary', async () => {
          const port = await primaryPort();
          return port !== from && (await withClient(port, async (client) => String(await client.info('replication')).includes('role:master'))) && port;
        });
        return { from, to };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
