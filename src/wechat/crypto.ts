/**
 * WeChat server-side cryptography: push signatures, safe-mode message
 * encryption (AES-256-CBC with WeChat's 32-byte PKCS#7), mini-program
 * encryptedData decryption and the session_key signatures.
 *
 * Pure functions only: no I/O, no environment reads, node:crypto only.
 * Error messages never contain keys, session keys or plaintext.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

export type WeChatCryptoErrorReason =
  | 'bad_key'
  | 'bad_padding'
  | 'bad_length'
  | 'appid_mismatch'
  | 'bad_signature'
  | 'stale_session_key';

export class WeChatCryptoError extends Error {
  override readonly name = 'WeChatCryptoError';
  readonly reason: WeChatCryptoErrorReason;

  constructor(reason: WeChatCryptoErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

export function isWeChatCryptoError(err: unknown): err is WeChatCryptoError {
  return err instanceof WeChatCryptoError;
}

// ---------------------------------------------------------------------------
// Signatures
// ---------------------------------------------------------------------------

function sha1Hex(input: string): string {
  return createHash('sha1').update(input, 'utf8').digest('hex');
}

/** sha1 hex of the parts sorted lexicographically and concatenated (WeChat's "SHA1.gen"). */
export function sortedSha1(parts: readonly string[]): string {
  // Default sort compares UTF-16 code units; every WeChat input is ASCII, where
  // that equals byte order (what the Python/Java/PHP SDKs use).
  return sha1Hex([...parts].sort().join(''));
}

/** Plain-mode push signature and GET echostr verification: sha1(sort(token, timestamp, nonce)). */
export function signature(token: string, timestamp: string, nonce: string): string {
  return sortedSha1([token, timestamp, nonce]);
}

/** Safe-mode msg_signature: sha1(sort(token, timestamp, nonce, Encrypt)). */
export function msgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return sortedSha1([token, timestamp, nonce, encrypt]);
}

/** Constant-time string comparison (UTF-8 bytes). Different lengths → false, never throws. */
export function safeEqual(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  if (ab.length !== bb.length) return false;
  return timingSafeEqual(ab, bb);
}

export interface SignatureParams {
  token: string;
  timestamp: string;
  nonce: string;
  /** the `signature` query parameter as received */
  signature: string;
}

/** true when `signature` matches sha1(sort(token, timestamp, nonce)). Hex compare is case-insensitive. */
export function verifySignature(p: SignatureParams): boolean {
  return safeEqual(signature(p.token, p.timestamp, p.nonce), String(p.signature ?? '').toLowerCase());
}

export interface MsgSignatureParams {
  token: string;
  timestamp: string;
  nonce: string;
  /** the Encrypt value (or, for WeCom-style URL verification, the echostr) */
  encrypt: string;
  /** the `msg_signature` query parameter as received */
  msgSignature: string;
}

/** true when `msgSignature` matches sha1(sort(token, timestamp, nonce, encrypt)). */
export function verifyMsgSignature(p: MsgSignatureParams): boolean {
  return safeEqual(
    msgSignature(p.token, p.timestamp, p.nonce, p.encrypt),
    String(p.msgSignature ?? '').toLowerCase(),
  );
}

/** Throws WeChatCryptoError('bad_signature') unless the plain signature verifies. */
export function assertSignature(p: SignatureParams): void {
  if (!verifySignature(p)) throw new WeChatCryptoError('bad_signature', 'push signature does not match');
}

/** Throws WeChatCryptoError('bad_signature') unless the msg_signature verifies. */
export function assertMsgSignature(p: MsgSignatureParams): void {
  if (!verifyMsgSignature(p)) throw new WeChatCryptoError('bad_signature', 'push msg_signature does not match');
}

// ---------------------------------------------------------------------------
// Safe-mode message cipher (AES-256-CBC, PKCS#7 to 32 bytes)
// ---------------------------------------------------------------------------

/** WeChat pads to a 32-byte block, not AES's 16. */
export const WECHAT_PAD_BLOCK = 32;
const RANDOM_LEN = 16;
const LEN_PREFIX = 4;
const HEADER_LEN = RANDOM_LEN + LEN_PREFIX;

