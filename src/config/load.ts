import { readFileSync } from 'node:fs';
import proxyAddr from 'proxy-addr';
import { z as zod } from 'zod';
import { apiKeySchema, appSchema, configFileSchema, envSchema, type ApiKeyConfig, type AppConfig, type Env } from './schema.ts';

/** Start-up configuration problem: one line, naming the variable, never echoing its value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  apiBase: string;
  /** Base of WeChat's mp host (Official Account QR images). */
  mpBase: string;
  apps: AppConfig[];
  apiKeys: ApiKeyConfig[];
  tokenSource: Env['WECHAT_TOKEN_SOURCE'];
  /** Where shared state lives; `redisUrl` is also set for a plain REDIS_URL. */
  store: StoreSettings;
  redisUrl?: string;
  redisPrefix: string;
  upstream: { connectTimeoutMs: number; timeoutMs: number };
  requestDeadlineMs: number;
  sessionTtlSeconds: number;
  rateLimits: { apiKey: number; session: number; anonymous: number };
  persistedOperations?: { file: string; only: boolean };
  /** Unlimited QR codes are reused (and served) this long; limited ones for ever. */
  qrcodeUnlimitedCacheSeconds: number;
  /** Origins allowed by CORS: any (`*`), a list, or none (same-origin only; the production default). */
  corsOrigins: '*' | 'same-origin' | string[];
  /** Which proxies' X-Forwarded-For to believe: the nearest `hops`, or these addresses/CIDRs. */
  trustProxy?: { hops: number } | { addresses: string[] };
  /** /metrics is served on this port instead of PORT when set (0: any free port). */
  metricsPort?: number;
  /** No credentials configured: `npm start` runs the built-in emulator. */
  useEmulator: boolean;
  shutdownTimeoutMs: number;
  /** OpenTelemetry tracing; off (and its SDK never loaded) when unset. */
  otlpEndpoint?: string;
}

export type HostPort = { host: string; port: number };
export type StoreSettings =
  | { kind: 'memory' }
  | { kind: 'sqlite'; path: string }
  | {
      kind: 'redis';
      redis:
        | { mode: 'standalone'; url: string }
        | { mode: 'sentinel'; sentinels: HostPort[]; name: string; username?: string; password?: string }
        | { mode: 'cluster'; nodes: HostPort[]; username?: string; password?: string };
    };

/** SQLite unless a Redis deployment is named; at most one Redis setting; STORE must agree. */
function storeSettings(env: Env): StoreSettings {
  const credentials = { username: env.REDIS_USERNAME, password: env.REDIS_PASSWORD };
  const named = [
    env.REDIS_URL && { variable: 'REDIS_URL', redis: { mode: 'standalone' as const, url: env.REDIS_URL } },
    env.REDIS_SENTINELS && { variable: 'REDIS_SENTINELS', redis: { mode: 'sentinel' as const, sentinels: env.REDIS_SENTINELS, name: env.REDIS_SENTINEL_NAME, ...credentials } },
    env.REDIS_CLUSTER_NODES && { variable: 'REDIS_CLUSTER_NODES', redis: { mode: 'cluster' as const, nodes: env.REDIS_CLUSTER_NODES, ...credentials } },
  ].filter((item) => !!item);
  if (named.length > 1) throw new ConfigError(`${named[1]!.variable}: set only one of REDIS_URL, REDIS_SENTINELS, REDIS_CLUSTER_NODES`);
  const redis = named[0];
  if (redis) {
    if (env.STORE && env.STORE !== 'redis') throw new ConfigError(`STORE: "${env.STORE}" conflicts with ${redis.variable}; unset one of them`);
    return { kind: 'redis', redis: redis.redis };
  }
  if (env.STORE === 'redis') throw new ConfigError('STORE: "redis" needs REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES');
  return env.STORE === 'memory' ? { kind: 'memory' } : { kind: 'sqlite', path: env.STORE_PATH };
}

function describe(error: zod.ZodError, source: string): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : source;
  return `${where}: ${issue?.message ?? 'invalid'}`;
}

function readConfigFile(path: string): { apps: AppConfig[]; apiKeys: ApiKeyConfig[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'not valid JSON';
    throw new ConfigError(`WECHAT_CONFIG: cannot read ${path} (${reason})`);
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`WECHAT_CONFIG (${path}) ${describe(parsed.error, 'apps')}`);
  const ids = new Set<string>();
  for (const app of parsed.data.apps) {
    if (ids.has(app.id)) throw new ConfigError(`WECHAT_CONFIG (${path}) apps: duplicate id "${app.id}"`);
    ids.add(app.id);
  }
  return parsed.data;
}

function parseApiKeys(raw: string): ApiKeyConfig[] {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError('API_KEYS: not valid JSON (expected [{"name","sha256","scopes"}])');
  }
  const parsed = zod.array(apiKeySchema).safeParse(json);
  if (!parsed.success) throw new ConfigError(`API_KEYS ${describe(parsed.error, 'value')}`);
  return parsed.data;
}

