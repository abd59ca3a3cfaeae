/**
 * WeChat push wire format: reading inbound push bodies (XML or JSON, plain or wrapped in an
 * `Encrypt` envelope) and writing passive replies and push bodies (the emulator pushes with
 * the same code). No HTTP and no GraphQL here.
 *
 * Parsing is hostile-input safe: DOCTYPE/ENTITY declarations are refused outright and the XML
 * parser expands no entities (no XXE, no entity bombs); every value stays a string, so 64-bit
 * MsgIds survive; JSON integers too long for a double are kept as strings as well.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

export type PushFormat = 'xml' | 'json';
/** A push body's fields as WeChat named them (`ToUserName`, `MsgType`, `List`, `trace_id` ...). */
export type PushFields = Record<string, unknown>;

export type PushBodyErrorReason = 'empty' | 'not_xml_or_json' | 'forbidden_markup' | 'malformed';

/** A push body that cannot be read. The message names the rule, never the content. */
export class PushBodyError extends Error {
  override readonly name = 'PushBodyError';
  constructor(
    readonly reason: PushBodyErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** The format of a body, from its first non-blank character (WeChat's content-type is not reliable). */
export function sniffFormat(text: string): PushFormat | null {
  const first = /\S/.exec(text)?.[0];
  return first === '<' ? 'xml' : first === '{' ? 'json' : null;
}

// A DTD is the only way to declare entities; WeChat never sends one.
const DTD_MARKUP = /<!\s*(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

const CDATA = '#cdata';
const TEXT = '#text';

const xmlParser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Every value stays a string: MsgId exceeds 2^53.
  parseTagValue: false,
  trimValues: true,
  // CDATA apart, so whitespace inside it (a user's message) is kept verbatim.
  cdataPropName: CDATA,
});

const xmlBuilder = new XMLBuilder({ cdataPropName: CDATA, format: false, suppressEmptyNode: false, processEntities: true });

/** A parsed XML node with CDATA merged back into plain strings. */
function flattenXml(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(flattenXml);
  if (node === null || typeof node !== 'object') return node ?? '';
  const entries = Object.entries(node as Record<string, unknown>);
  const children = entries.filter(([key]) => key !== CDATA && key !== TEXT);
  if (children.length === 0) {
    const text = (node as Record<string, unknown>)[TEXT];
    const cdata = (node as Record<string, unknown>)[CDATA];
    return [text, ...(Array.isArray(cdata) ? cdata : [cdata])].filter((part) => part !== undefined).join('');
  }
  return Object.fromEntries(children.map(([key, value]) => [key, flattenXml(value)]));
}

function parseXml(text: string): PushFields {
  if (DTD_MARKUP.test(text)) {
    throw new PushBodyError('forbidden_markup', 'XML with a DOCTYPE or entity declaration is refused (WeChat never sends one)');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new PushBodyError('malformed', `XML is not well-formed (line ${valid.err.line}: ${valid.err.code})`);
  const doc = xmlParser.parse(text) as Record<string, unknown>;
  const roots = Object.keys(doc);
  const root = doc.xml;
  if (roots.length !== 1 || root === null || typeof root !== 'object' || Array.isArray(root)) {
    throw new PushBodyError('malformed', 'XML push must have a single <xml> root element with child elements');
  }
  return flattenXml(root) as PushFields;
}

// A string literal (skipped whole) or an integer literal of 16+ digits, which a double cannot hold exactly.
const LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g;

/** JSON.parse that keeps integers of 16 digits or more (MsgId, MsgID) as their exact decimal strings. */
export function parseJsonLossless(text: string): unknown {
  return JSON.parse(text.replace(LONG_INTEGER, (token) => (token.startsWith('"') ? token : `"${token}"`)));
}

function parseJson(text: string): PushFields {
  let value: unknown;
  try {
    value = parseJsonLossless(text);
  } catch {
    throw new PushBodyError('malformed', 'JSON push body is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PushBodyError('malformed', 'JSON push body must be an object');
  }
  return value as PushFields;
}

/** Reads a push body (or a decrypted message) as XML or JSON, whichever it is. */
export function parsePushBody(text: string): { format: PushFormat; fields: PushFields } {
  const format = sniffFormat(text);
  if (!text.trim()) throw new PushBodyError('empty', 'push body is empty');
  if (!format) throw new PushBodyError('not_xml_or_json', 'push body is neither XML nor a JSON object');
  return { format, fields: format === 'xml' ? parseXml(text) : parseJson(text) };
}

/** XML tree for the builder: strings in CDATA (as WeChat writes them), numbers bare, arrays as repeated elements. */
function toXmlTree(value: unknown): unknown {
  if (typeof value === 'string') return { [CDATA]: value };
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(toXmlTree);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, child]) => child !== undefined && child !== null)
        .map(([key, child]) => [key, toXmlTree(child)]),
    );
  }
  return '';
}

/** Writes fields as a push/reply body: `<xml>...</xml>` with CDATA strings, or a JSON object. */
export function serializePushBody(fields: PushFields, format: PushFormat): string {
  return format === 'xml' ? xmlBuilder.build({ xml: toXmlTree(fields) }) : JSON.stringify(fields);
}

/** The safe-mode reply envelope. In XML, TimeStamp is bare and Nonce is CDATA; in JSON TimeStamp is a number. */
export function replyEnvelope(
  sealed: { encrypt: string; msgSignature: string; timestamp: string; nonce: string },
  format: PushFormat,
): string {
  return serializePushBody(
    { Encrypt: sealed.encrypt, MsgSignature: sealed.msgSignature, TimeStamp: Number(sealed.timestamp), Nonce: sealed.nonce },
    format,
  );
}

/** The inbound safe-mode envelope: `ToUserName` + `Encrypt`. */
export function pushEnvelope(toUserName: string, encrypt: string, format: PushFormat): string {
  return serializePushBody({ ToUserName: toUserName, Encrypt: encrypt }, format);
}

/** A passive text reply to the user who sent `message` (Official Accounts show it in the chat). */
/**
 * Immediate delivery's `update_waybill_status` wants an acknowledgement, not `success`: the
 * header fields swapped plus `resultcode` 0 (weapp's DeliveryOrderStatusUpdateReturn; fixture
 * push/json/miniprogram_immediate_delivery_update_waybill_status.json).
 */
export function deliveryAck(message: { fromUser: string; toUser: string }, now: number): PushFields {
  return { ToUserName: message.fromUser, FromUserName: message.toUser, CreateTime: now, MsgType: 'event', Event: 'update_waybill_status', resultcode: 0, resultmsg: 'ok' };
}

export function textReply(message: { fromUser: string; toUser: string }, content: string, now: number): PushFields {
  return { ToUserName: message.fromUser, FromUserName: message.toUser, CreateTime: now, MsgType: 'text', Content: content };
}
