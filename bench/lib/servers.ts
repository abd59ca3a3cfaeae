import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { loadConfig } from '../../src/config/index.ts';
import { startEmulator, type Emulator } from '../../src/emulator/server.ts';
import { API_KEY_PREFIX, hashApiKey } from '../../src/graphql/principal.ts';
import { emulatorApps } from '../../src/server/dev.ts';
import { createGateway } from '../../src/server/gateway.ts';
import { createLogger } from '../../src/server/logger.ts';
import type { Operation } from '../scenarios/scenario.ts';

/** Loopback only: the bench never sends load anywhere else. */
const HOST = '127.0.0.1';

export interface GraphQLTarget {
  graphqlUrl: string;
  /** autocannon request headers for an operation (defaults merged with the operation's own). */
  headers(operation: Operation): Record<string, string>;
  close(): Promise<void>;
}

export interface GatewayUnderTest extends GraphQLTarget {
  emulator: Emulator;
  apiKey: string;
  store: 'memory' | 'sqlite' | 'redis';
  /** Empties one namespace of the gateway's store. */
  clearStore(namespace: string): Promise<void>;
}

/** The emulator (with added latency) and the real gateway in front of it, both in this process. */
export async function startGatewayUnderTest(options: {
  latencyMs: number;
  redisUrl?: string;
  /** Without Redis: the SQLite file (default: a new one in a temporary folder); `:memory:` for the in-process store. */
  storePath?: string;
  /** More gateway settings (e.g. shorter TTLs for the soak). */
  env?: Record<string, string>;
  /** Gateway log level (stderr); `silent` unless diagnosing. */
  logLevel: string;
}): Promise<GatewayUnderTest> {
  const emulator = await startEmulator({ latencyMs: options.latencyMs });
  try {
    const apiKey = `${API_KEY_PREFIX}bench_${randomBytes(18).toString('base64url')}`;
    const base = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      WECHAT_API_BASE: emulator.url,
      WECHAT_MP_BASE: emulator.url,
      // Replaced by every emulator app below; production refuses to start without one.
      WECHAT_APP_ID: emulator.apps[0]!.appid,
      WECHAT_APP_SECRET: emulator.apps[0]!.secret,
      // The bench measures the gateway, not the per-caller limiter that would refuse it.
      RATE_LIMIT_API_KEY_PER_MINUTE: '0',
      ...(options.redisUrl
        ? { REDIS_URL: options.redisUrl }
        : options.storePath === ':memory:'
          ? { STORE: 'memory' }
          : { STORE_PATH: options.storePath ?? join(mkdtempSync(join(tmpdir(), 'wgql-bench-')), 'bench.sqlite') }),
      ...options.env,
    });
    const config = {
      ...base,
      apps: emulatorApps(),
      apiKeys: [{ name: 'bench', sha256: hashApiKey(apiKey), scopes: ['admin' as const] }],
      useEmulator: false,
    };
    const gateway = await createGateway(config, { logger: createLogger(options.logLevel, process.stderr) });
    const url = await gateway.listen(0, HOST);
    return {
      emulator,
      apiKey,
      store: gateway.services.store.kind,
      clearStore: (namespace) => gateway.services.store.namespace(namespace).clear(),
      graphqlUrl: `${url}/graphql`,
      headers: (operation) => ({ 'content-type': 'application/json', 'x-api-key': apiKey, ...operation.headers }),
      async close() {
        await gateway.close();
        await emulator.close();
      },
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}

export const BASELINE_OPERATION: Operation = { query: '{ hello }' };

/** A bare graphql-yoga server with a one-field schema: the ceiling of yoga + Node on this machine. */
export async function startBaseline(): Promise<GraphQLTarget> {
  const yoga = createYoga({
    schema: createSchema({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } }),
    graphiql: false,
    landingPage: false,
    logging: false,
  });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    graphqlUrl: `http://${HOST}:${port}/graphql`,
    headers: (operation) => ({ 'content-type': 'application/json', ...operation.headers }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
