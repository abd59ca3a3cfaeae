import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { loadConfig, type AppConfig, type Config, type Scope } from '../../src/config/index.ts';
import { startEmulator, type Emulator, type FaultRule } from '../../src/emulator/server.ts';
import { API_KEY_PREFIX, hashApiKey } from '../../src/graphql/principal.ts';
import { emulatorApps } from '../../src/server/dev.ts';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/server/gateway.ts';
import { createLogger } from '../../src/server/logger.ts';
import { recordText, registerSecret } from './leak-scan.ts';
import { REDIS_URL, uniquePrefix } from './redis.ts';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface StackOptions {
  /** Gateway instances sharing one store (Redis when `redis` is set; otherwise each has its own memory store). */
  instances?: number;
  /** `true`: the Redis at REDIS_URL; or the env naming another deployment (e.g. a test Sentinel or Cluster). */
  redis?: boolean | Record<string, string>;
  env?: Record<string, string>;
  faults?: FaultRule[];
  /** Override the apps the gateway is configured with (e.g. a wrong secret). */
  apps?: (apps: AppConfig[]) => AppConfig[];
  emulator?: Emulator;
  /** Extra gateway options for every instance (e.g. a held clock for rate-limit windows). */
  gateway?: Omit<GatewayOptions, 'logger'>;
}

export interface Instance {
  url: string;
  gateway: Gateway;
}

/** Keys with these scope sets exist in every stack. */
export const KEYS = {
  admin: ['admin'],
  logs: ['logs:read'],
  analytics: ['analytics:read'],
  usersRead: ['users:read'],
} satisfies Record<string, Scope[]>;

export interface Stack {
  emulator: Emulator;
  instances: Instance[];
  keys: Record<keyof typeof KEYS, string>;
  logs: string[];
  config: Config;
  /** Run a typed document over HTTP against instance `instance` (default 0). */
  request<T, V>(
    document: TypedDocumentNode<T, V>,
    variables?: V,
    /** `secretInResponse`: the field returns a secret on purpose (accessToken); skip the leak scan. */
    options?: {
      instance?: number;
      key?: string | null;
      headers?: Record<string, string>;
      secretInResponse?: boolean;
      /** Send only the codegen hash (`extensions.persistedQuery`), as a persisted-operations client does. */
      persisted?: boolean;
    },
  ): Promise<GraphQLResponse<T>>;
  /** Start one more gateway instance on the same store and emulator. */
  addInstance(): Promise<Instance>;
  close(): Promise<void>;
}

function captureLogs(lines: string[]) {
  return new Writable({
    write(chunk, _encoding, done) {
      const text = chunk.toString();
      lines.push(text);
      recordText(text);
      done();
    },
  });
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const ownEmulator = !options.emulator;
  const emulator = options.emulator ?? (await startEmulator({ faults: options.faults }));
  const keys = Object.fromEntries(
    Object.keys(KEYS).map((name) => [name, `${API_KEY_PREFIX}${name}_${randomBytes(16).toString('base64url')}`]),
  ) as Record<keyof typeof KEYS, string>;
  Object.values(keys).forEach(registerSecret);

  const base = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    WECHAT_API_BASE: emulator.url,
    WECHAT_MP_BASE: emulator.url,
    // Replaced by the emulator's apps below; production refuses to start without one.
    WECHAT_APP_ID: emulator.apps[0]!.appid,
    WECHAT_APP_SECRET: emulator.apps[0]!.secret,
    UPSTREAM_TIMEOUT_MS: '2000',
    ...(options.redis
      ? { ...(options.redis === true ? { REDIS_URL } : options.redis), REDIS_PREFIX: uniquePrefix() }
      : Object.keys(options.env ?? {}).some((name) => name.startsWith('REDIS_') || name.startsWith('STORE'))
        ? {}
        : { STORE: 'memory' }),
    ...options.env,
  });
  const apps = (options.apps ?? ((a) => a))(emulatorApps());
  apps.forEach((app) => registerSecret(app.secret));
  const config: Config = {
    ...base,
    apps,
    apiKeys: Object.entries(keys).map(([name, key]) => ({ name, sha256: hashApiKey(key), scopes: KEYS[name as keyof typeof KEYS] })),
  };

  const logs: string[] = [];
  const instances: Instance[] = [];
  async function addInstance(): Promise<Instance> {
    const gateway = await createGateway(config, { backoffMs: 5, ...options.gateway, logger: createLogger('debug', captureLogs(logs)) });
    const url = await gateway.listen(0, '127.0.0.1');
    const instance = { url, gateway };
    instances.push(instance);
    return instance;
  }
  for (let i = 0; i < (options.instances ?? 1); i++) await addInstance();

  return {
    emulator,
    instances,
    keys,
    logs,
    config,
    addInstance,
    async request(document, variables, opts = {}) {
      const target = instances[opts.instance ?? 0];
      if (!target) throw new Error(`no instance ${opts.instance}`);
      const key = opts.key === undefined ? keys.admin : opts.key;
      const response = await fetch(`${target.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}), ...opts.headers },
        body: JSON.stringify(
          opts.persisted
            ? { extensions: { persistedQuery: { version: 1, sha256Hash: (document as { __meta__?: { hash?: string } }).__meta__?.hash } }, variables }
            : { query: print(document), variables },
        ),
      });
      const text = await response.text();
      if (!opts.secretInResponse) recordText(text);
      return JSON.parse(text);
    },
    async close() {
      await Promise.all(instances.map((instance) => instance.gateway.close()));
      if (ownEmulator) await emulator.close();
    },
  };
}

export const errorCodes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);

/** Asks the emulator for a single-use code, as wx.login() / getPhoneNumber would give the client. */
export async function mintCode(stack: Stack, kind: 'login' | 'phone', user?: string, app = 0): Promise<string> {
  const response = await fetch(`${stack.emulator.url}/__emulator/codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appid: stack.config.apps[app]!.appid, kind, user }),
  });
  return ((await response.json()) as { code: string }).code;
}

/** Encrypted user data as the WeChat client hands it to the mini program. */
export async function encryptedUserData(stack: Stack, openid: string, data: object, watermarkAppid?: string) {
  const response = await fetch(`${stack.emulator.url}/__emulator/user-data`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appid: stack.config.apps[0]!.appid, openid, data, watermarkAppid }),
  });
  return (await response.json()) as { encryptedData: string; iv: string };
}

export const bearer = (token: string) => ({ key: null, headers: { authorization: `Bearer ${token}` } });
