import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/**
 * WeChat's side of the push wire format, written from WeChat's documentation, not from the
 * gateway's client code (so a mistake in one is caught by the other):
 * - 消息推送 / 接入指引: `signature = sha1(sort(token, timestamp, nonce))`, the strings sorted
 *   lexicographically and concatenated.
 * - 消息加解密说明: safe mode encrypts `random(16) + msg_len(4, big-endian) + msg + appid` with
 *   AES-256-CBC, key = base64(EncodingAESKey + "="), IV = the key's first 16 bytes, PKCS#7
 *   padded to a multiple of 32 bytes (not AES's 16); `msg_signature = sha1(sort(token,
 *   timestamp, nonce, Encrypt))`.
 * Checked against WeChat's published vectors (fixtures/wechat/crypto) in test/integration/push-crypto.test.ts.
 */

export type PushFormat = 'xml' | 'json';
/** A push message's fields as WeChat names them (`ToUserName`, `MsgType`, ...). */
export type PushFields = Record<string, unknown>;

/** sha1 hex of the parts sorted and concatenated: `signature` (3 parts) and `msg_signature` (4, with Encrypt). */
export function wechatSignature(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

/** How a plaintext is padded before AES (the test swaps in a wrong one to show the vectors catch it). */
export type Padding = (data: Buffer) => Buffer;

/** PKCS#7 to a `block`-byte multiple: pad value n repeated n times, n in 1..block. */
export const pkcs7 =
  (block: number): Padding =>
  (data) => {
    const n = block - (data.length % block);
    return Buffer.concat([data, Buffer.alloc(n, n)]);
  };

/** WeChat's padding: PKCS#7 to 32 bytes ("补位...32"). */
export const WECHAT_PADDING = pkcs7(32);

const RANDOM_BYTES = 16;

function aesKey(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (encodingAesKey.length !== 43 || key.length !== 32) throw new Error('EncodingAESKey must be 43 base64 characters (32 bytes)');
  return key;
}

export interface EncryptInput {
  encodingAesKey: string;
  appid: string;
  plaintext: string;
  /** The 16 random bytes that lead the plaintext; fresh unless given (tests reproduce WeChat's vectors). */
  random?: Buffer;
  padding?: Padding;
}

/** The base64 `Encrypt` value of a safe-mode message. */
export function encryptMessage({ encodingAesKey, appid, plaintext, random = randomBytes(RANDOM_BYTES), padding = WECHAT_PADDING }: EncryptInput): string {
  const key = aesKey(encodingAesKey);
  const msg = Buffer.from(plaintext, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(msg.length);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const padded = padding(Buffer.concat([random, length, msg, Buffer.from(appid, 'utf8')]));
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

/** Opens an `Encrypt` value (a passive reply): the message and the appid it was sealed for. */
export function decryptMessage(encodingAesKey: string, encrypt: string): { message: string; appid: string } {
  const key = aesKey(encodingAesKey);
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
  const pad = plain.at(-1) ?? 0;
  if (pad < 1 || pad > 32 || pad > plain.length) throw new Error('bad PKCS#7 padding');
  const content = plain.subarray(0, plain.length - pad);
  if (content.length < RANDOM_BYTES + 4) throw new Error('message shorter than its header');
  const length = content.readUInt32BE(RANDOM_BYTES);
  if (RANDOM_BYTES + 4 + length > content.length) throw new Error('declared length exceeds the message');
  const start = RANDOM_BYTES + 4;
  return { message: content.subarray(start, start + length).toString('utf8'), appid: content.subarray(start + length).toString('utf8') };
}

// XML as WeChat writes it: strings in CDATA, numbers bare, one <xml> root.
const CDATA = '#cdata';
const builder = new XMLBuilder({ cdataPropName: CDATA, format: false, suppressEmptyNode: false });
const parser = new XMLParser({ processEntities: false, htmlEntities: false, ignoreAttributes: true, parseTagValue: false, trimValues: false });

function xmlTree(value: unknown): unknown {
  if (typeof value === 'string') return { [CDATA]: value };
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(xmlTree);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).filter(([, child]) => child !== undefined && child !== null).map(([k, child]) => [k, xmlTree(child)]));
  return '';
}

/** A push (or reply) body: `<xml>...</xml>` or a JSON object, as the app chose in the console. */
export function serializeBody(fields: PushFields, format: PushFormat): string {
  return format === 'xml' ? builder.build({ xml: xmlTree(fields) }) : JSON.stringify(fields);
}

/** Reads a body the gateway answered (XML or JSON); top-level fields only, as text. */
export function readBody(text: string): PushFields {
  if (text.trimStart().startsWith('{')) return JSON.parse(text) as PushFields;
  const doc = parser.parse(text) as { xml?: unknown };
  if (!doc.xml || typeof doc.xml !== 'object') throw new Error('not an <xml> document');
  return doc.xml as PushFields;
}