const ENCODING_AES_KEY_RE = /^[A-Za-z0-9+/]{43}$/;
const STRICT_BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export interface MessageCipherOptions {
  /** the 43-character EncodingAESKey from the WeChat console */
  encodingAesKey: string;
  /** the appid (or WeCom corpid / receive id) that is appended to every plaintext */
  appId: string;
}

export interface DecryptedMessage {
  /** the message (XML or JSON text), decoded as UTF-8 */
  message: string;
  /** the receive id found after the message; compare it with the expected appid */
  appId: string;
  /** the 16 random bytes that prefixed the plaintext */
  random: Buffer;
}

export interface DecryptOptions {
  /**
   * When set, the appid found in the plaintext must equal this value, otherwise
   * WeChatCryptoError('appid_mismatch') is thrown. `true` means the cipher's own appId.
   */
  expectAppId?: string | true;
}

export interface OpenParams {
  token: string;
  timestamp: string;
  nonce: string;
  msgSignature: string;
  encrypt: string;
}

export interface SealedMessage {
  encrypt: string;
  msgSignature: string;
  timestamp: string;
  nonce: string;
}

export interface MessageCipher {
  readonly appId: string;
  /** Encrypts `plaintext` (UTF-8) and returns base64. `random` (16 bytes) is for deterministic tests only. */
  encrypt(plaintext: string, random?: Buffer): string;
  /** Decrypts base64 ciphertext; checks padding and length bounds; returns the appid found. */
  decrypt(base64: string, options?: DecryptOptions): DecryptedMessage;
  /** decrypt + require the appid found to equal this cipher's appId ('appid_mismatch'). */
  decryptChecked(base64: string): DecryptedMessage;
  /** Full inbound path: verify msg_signature ('bad_signature'), decrypt, check appid. */
  open(params: OpenParams): DecryptedMessage;
  /** Full outbound path for a safe-mode reply: encrypt and compute its msg_signature. */
  seal(params: { token: string; timestamp: string; nonce: string; plaintext: string; random?: Buffer }): SealedMessage;
}

/** Decodes and validates an EncodingAESKey; throws WeChatCryptoError('bad_key'). */
export function decodeEncodingAesKey(encodingAesKey: string): Buffer {
  if (typeof encodingAesKey !== 'string' || !ENCODING_AES_KEY_RE.test(encodingAesKey)) {
    const len = typeof encodingAesKey === 'string' ? encodingAesKey.length : 0;
    throw new WeChatCryptoError(
      'bad_key',
      `EncodingAESKey must be exactly 43 characters of base64 [A-Za-z0-9+/] (got ${len} characters${
        len === 43 ? ' with characters outside that alphabet' : ''
      })`,
    );
  }
  const key = Buffer.from(encodingAesKey + '=', 'base64');
  if (key.length !== 32) {
    // Unreachable for 43 valid characters, kept as a guard.
    throw new WeChatCryptoError('bad_key', `EncodingAESKey must decode to 32 bytes (got ${key.length})`);
  }
  return key;
}

/** PKCS#7 padding to `block` bytes (pad value 1..block). */
export function pkcs7Pad(data: Buffer, block: number = WECHAT_PAD_BLOCK): Buffer {
  const pad = block - (data.length % block);
  return Buffer.concat([data, Buffer.alloc(pad, pad)]);
}

/** Removes PKCS#7 padding, accepting pad values 1..block and verifying every pad byte. */
export function pkcs7Unpad(data: Buffer, block: number = WECHAT_PAD_BLOCK): Buffer {
  if (data.length === 0) throw new WeChatCryptoError('bad_padding', 'cannot unpad empty data');
  const pad = data[data.length - 1]!;
  if (pad < 1 || pad > block) {
    throw new WeChatCryptoError('bad_padding', `PKCS#7 pad value ${pad} is outside 1..${block}`);
  }
  if (pad > data.length) {
    throw new WeChatCryptoError('bad_padding', `PKCS#7 pad value ${pad} exceeds the data length ${data.length}`);
  }
  let diff = 0;
  for (let i = data.length - pad; i < data.length; i++) diff |= data[i]! ^ pad;
  if (diff !== 0) throw new WeChatCryptoError('bad_padding', 'PKCS#7 padding bytes are inconsistent');
  return data.subarray(0, data.length - pad);
}