function corsOrigins(env: Env): Config['corsOrigins'] {
  if (!env.CORS_ORIGINS) return env.NODE_ENV === 'production' ? 'same-origin' : '*';
  const origins = env.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean);
  if (origins.includes('*')) return '*';
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {}
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin)
      throw new ConfigError(`CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port], no path or trailing slash)`);
  }
  return origins.length ? origins : 'same-origin';
}

function trustProxy(env: Env): Config['trustProxy'] {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return { hops: Number(raw) };
  const addresses = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  try {
    proxyAddr.compile(addresses);
  } catch (error) {
    throw new ConfigError(`TRUST_PROXY: ${(error as Error).message} (expected a hop count or addresses/CIDRs such as 10.0.0.0/8, loopback)`);
  }
  return { addresses };
}

function persistedOperations(env: Env): Config['persistedOperations'] {
  if (env.PERSISTED_OPERATIONS_ONLY && !env.PERSISTED_OPERATIONS_FILE)
    throw new ConfigError('PERSISTED_OPERATIONS_ONLY: needs PERSISTED_OPERATIONS_FILE (the allowed operations)');
  return env.PERSISTED_OPERATIONS_FILE ? { file: env.PERSISTED_OPERATIONS_FILE, only: env.PERSISTED_OPERATIONS_ONLY } : undefined;
}

/** The one place that reads the environment. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset, as shells and .env files often leave them.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, value]) => value !== '')));
  if (!parsed.success) throw new ConfigError(describe(parsed.error, 'environment'));
  const env = parsed.data;

  let apps: AppConfig[] = [];
  let apiKeys: ApiKeyConfig[] = [];
  if (env.WECHAT_CONFIG) ({ apps, apiKeys } = readConfigFile(env.WECHAT_CONFIG));
  if (env.API_KEYS) apiKeys = [...apiKeys, ...parseApiKeys(env.API_KEYS)];
  if (env.WECHAT_APP_ID || env.WECHAT_APP_SECRET) {
    if (!env.WECHAT_APP_ID) throw new ConfigError('WECHAT_APP_ID: required when WECHAT_APP_SECRET is set');
    if (!env.WECHAT_APP_SECRET) throw new ConfigError('WECHAT_APP_SECRET: required when WECHAT_APP_ID is set');
    const app = {
      id: env.WECHAT_APP_NAME,
      kind: env.WECHAT_APP_KIND,
      appid: env.WECHAT_APP_ID,
      secret: env.WECHAT_APP_SECRET,
      token: env.WECHAT_TOKEN,
      encodingAesKey: env.WECHAT_ENCODING_AES_KEY,
      pushMode: env.WECHAT_PUSH_MODE,
    };
    const checked = appSchema.safeParse(app);
    if (!checked.success) {
      const field = checked.error.issues[0]?.path[0];
      const variable = ENV_NAMES[String(field)] ?? 'WECHAT_APP_ID';
      throw new ConfigError(`${variable}: ${checked.error.issues[0]?.message ?? 'invalid'}`);
    }
    if (apps.some((a) => a.id === app.id)) throw new ConfigError(`WECHAT_APP_NAME: "${app.id}" is also in WECHAT_CONFIG`);
    apps = [checked.data, ...apps];
  }

  if (apps.length === 0 && env.NODE_ENV === 'production')
    throw new ConfigError('WECHAT_APP_ID: no WeChat app configured (set WECHAT_APP_ID and WECHAT_APP_SECRET, or WECHAT_CONFIG); the emulator never runs in production');
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    apiBase: env.WECHAT_API_BASE.replace(/\/+$/, ''),
    mpBase: env.WECHAT_MP_BASE.replace(/\/+$/, ''),
    apps,
    apiKeys,
    tokenSource: env.WECHAT_TOKEN_SOURCE,
    store: storeSettings(env),
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    upstream: { connectTimeoutMs: env.UPSTREAM_CONNECT_TIMEOUT_MS, timeoutMs: env.UPSTREAM_TIMEOUT_MS },
    requestDeadlineMs: env.REQUEST_DEADLINE_MS,
    sessionTtlSeconds: env.SESSION_TTL_SECONDS,
    rateLimits: {
      apiKey: env.RATE_LIMIT_API_KEY_PER_MINUTE,
      session: env.RATE_LIMIT_SESSION_PER_MINUTE,
      anonymous: env.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    },
    persistedOperations: persistedOperations(env),
    qrcodeUnlimitedCacheSeconds: env.QRCODE_UNLIMITED_CACHE_SECONDS,
    corsOrigins: corsOrigins(env),
    trustProxy: trustProxy(env),
    metricsPort: env.METRICS_PORT,
    useEmulator: apps.length === 0,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
  };
}

const ENV_NAMES: Record<string, string> = {
  id: 'WECHAT_APP_NAME',
  appid: 'WECHAT_APP_ID',
  secret: 'WECHAT_APP_SECRET',
  token: 'WECHAT_TOKEN',
  encodingAesKey: 'WECHAT_ENCODING_AES_KEY',
  pushMode: 'WECHAT_PUSH_MODE',
};
