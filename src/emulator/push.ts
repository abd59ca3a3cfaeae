import { createHash, randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import type { AdminRoutes } from './admin-types.ts';
import { decryptMessage, encryptMessage, serializeBody, readBody, wechatSignature, type Padding, type PushFields, type PushFormat } from './push-wire.ts';
import { originalId, setPushDelivery, type PushDelivery } from './security-state.ts';
import type { EmulatorState } from './state.ts';

/**
 * WeChat's side of push: signs, encrypts and posts events to an app's server URL, and retries
 * when the server is slow (> 5 s) or fails, as WeChat does (message-push doc: "重试三次").
 */

/** plain: signature only; compatible: plaintext fields and Encrypt; safe: only Encrypt. */
export type PushMode = 'plain' | 'compatible' | 'safe';
export type { PushFields, PushFormat } from './push-wire.ts';

/** An app's push settings, as entered in the WeChat console. */
export interface PushConfig {
  url: string;
  token: string;
  encodingAesKey?: string;
  mode: PushMode;
  format: PushFormat;
}

export interface PushTarget extends PushConfig {
  appid: string;
}

export interface PushOptions {
  /** Retries after the first attempt (WeChat: 3). */
  retries?: number;
  /** An attempt not answered within this is abandoned and retried (WeChat: 5 s). */
  timeoutMs?: number;
  now?: () => number;
}

export interface PushAttempt {
  /** HTTP status, or null when there was no answer in time or the connection failed. */
  status: number | null;
  error?: string;
}

export interface PushResult {
  /** Whether an attempt was answered 200. */
  delivered: boolean;
  attempts: PushAttempt[];
  /** The message as pushed (after defaults were filled in). */
  message: PushFields;
  /** The passive reply, decrypted when the app is in safe mode; null for `success` or an empty answer. */
  reply: string | null;
  /** Why the reply was unusable (bad signature, not decryptable), when it was. */
  replyError?: string;
}

export const DEFAULT_PUSH_TIMEOUT_MS = 5_000;
export const DEFAULT_PUSH_RETRIES = 3;

/** A stable fake openid, for events pushed without a FromUserName. */
const EMULATOR_OPENID = `o${createHash('sha256').update('emulator-user').digest('base64url').slice(0, 27)}`;

/** A 64-bit message id, as WeChat's (usually above 2^53, so a string). */
const messageId = () => (randomBytes(8).readBigUInt64BE() >> 1n).toString();

/** Fills in what WeChat always sends: ToUserName, FromUserName, CreateTime, and a MsgId for user messages. */
export function completeMessage(appid: string, fields: PushFields, now: number): PushFields {
  const isEvent = fields.MsgType === 'event';
  return {
    ToUserName: originalId(appid),
    FromUserName: EMULATOR_OPENID,
    CreateTime: Math.floor(now / 1000),
    ...fields,
    ...(!isEvent && fields.MsgId === undefined && fields.MsgID === undefined ? { MsgId: messageId() } : {}),
  };
}

/** What is pushed: the serialized message, and the envelope fields WeChat repeats outside it. */
export interface PushPayload {
  /** The message as XML or JSON text, in the target's format. */
  plaintext: string;
  toUserName: string;
  /** Sent as the `openid` query parameter, as WeChat does. */
  openid?: string;
}

/**
 * The request WeChat would send: the target URL with its signed query, and the body (plain,
 * compatible or safe). `fields` are the message's own fields, for compatible mode's plaintext copy.
 */
export function buildPushRequest(
  target: PushTarget,
  payload: PushPayload,
  at: { timestamp: string; nonce: string },
  fields?: PushFields,
  /** WeChat's 32-byte PKCS#7 unless a test swaps it. */
  padding?: Padding,
): { url: URL; body: string; contentType: string } {
  const { timestamp, nonce } = at;
  const url = new URL(target.url);
  url.searchParams.set('signature', wechatSignature(target.token, timestamp, nonce));
  url.searchParams.set('timestamp', timestamp);
  url.searchParams.set('nonce', nonce);
  if (payload.openid) url.searchParams.set('openid', payload.openid);
  let body = payload.plaintext;
  if (target.mode !== 'plain') {
    if (!target.encodingAesKey) throw new Error(`${target.mode} mode needs the app's encodingAesKey`);
    const encrypt = encryptMessage({ encodingAesKey: target.encodingAesKey, appid: target.appid, plaintext: payload.plaintext, padding });
    // Safe mode: only ToUserName and Encrypt; compatible mode: the plaintext fields too.
    body =
      target.mode === 'safe' || !fields
        ? serializeBody({ ToUserName: payload.toUserName, Encrypt: encrypt }, target.format)
        : serializeBody({ ...fields, Encrypt: encrypt }, target.format);
    url.searchParams.set('encrypt_type', 'aes');
    url.searchParams.set('msg_signature', wechatSignature(target.token, timestamp, nonce, encrypt));
  }
  return { url, body, contentType: target.format === 'xml' ? 'text/xml' : 'application/json' };
}

/** A fresh timestamp and nonce, as WeChat sends with every push. */
export const pushStamp = (now: number) => ({ timestamp: String(Math.floor(now / 1000)), nonce: String(randomInt(100_000_000, 2_000_000_000)) });

/** Reads a passive reply as WeChat would: `success`/empty is none; an encrypted one must verify and decrypt. */
function readReply(target: PushTarget, text: string): { reply: string | null; replyError?: string } {
  if (text.trim() === '' || text.trim() === 'success') return { reply: null };
  if (target.mode === 'plain') return { reply: text };
  try {
    const fields = readBody(text);
    if (typeof fields.Encrypt !== 'string') return { reply: text };
    const expected = wechatSignature(target.token, String(fields.TimeStamp ?? ''), String(fields.Nonce ?? ''), fields.Encrypt);
    if (String(fields.MsgSignature ?? '').toLowerCase() !== expected) return { reply: null, replyError: 'reply MsgSignature does not verify' };
    const opened = decryptMessage(target.encodingAesKey!, fields.Encrypt);
    if (opened.appid !== target.appid) return { reply: null, replyError: 'reply was encrypted for another appid' };
    return { reply: opened.message };
  } catch (error) {
    return { reply: null, replyError: `reply unreadable: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Pushes one message to a gateway the way WeChat does. Every attempt is the identical request
 * (same timestamp, nonce and signature); an attempt that is not answered 200 within the
 * timeout is retried, up to `retries` times.
 */
export async function pushToGateway(target: PushTarget, fields: PushFields, options: PushOptions = {}): Promise<PushResult> {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_PUSH_TIMEOUT_MS;
  const message = completeMessage(target.appid, fields, now());
  const payload = {
    plaintext: serializeBody(message, target.format),
    toUserName: String(message.ToUserName),
    openid: typeof message.FromUserName === 'string' ? message.FromUserName : undefined,
  };
  const request = buildPushRequest(target, payload, pushStamp(now()), message);
  const attempts: PushAttempt[] = [];
  for (let attempt = 0; attempt <= (options.retries ?? DEFAULT_PUSH_RETRIES); attempt++) {
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: { 'content-type': request.contentType, 'user-agent': 'Mozilla/4.0 (wechat-graphql emulator push)' },
        body: request.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      attempts.push({ status: response.status });
      if (response.status === 200) return { delivered: true, attempts, message, ...readReply(target, text) };
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      attempts.push({ status: null, error: timedOut ? `no answer within ${timeoutMs} ms` : (error as Error).message });
    }
  }
  return { delivered: false, attempts, message, reply: null };
}

// ---------------------------------------------------------------------------
// Per-app push settings in the emulator, and the admin routes
// ---------------------------------------------------------------------------

class PushSettings {
  readonly configs = new Map<string, PushConfig>();
}

const pushSettings = (state: EmulatorState) => state.domain('events', () => new PushSettings());

/** The app's configured push target, if its push settings were entered. */
export function pushTargetOf(state: EmulatorState, appid: string): PushTarget | undefined {
  const config = pushSettings(state).configs.get(appid);
  return config && { ...config, appid };
}

/**
 * Pushes an event to an app's configured server the way WeChat would (signed, encrypted in
 * safe mode, retried); null when the app has no push settings. Other emulator families use
 * it for their asynchronous events, e.g. the `wxa_media_check` verdict.
 */
export async function deliverPush(state: EmulatorState, appid: string, fields: PushFields, options?: PushOptions): Promise<PushResult | null> {
  const target = pushTargetOf(state, appid);
  return target ? pushToGateway(target, fields, options) : null;
}

/** The delivery the security family's scheduled pushes use once an app has push settings. */
const signedDelivery =
  (state: EmulatorState): PushDelivery =>
  async ({ app, url, fields }) => {
    const config = pushTargetOf(state, app.appid);
    if (!config) throw new Error(`no push settings for ${app.appid}: PUT /__emulator/push/config first`);
    const result = await pushToGateway({ ...config, url }, fields);
    return { status: result.attempts.at(-1)?.status ?? 0 };
  };

const modeSchema = z.enum(['plain', 'compatible', 'safe']);
const formatSchema = z.enum(['xml', 'json']);
const aesKey = z.string().regex(/^[A-Za-z0-9+/]{43}$/, 'must be the 43-character EncodingAESKey');

const configBody = z
  .object({
    appid: z.string().min(1),
    url: z.url({ protocol: /^https?$/ }),
    token: z.string().min(3).max(32),
    encodingAesKey: aesKey.optional(),
    mode: modeSchema.default('safe'),
    format: formatSchema.default('xml'),
  })
  .refine((c) => c.mode === 'plain' || c.encodingAesKey, { message: 'compatible and safe modes need encodingAesKey', path: ['encodingAesKey'] });

const pushBody = z.object({
  appid: z.string().min(1),
  /** The message as WeChat names its fields, e.g. {"MsgType":"text","Content":"hi"}. */
  event: z.record(z.string(), z.unknown()),
  /** One-off overrides of the app's push settings. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  token: z.string().min(3).max(32).optional(),
  encodingAesKey: aesKey.optional(),
  mode: modeSchema.optional(),
  format: formatSchema.optional(),
  retries: z.number().int().min(0).max(3).default(DEFAULT_PUSH_RETRIES),
  timeoutMs: z.number().int().min(1).max(DEFAULT_PUSH_TIMEOUT_MS).default(DEFAULT_PUSH_TIMEOUT_MS),
});

/** `/__emulator/push*`: enter an app's push settings, and push events now. */
export const pushAdmin: AdminRoutes = {
  'push/config': {
    GET: (target) => [
      200,
      {
        configs: [...pushSettings(target.state).configs].map(([appid, c]) => ({ appid, url: c.url, mode: c.mode, format: c.format })),
      },
    ],
    PUT: (target, body) => {
      const parsed = configBody.safeParse(body);
      if (!parsed.success) return [400, { error: z.prettifyError(parsed.error) }];
      const { appid, ...config } = parsed.data;
      if (!target.state.app(appid)) return [404, { error: 'unknown appid' }];
      pushSettings(target.state).configs.set(appid, config);
      setPushDelivery(target.state, signedDelivery(target.state));
      return [200, { appid, url: config.url, mode: config.mode, format: config.format }];
    },
  },
  push: {
    POST: async (target, body) => {
      const parsed = pushBody.safeParse(body);
      if (!parsed.success) return [400, { error: z.prettifyError(parsed.error) }];
      const { appid, event, retries, timeoutMs, ...overrides } = parsed.data;
      const settings = pushTargetOf(target.state, appid);
      const merged = { appid, mode: 'safe' as PushMode, format: 'xml' as PushFormat, ...settings, ...stripUndefined(overrides) };
      if (!merged.url || !merged.token) return [400, { error: 'no push settings for this appid: give url and token, or PUT /__emulator/push/config first' }];
      if (merged.mode !== 'plain' && !merged.encodingAesKey) return [400, { error: `${merged.mode} mode needs encodingAesKey` }];
      const result = await pushToGateway(merged as PushTarget, event, { retries, timeoutMs });
      return [200, result];
    },
  },
};

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