/** Quotes an appid for an error message; a garbled one (tampered ciphertext) is cut short. */
function quoteId(id: string): string {
  const q = JSON.stringify(id);
  return q.length > 66 ? `${q.slice(0, 63)}..."` : q;
}

function assertAppIdMatch(found: string, expected: string): void {
  if (!safeEqual(found, expected)) {
    throw new WeChatCryptoError(
      'appid_mismatch',
      `decrypted message belongs to appid ${quoteId(found)}, expected ${quoteId(expected)}`,
    );
  }
}

/** Throws WeChatCryptoError('appid_mismatch') unless the decrypted message's appid equals `expected`. */
export function assertAppId(decrypted: Pick<DecryptedMessage, 'appId'>, expected: string): void {
  assertAppIdMatch(decrypted.appId, expected);
}

export function createMessageCipher(options: MessageCipherOptions): MessageCipher {
  const key = decodeEncodingAesKey(options.encodingAesKey);
  const iv = key.subarray(0, 16);
  const appId = options.appId;
  if (typeof appId !== 'string') throw new TypeError('appId must be a string');
  const appIdBytes = Buffer.from(appId, 'utf8');

  function encrypt(plaintext: string, random?: Buffer): string {
    const rnd = random ?? randomBytes(RANDOM_LEN);
    if (!Buffer.isBuffer(rnd) || rnd.length !== RANDOM_LEN) {
      throw new RangeError(`random prefix must be exactly ${RANDOM_LEN} bytes`);
    }
    const msg = Buffer.from(plaintext, 'utf8');
    if (msg.length > 0xffffffff) throw new RangeError('message too long');
    const len = Buffer.alloc(LEN_PREFIX);
    len.writeUInt32BE(msg.length, 0);
    const padded = pkcs7Pad(Buffer.concat([rnd, len, msg, appIdBytes]), WECHAT_PAD_BLOCK);
    const cipher = createCipheriv('aes-256-cbc', key, iv);
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
  }

  function decrypt(base64: string, opts?: DecryptOptions): DecryptedMessage {
    if (typeof base64 !== 'string' || base64.length === 0 || !STRICT_BASE64_RE.test(base64)) {
      const hint = typeof base64 === 'string' && base64.includes(' ') ? " (a '+' turned into a space by URL decoding?)" : '';
      throw new WeChatCryptoError('bad_length', `ciphertext is not valid base64${hint}`);
    }
    const data = Buffer.from(base64, 'base64');
    if (data.length === 0 || data.length % 16 !== 0) {
      throw new WeChatCryptoError(
        'bad_length',
        `ciphertext length ${data.length} is not a positive multiple of the AES block size (16)`,
      );
    }
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-cbc', key, iv);
      decipher.setAutoPadding(false);
      plain = Buffer.concat([decipher.update(data), decipher.final()]);
    } catch (cause) {
      throw new WeChatCryptoError('bad_length', 'AES-256-CBC decryption failed', { cause });
    }
    const content = pkcs7Unpad(plain, WECHAT_PAD_BLOCK);
    if (content.length < HEADER_LEN) {
      throw new WeChatCryptoError(
        'bad_length',
        `decrypted content is ${content.length} bytes, shorter than the ${HEADER_LEN}-byte header`,
      );
    }
    const msgLen = content.readUInt32BE(RANDOM_LEN);
    if (msgLen > content.length - HEADER_LEN) {
      throw new WeChatCryptoError(
        'bad_length',
        `declared message length ${msgLen} exceeds the ${content.length - HEADER_LEN} bytes available`,
      );
    }
    const result: DecryptedMessage = {
      random: Buffer.from(content.subarray(0, RANDOM_LEN)),
      message: content.subarray(HEADER_LEN, HEADER_LEN + msgLen).toString('utf8'),
      appId: content.subarray(HEADER_LEN + msgLen).toString('utf8'),
    };
    if (opts?.expectAppId !== undefined) {
      assertAppIdMatch(result.appId, opts.expectAppId === true ? appId : opts.expectAppId);
    }
    return result;
  }

  return {
    appId,
    encrypt,
    decrypt,
    decryptChecked: (base64) => decrypt(base64, { expectAppId: true }),
    open(p) {
      assertMsgSignature(p);
      return decrypt(p.encrypt, { expectAppId: true });
    },
    seal(p) {
      const enc = encrypt(p.plaintext, p.random);
      return {
        encrypt: enc,
        msgSignature: msgSignature(p.token, p.timestamp, p.nonce, enc),
        timestamp: p.timestamp,
        nonce: p.nonce,
      };
    },
  };
}

