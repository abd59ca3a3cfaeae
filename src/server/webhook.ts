import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import type { AppConfig } from '../config/index.ts';
import type { Services } from '../graphql/context.ts';
import { createMessageCipher, isWeChatCryptoError, verifySignature, type MessageCipher } from '../wechat/crypto.ts';
import { normalizePush, pushChannel, type PushEvent } from '../wechat/events.ts';
import {
  PushBodyError,
  parsePushBody,
  replyEnvelope,
  serializePushBody,
  deliveryAck,
  textReply,
  type PushFields,
  type PushFormat,
} from '../wechat/push.ts';
import type { Logger } from './logger.ts';

/** WeChat's pushes are a few KiB; anything near this is not from WeChat. */
export const PUSH_MAX_BODY_BYTES = 64 * 1024;
/** How far a push's timestamp may be from our clock, either way. */
export const PUSH_TIMESTAMP_TOLERANCE_SECONDS = 300;
/** A nonce is remembered while its timestamp could still be accepted. */
const NONCE_TTL_MS = 2 * PUSH_TIMESTAMP_TOLERANCE_SECONDS * 1000 + 60_000;
/** WeChat retries within about 15 s; a duplicate is recognised for much longer. */
const DEDUPE_TTL_MS = 30 * 60_000;
/** WeChat gives up after 5 s: a slower answer is logged. */
const ANSWER_BUDGET_MS = 5_000;

const TIMESTAMP = /^\d{1,12}$/;
const NONCE = /^[A-Za-z0-9_-]{1,64}$/;
const SIGNATURE = /^[0-9a-fA-F]{40}$/;
const ECHOSTR = /^[\x20-\x7e]{1,512}$/;

/** Why a push was refused; nothing was published. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export interface WebhookOptions {
  services: Services;
  logger: Logger;
  now?: () => number;
}

type Release = () => Promise<void>;

export type PushMode = NonNullable<AppConfig['pushMode']>;

/** The app's console setting; without one, `safe` when it has an EncodingAESKey (the console's recommendation), else `plain`. */
export const pushModeOf = (app: AppConfig): PushMode => app.pushMode ?? (app.encodingAesKey ? 'safe' : 'plain');

/**
 * `/wechat/:app`: GET answers WeChat's URL verification (echostr); POST takes a push in plain,
 * compatible or safe (AES) mode, XML or JSON, and publishes it once to the app's subscribers.
 */
