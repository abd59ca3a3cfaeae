import { z } from 'zod';

/** One WeChat app the gateway serves. `id` is the name GraphQL callers use. */
export const appSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ or -'),
  kind: z.enum(['miniprogram', 'officialAccount']),
  appid: z.string().regex(/^wx[0-9a-f]{16}$/i, 'a WeChat AppID looks like wx followed by 16 hex characters'),
  secret: z.string().min(1, 'must not be empty'),
  token: z.string().min(3).max(32).optional(),
  encodingAesKey: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}$/, 'must be the 43-character EncodingAESKey')
    .optional(),
  /**
   * The push "消息加解密方式" chosen in WeChat's console: `plain` (明文, signature only),
   * `compatible` (兼容, plaintext or encrypted) or `safe` (安全, only encrypted pushes signed with
   * msg_signature). Default: `safe` when an EncodingAESKey is set, otherwise `plain`.
   */
  pushMode: z.enum(['plain', 'compatible', 'safe']).optional(),
  /** Passive replies to pushed text messages: keyword (the whole message, trimmed) → reply text. */
  autoReplies: z.record(z.string().min(1).max(64), z.string().min(1).max(600, 'at most 600 characters (WeChat caps a text reply at 2048 bytes)')).optional(),
}).refine((app) => !app.pushMode || app.pushMode === 'plain' || app.encodingAesKey, {
  message: 'compatible and safe push modes need the EncodingAESKey',
  path: ['encodingAesKey'],
});
export type AppConfig = z.infer<typeof appSchema>;

/** The scopes an API key may hold; `admin` implies every other one. */
export const SCOPES = [
  'analytics:read',
  'users:read',
  'users:write',
  'qrcode:create',
  'links:create',
  'links:read',
  'messages:send',
  'security:check',
  'events:read',
  'logs:read',
  'token:read',
  'ocr:read',
  'logistics:read',
  'logistics:write',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];

/** API keys are configured by their SHA-256 (hex), never in clear. */
export const apiKeySchema = z.object({
  name: z.string().min(1).max(64),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the hex SHA-256 of the key'),
  scopes: z.array(z.enum(SCOPES)).min(1),
});
export type ApiKeyConfig = z.infer<typeof apiKeySchema>;

export const configFileSchema = z.object({
  apps: z.array(appSchema).min(1),
  apiKeys: z.array(apiKeySchema).default([]),
});

const port = z.coerce.number().int().min(0).max(65535);
/** `host:port` pairs separated by commas (IPv6 hosts in brackets). */
const hostPorts = () =>
  z.string().transform((value, ctx) => {
    const nodes = value.split(',').map((item) => /^\s*\[?([^\]\s]+?)\]?:(\d{1,5})\s*$/.exec(item));
    if (nodes.some((node) => !node || Number(node[2]) < 1 || Number(node[2]) > 65535)) {
      ctx.addIssue({ code: 'custom', message: 'expected host:port[,host:port...]' });
      return z.NEVER;
    }
    return nodes.map((node) => ({ host: node![1]!, port: Number(node![2]) }));
  });
const ms = (fallback: number) => z.coerce.number().int().min(1).max(600_000).default(fallback);

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(4000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WECHAT_API_BASE: z.url({ protocol: /^https?$/ }).default('https://api.weixin.qq.com'),
  /** WeChat's mp host, which serves Official Account QR images (cgi-bin/showqrcode); the emulator serves it too. */
  WECHAT_MP_BASE: z.url({ protocol: /^https?$/ }).default('https://mp.weixin.qq.com'),
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  WECHAT_APP_KIND: z.enum(['miniprogram', 'officialAccount']).default('miniprogram'),
  WECHAT_APP_NAME: z.string().default('default'),
  WECHAT_TOKEN: z.string().optional(),
  WECHAT_ENCODING_AES_KEY: z.string().optional(),
  WECHAT_PUSH_MODE: z.enum(['plain', 'compatible', 'safe']).optional(),
  WECHAT_CONFIG: z.string().optional(),
  /** `stable` uses cgi-bin/stable_token, which never invalidates other holders. */
  WECHAT_TOKEN_SOURCE: z.enum(['stable', 'classic']).default('stable'),
  /** JSON array of {name, sha256, scopes}. */
  API_KEYS: z.string().optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** `host:port,host:port`: the Sentinels that name the primary (with REDIS_SENTINEL_NAME). */
  REDIS_SENTINELS: hostPorts().optional(),
  /** The primary's name in the Sentinels' `sentinel monitor` lines. */
  REDIS_SENTINEL_NAME: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).default('mymaster'),
  /** `host:port,host:port`: some nodes of a Redis Cluster (the rest are discovered). */
  REDIS_CLUSTER_NODES: hostPorts().optional(),
  /** ACL user and password for the Sentinel-named primary or the Cluster nodes (REDIS_URL carries its own). */
  REDIS_USERNAME: z.string().optional(),
  REDIS_PASSWORD: z.string().optional(),
  /** Where state lives: `sqlite` (default without Redis), `memory` (lost on exit), `redis` (default with a Redis setting). */
  STORE: z.enum(['sqlite', 'memory', 'redis']).optional(),
  /** The SQLite file (created with its folder); processes sharing it share state and locks. */
  STORE_PATH: z.string().min(1).default('./data/wechat-graphql.sqlite'),
  /** Key prefix in Redis, so several deployments (or test runs) can share one server. */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/).default('wgql'),
  /** Operations per minute per caller, shared by all instances; 0 turns a limit off. */
  RATE_LIMIT_API_KEY_PER_MINUTE: z.coerce.number().int().min(0).default(6_000),
  RATE_LIMIT_SESSION_PER_MINUTE: z.coerce.number().int().min(0).default(300),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  /** A JSON file {hash: document} of allowed operations (codegen's persisted-documents.json). */
  PERSISTED_OPERATIONS_FILE: z.string().optional(),
  /** `1`/`true`: refuse any document that is not in PERSISTED_OPERATIONS_FILE. */
  PERSISTED_OPERATIONS_ONLY: z.enum(['0', '1', 'true', 'false']).default('0').transform((value) => value === '1' || value === 'true'),
  /** How long an end-user session (login) lasts. */
  SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(30 * 86_400).default(7 * 86_400),
  UPSTREAM_CONNECT_TIMEOUT_MS: ms(3_000),
  UPSTREAM_TIMEOUT_MS: ms(5_000),
  REQUEST_DEADLINE_MS: ms(15_000),
  /** Browser origins allowed to call /graphql: comma-separated (`https://a.example,https://b.example`) or `*`. */
  CORS_ORIGINS: z.string().optional(),
  /** Proxies in front of the gateway: a hop count (`1`) or comma-separated addresses/CIDRs (`10.0.0.0/8,loopback`). */
  TRUST_PROXY: z.string().optional(),
  /** Serve /metrics on this port only (not on PORT). */
  METRICS_PORT: port.optional(),
  /** How long an unlimited mini-program code (getwxacodeunlimit) is reused and served at /media/:id. */
  QRCODE_UNLIMITED_CACHE_SECONDS: z.coerce.number().int().min(60).max(30 * 86_400).default(86_400),
  /** On SIGTERM, how long in-flight requests may take to finish before their connections are cut. */
  SHUTDOWN_TIMEOUT_MS: ms(10_000),
  /** Turns tracing on (OTLP over HTTP); the other OTEL_* variables are read by the SDK itself. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
});
export type Env = z.infer<typeof envSchema>;