// ---------------------------------------------------------------------------
// Mini-program legacy encryptedData (AES-128-CBC, standard PKCS#7)
// ---------------------------------------------------------------------------

export interface UserDataWatermark {
  appid?: unknown;
  timestamp?: unknown;
  [k: string]: unknown;
}

export type UserData = Record<string, unknown> & { watermark?: UserDataWatermark };

export interface DecryptUserDataParams {
  /** base64 session_key from jscode2session */
  sessionKey: string;
  /** base64 encryptedData from the client (whitespace tolerated) */
  encryptedData: string;
  /** base64 iv from the client */
  iv: string;
  /** when given, watermark.appid must equal it ('appid_mismatch') */
  appId?: string;
}

function decodeLooseBase64(value: string): Buffer | undefined {
  if (typeof value !== 'string') return undefined;
  const compact = value.replace(/\s+/g, '');
  if (compact.length === 0 || !STRICT_BASE64_RE.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}

const STALE_MESSAGE =
  'could not decrypt user data: the session key is probably stale (wx.login was called again or it expired); the user should log in again';

export function decryptUserData(params: DecryptUserDataParams): UserData {
  const key = decodeLooseBase64(params.sessionKey);
  if (!key || key.length !== 16) {
    throw new WeChatCryptoError('bad_key', 'session_key must be base64 of 16 bytes');
  }
  const iv = decodeLooseBase64(params.iv);
  if (!iv || iv.length !== 16) {
    throw new WeChatCryptoError('bad_length', 'iv must be base64 of 16 bytes');
  }
  const data = decodeLooseBase64(params.encryptedData);
  if (!data || data.length % 16 !== 0) {
    throw new WeChatCryptoError(
      'bad_length',
      'encryptedData must be base64 of a positive multiple of 16 bytes',
    );
  }
  let parsed: unknown;
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, iv);
    const plain = Buffer.concat([decipher.update(data), decipher.final()]);
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch (cause) {
    throw new WeChatCryptoError('stale_session_key', STALE_MESSAGE, { cause });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new WeChatCryptoError('stale_session_key', STALE_MESSAGE);
  }
  const result = parsed as UserData;
  if (params.appId !== undefined) checkWatermark(result, params.appId);
  return result;
}

/** Throws WeChatCryptoError('appid_mismatch') unless data.watermark.appid equals `appId`. */
export function checkWatermark(data: unknown, appId: string): void {
  const wm =
    data !== null && typeof data === 'object'
      ? (data as { watermark?: unknown }).watermark
      : undefined;
  const found =
    wm !== null && typeof wm === 'object' ? (wm as { appid?: unknown }).appid : undefined;
  if (typeof found !== 'string') {
    throw new WeChatCryptoError('appid_mismatch', 'decrypted user data has no watermark.appid');
  }
  if (!safeEqual(found, appId)) {
    throw new WeChatCryptoError(
      'appid_mismatch',
      `decrypted user data watermark.appid ${quoteId(found)} does not match ${quoteId(appId)}`,
    );
  }
}

// ---------------------------------------------------------------------------
// session_key signatures
// ---------------------------------------------------------------------------

/** wx.getUserInfo signature check: sha1 hex of rawData + session_key (UTF-8). */
export function rawDataSignature(rawData: string, sessionKey: string): string {
  return sha1Hex(rawData + sessionKey);
}

/** wxa/checksession `signature` (sig_method=hmac_sha256): hex HMAC-SHA256, key = session_key string, message ''. */
export function sessionKeySignature(sessionKey: string): string {
  return createHmac('sha256', Buffer.from(sessionKey, 'utf8')).update('', 'utf8').digest('hex');
}