export function createWebhook({ services, logger, now = () => Date.now() }: WebhookOptions) {
  const log = logger.child({ component: 'webhook' });
  const apps = new Map(services.config.apps.map((app) => [app.id, app]));
  const ciphers = new Map<string, MessageCipher>();

  function cipherFor(app: AppConfig): MessageCipher {
    if (!app.encodingAesKey) {
      throw new Refusal(400, 'no_aes_key', `a safe-mode push arrived but app "${app.id}" has no EncodingAESKey configured`);
    }
    let cipher = ciphers.get(app.id);
    if (!cipher) {
      cipher = createMessageCipher({ encodingAesKey: app.encodingAesKey, appId: app.appid });
      ciphers.set(app.id, cipher);
    }
    return cipher;
  }

  async function verifyEcho(app: AppConfig, query: URLSearchParams): Promise<string> {
    const { timestamp, nonce, signature } = signedQuery(query, 'signature');
    const echostr = query.get('echostr') ?? '';
    if (!ECHOSTR.test(echostr)) throw new Refusal(400, 'bad_query', 'echostr must be 1-512 printable ASCII characters');
    if (!verifySignature({ token: app.token!, timestamp, nonce, signature })) {
      throw new Refusal(401, 'bad_signature', 'signature does not match sha1(sort(token, timestamp, nonce))');
    }
    // The verification URL's signature is exactly a plain-mode push signature: spend its nonce,
    // so a captured verification URL cannot carry a forged POST (claimNonce refuses it).
    await services.store.tryLock(nonceKey(app, timestamp, nonce), NONCE_TTL_MS);
    return echostr;
  }

  interface Accepted {
    format: PushFormat;
    fields: PushFields;
    cipher?: MessageCipher;
    timestamp: string;
    nonce: string;
  }

  /** Verifies the signature (and decrypts in safe mode); the message's fields, or a Refusal. */
  function open(app: AppConfig, query: URLSearchParams, body: string): Accepted {
    // The app's mode (its console setting) decides what is acceptable, never the query alone.
    const mode = pushModeOf(app);
    const safe = query.get('encrypt_type') === 'aes' || query.has('msg_signature');
    if (mode === 'safe' && !safe) {
      throw new Refusal(403, 'not_encrypted', `app "${app.id}" is in safe mode: a push must be encrypted and signed with msg_signature`);
    }
    if (mode === 'plain' && safe) throw new Refusal(400, 'unexpected_encryption', `app "${app.id}" is in plain mode: an encrypted push is not expected`);
    const outer = (text: string) => {
      try {
        return parsePushBody(text);
      } catch (error) {
        if (error instanceof PushBodyError) throw new Refusal(400, error.reason, error.message);
        throw error;
      }
    };
    if (!safe) {
      const { timestamp, nonce, signature } = signedQuery(query, 'signature');
      // Plain mode signs only the query, so the signature is checked before the body is even parsed.
      if (!verifySignature({ token: app.token!, timestamp, nonce, signature })) {
        throw new Refusal(401, 'bad_signature', 'signature does not match sha1(sort(token, timestamp, nonce))');
      }
      const { format, fields } = outer(body);
      if ('Encrypt' in fields) throw new Refusal(400, 'bad_query', 'an encrypted body needs msg_signature and encrypt_type=aes in the query');
      return { format, fields, timestamp, nonce };
    }
    const { timestamp, nonce, signature: msgSignature } = signedQuery(query, 'msg_signature');
    const cipher = cipherFor(app);
    const { format, fields } = outer(body);
    const encrypt = fields.Encrypt;
    if (typeof encrypt !== 'string' || !encrypt) throw new Refusal(400, 'malformed', 'a safe-mode push needs an Encrypt field');
    let message: string;
    try {
      // Compatible mode sends plaintext fields beside Encrypt; only the signed ciphertext is trusted.
      message = cipher.open({ token: app.token!, timestamp, nonce, msgSignature, encrypt }).message;
    } catch (error) {
      if (!isWeChatCryptoError(error)) throw error;
      if (error.reason === 'bad_signature') throw new Refusal(401, 'bad_signature', 'msg_signature does not match sha1(sort(token, timestamp, nonce, Encrypt))');
      if (error.reason === 'appid_mismatch') throw new Refusal(403, 'wrong_appid', `the message was encrypted for another appid, not ${app.appid}`);
      throw new Refusal(400, 'undecryptable', 'Encrypt does not decrypt with this app\'s EncodingAESKey');
    }
    return { format, fields: outer(message).fields, cipher, timestamp, nonce };
  }

  function checkFresh(timestamp: string) {
    const skew = Math.abs(Math.floor(now() / 1000) - Number(timestamp));
    if (skew > PUSH_TIMESTAMP_TOLERANCE_SECONDS) {
      throw new Refusal(403, 'stale_timestamp', `timestamp is ${skew} s from the gateway's clock (at most ${PUSH_TIMESTAMP_TOLERANCE_SECONDS} s allowed)`);
    }
  }

  /**
   * A (timestamp, nonce) pair is good for one body. The same body again is a retry (deduped
   * later); another body under a captured signature is a replay. Locks make this hold across
   * instances when the store is Redis.
   */
  async function claimNonce(app: AppConfig, timestamp: string, nonce: string, body: string): Promise<Release[]> {
    const key = nonceKey(app, timestamp, nonce);
    const digest = createHash('sha256').update(body).digest('base64url');
    const first = await services.store.tryLock(key, NONCE_TTL_MS);
    let sameBody: Release | null;
    try {
      sameBody = await services.store.tryLock(`${key}:${digest}`, NONCE_TTL_MS);
    } catch (error) {
      // Otherwise WeChat's retry of this very body would look like a replay for the nonce's life.
      if (first) await first().catch(() => {});
      throw error;
    }
    const held = [first, sameBody].filter((release): release is Release => release !== null);
    if (!first && sameBody) {
      await releaseAll(held);
      throw new Refusal(403, 'replayed_nonce', 'this timestamp and nonce were already used for another body');
    }
    return held;
  }

  function reply(app: AppConfig, event: PushEvent, accepted: Accepted): { contentType: string; body: string } {
    const keyword = event.type === 'text' ? event.data.content.trim() : undefined;
    // Own keys only: a message saying "constructor" must not find Object.prototype's.
    const text = keyword !== undefined && app.autoReplies && Object.hasOwn(app.autoReplies, keyword) ? app.autoReplies[keyword] : undefined;
    const ack = event.type === 'waybill_status';
    if (text === undefined && !ack) return { contentType: 'text/plain; charset=utf-8', body: 'success' };
    const seconds = Math.floor(now() / 1000);
    const plaintext = serializePushBody(ack ? deliveryAck(event, seconds) : textReply(event, text!, seconds), accepted.format);
    const body = accepted.cipher
      ? replyEnvelope(accepted.cipher.seal({ token: app.token!, timestamp: String(seconds), nonce: accepted.nonce, plaintext }), accepted.format)
      : plaintext;
    return { contentType: accepted.format === 'xml' ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8', body };
  }

  async function receive(app: AppConfig, req: IncomingMessage, query: URLSearchParams, started: number) {
    const body = (await readBody(req)).toString('utf8');
    const accepted = open(app, query, body);
    checkFresh(accepted.timestamp);
    const claims = await claimNonce(app, accepted.timestamp, accepted.nonce, body);
    try {
      const event = normalizePush(app.id, accepted.fields, new Date(now()));
      const first = await services.store.tryLock(`push-event:${app.id}:${event.id}`, DEDUPE_TTL_MS);
      if (first) {
        claims.push(first);
        await services.events.publish(pushChannel(app.id), event);
      }
      log.debug({ app: app.id, type: event.type, event: event.id, duplicate: !first, ms: now() - started }, first ? 'push published' : 'push retry ignored');
      return reply(app, event, accepted);
    } catch (error) {
      // Nothing was published: let WeChat's retry through.
      await releaseAll(claims);
      throw error;
    }
  }

  return async function webhook(req: IncomingMessage, res: ServerResponse, appId: string): Promise<void> {
    const started = now();
    const query = new URL(req.url ?? '/', 'http://gateway.local').searchParams;
    const app = apps.get(appId);
    try {
      if (!app?.token) throw new Refusal(404, 'unknown_app', `no app "${appId}" with a push token is configured`);
      if (req.method === 'GET') return send(res, 200, 'text/plain; charset=utf-8', await verifyEcho(app, query));
      if (req.method !== 'POST') throw new Refusal(405, 'method', 'use GET (URL verification) or POST (push)');
      const answer = await receive(app, req, query, started);
      if (now() - started > ANSWER_BUDGET_MS) log.warn({ app: app.id, ms: now() - started }, 'push answered after WeChat gave up; expect a retry');
      send(res, 200, answer.contentType, answer.body);
    } catch (error) {
      if (error instanceof Refusal) {
        log.warn({ app: appId, method: req.method, status: error.status, reason: error.reason, remote: req.socket.remoteAddress }, `push refused: ${error.message}`);
        if (error.status === 413 && !req.complete) {
          // Discard the rest and close after answering: the sender reads 413 instead of a reset.
          req.resume();
          res.setHeader('connection', 'close');
        }
        return send(res, error.status, 'text/plain; charset=utf-8', `${error.message}\n`);
      }
      // Shared state or the event bus failed: WeChat retries a push that is not answered 200.
      log.error({ app: appId, err: error instanceof Error ? error.message : String(error) }, 'push not processed');
      send(res, 503, 'text/plain; charset=utf-8', 'temporarily unavailable, retry\n');
    }
  };
}

function signedQuery(query: URLSearchParams, signatureParam: 'signature' | 'msg_signature') {
  const timestamp = query.get('timestamp') ?? '';
  const nonce = query.get('nonce') ?? '';
  const signature = query.get(signatureParam) ?? '';
  if (!TIMESTAMP.test(timestamp)) throw new Refusal(400, 'bad_query', 'timestamp must be unix seconds');
  if (!NONCE.test(nonce)) throw new Refusal(400, 'bad_query', 'nonce must be 1-64 letters or digits');
  if (!SIGNATURE.test(signature)) throw new Refusal(400, 'bad_query', `${signatureParam} must be 40 hex characters`);
  return { timestamp, nonce, signature };
}

async function releaseAll(releases: Release[]) {
  await Promise.all(releases.map((release) => release().catch(() => {})));
}

const nonceKey = (app: AppConfig, timestamp: string, nonce: string) => `push-nonce:${app.id}:${timestamp}:${nonce}`;

/** The body, at most PUSH_MAX_BODY_BYTES counted as received (announced or chunked); a larger one is refused with 413. */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  try {
    return await getRawBody(req, { limit: PUSH_MAX_BODY_BYTES, length: req.headers['content-length'] });
  } catch (error) {
    if ((error as { type?: string }).type === 'entity.too.large') throw new Refusal(413, 'too_large', `push body exceeds ${PUSH_MAX_BODY_BYTES} bytes`);
    throw new Refusal(400, 'unreadable', 'the push body could not be read');
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: string) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(status === 405 ? { allow: 'GET, POST' } : {}),
  });
  res.end(body);
}

export type Webhook = ReturnType<typeof createWebhook>;
