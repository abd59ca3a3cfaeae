import { secondsToChinaMidnight } from './china-time.ts';

/**
 * WeChat answers HTTP 200 with {errcode, errmsg} for failures. These are the groups the
 * gateway treats differently (see shared/wechat-api.md, "Common errcodes").
 */
export type ErrcodeGroup =
  | 'busy'
  | 'token'
  | 'credentials'
  | 'code'
  | 'rate_limited'
  | 'api_unauthorized'
  | 'date_range'
  | 'risky_content'
  | 'invalid_argument'
  | 'quota_exhausted'
  | 'recipient'
  | 'other';

const GROUPS: Record<number, ErrcodeGroup> = {
  [-1]: 'busy',
  40001: 'token',
  40014: 'token',
  42001: 'token',
  40002: 'credentials',
  40013: 'credentials',
  40125: 'credentials',
  40164: 'credentials',
  40243: 'credentials',
  41002: 'credentials',
  41004: 'credentials',
  40029: 'code',
  40163: 'code',
  61024: 'code',
  45009: 'rate_limited',
  45011: 'rate_limited',
  48001: 'api_unauthorized',
  61500: 'date_range',
  61501: 'date_range',
  87014: 'risky_content',
  // Mini-program codes and links (fixtures wxa/*): WeChat refused an argument.
  40066: 'invalid_argument', // short link page_url
  40097: 'invalid_argument',
  40129: 'invalid_argument', // scene characters
  40159: 'invalid_argument', // path length
  40165: 'invalid_argument', // scheme/link page
  40169: 'invalid_argument', // scene length
  40212: 'invalid_argument', // scheme/link query
  40225: 'invalid_argument', // short link title
  41030: 'invalid_argument', // page not in the released version
  85096: 'invalid_argument', // scancode_time in path
  85401: 'invalid_argument', // expiry outside 1 min..30 days
  85402: 'invalid_argument', // env_version
  43104: 'api_unauthorized',
  85407: 'api_unauthorized',
  44993: 'rate_limited',
  // Lifetime quotas that never reset: 100 000 limited codes, 100 000 permanent short links.
  45029: 'quota_exhausted',
  85400: 'quota_exhausted',
  // Messaging and content security (fixtures cgi-bin/message/*, wxa/*_sec_check).
  40003: 'invalid_argument', // openid not of this app
  40004: 'invalid_argument', // media type
  40005: 'invalid_argument', // file type
  40006: 'invalid_argument', // media size
  40007: 'invalid_argument', // media_id unknown or expired
  40008: 'invalid_argument', // message type
  40037: 'invalid_argument', // template_id
  47003: 'invalid_argument', // template data; errmsg names the key ("data.thing3.value is emtpy")
  43101: 'recipient', // no subscription left for this template (the everyday case)
  45015: 'recipient', // outside the 48-hour customer-service window
  45047: 'recipient', // customer-service reply limit reached
  45168: 'risky_content', // sensitive words in the message
  // Official Account users (fixtures cgi-bin/user/*, cgi-bin/tags/members/*).
  40032: 'invalid_argument', // openid list too long (batchget 100, blacklist 20)
  40092: 'invalid_argument', // remark refused (doc: < 30 characters; refused past about 20 in practice)
  49003: 'invalid_argument', // openid of another appid
  // Mini-program family: OCR (fixtures cv/ocr/*), logistics and immediate delivery (cgi-bin/express/**).
  101000: 'invalid_argument', // OCR: img_url unreachable, unencoded, double-encoded or on an odd port; or not an image
  101001: 'invalid_argument', // OCR: no card or text found in the image
  101002: 'quota_exhausted', // OCR: the purchased (service market) quota is used up
  101003: 'quota_exhausted', // OCR: the service-market package has expired or was never bought
  930563: 'invalid_argument', // immediate delivery: order does not exist
  // Official Account family (issue #15): template messages, subscription notifications, short keys, publisher/stat.
  43004: 'recipient', // template message: the user does not follow the account ("require subscribe")
  43019: 'recipient', // the user is on the account's blacklist
  43117: 'recipient', // too many template messages to this user
  45026: 'invalid_argument', // api_add_template: the account holds its maximum of templates; delete one first
  9410010: 'invalid_argument', // shorten/gen: long_data over 4 KB
  9410011: 'invalid_argument', // shorten/gen: expire_seconds over 30 days
  9410012: 'invalid_argument', // shorten/fetch: unknown, expired or foreign key
  2009: 'api_unauthorized', // publisher/stat base_resp.ret: the account is not an ad publisher (流量主)
};

export const errcodeGroup = (errcode: number): ErrcodeGroup => GROUPS[errcode] ?? 'other';

/**
 * errmsg has carried three request-id styles over the years: `hints: [ req_id: X ]`,
 * `hint: [X]` and ` rid: X` (fixtures README, "Shape facts"). Never match on the rest of it.
 */
export function splitErrmsg(errmsg: string): { text: string; rid?: string } {
  const rid =
    /\brid:\s*([0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8})/i.exec(errmsg)?.[1] ??
    /\bhints?:\s*\[\s*(?:req_id:\s*)?([^\]\s]+)\s*\]/i.exec(errmsg)?.[1];
  const text = errmsg
    .replace(/,?\s*\bhints?:\s*\[[^\]]*\]/gi, '')
    .replace(/,?\s*\brid:\s*\S+/gi, '')
    .trim();
  return { text, rid };
}

/** A non-zero errcode. Carries the endpoint name, never the URL (it holds the token or secret). */
export class WeChatApiError extends Error {
  override name = 'WeChatApiError';
  readonly group: ErrcodeGroup;
  /** The retry policy of the call that failed (set by the HTTP client). */
  retry?: 'read' | 'unsent' | 'never';
  readonly rid?: string;
  constructor(
    readonly endpoint: string,
    readonly errcode: number,
    readonly errmsg: string,
    rid?: string,
    /** The rest of WeChat's error body (e.g. express order/add's courier-level delivery_resultcode/msg). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    const parts = splitErrmsg(errmsg);
    super(`WeChat ${endpoint} failed with errcode ${errcode}: ${parts.text || 'no message'}`);
    this.group = errcodeGroup(errcode);
    this.rid = rid ?? parts.rid;
  }
}

/** The gateway refused to send a request WeChat would reject (the caller's input is at fault). */
export class RequestRefusedError extends Error {
  override name = 'RequestRefusedError';
}

export type TransportFailure = 'timeout' | 'network' | 'http_status' | 'bad_response' | 'aborted';

/**
 * The call did not produce a WeChat answer. `delivered` tells whether WeChat may have
 * acted on it: `false` only when the connection was never made.
 */
export class WeChatTransportError extends Error {
  override name = 'WeChatTransportError';
  /** The retry policy of the call that failed (set by the HTTP client). */
  retry?: 'read' | 'unsent' | 'never';
  constructor(
    readonly endpoint: string,
    readonly failure: TransportFailure,
    readonly delivered: boolean | 'unknown',
    readonly status?: number,
  ) {
    super(`WeChat ${endpoint} ${failure === 'http_status' ? `answered HTTP ${status}` : `failed: ${failure}`}`);
  }
}

/**
 * What a failed send did at WeChat: `answered` (its answer is final), `unknown` (it went out and
 * no answer came back), or `not_sent` (it failed before the send: a token, an upload, a
 * connection never made), so the same send may be tried again.
 */
export function sendOutcome(endpoint: string, error: unknown): 'answered' | 'unknown' | 'not_sent' {
  if (error instanceof WeChatApiError && error.endpoint === endpoint && error.group !== 'token') return 'answered';
  if (error instanceof WeChatTransportError && error.endpoint === endpoint && error.delivered !== false) return 'unknown';
  return 'not_sent';
}

/** How long WeChat asks callers to stay away after a quota errcode (45011 per minute, 45009 until midnight China time). */
export function retryAfterSeconds(errcode: number, now = Date.now()): number {
  if (errcode === 45011) return 60;
  return Math.max(60, secondsToChinaMidnight(now));
}

/** Seconds to stop calling when `error` is WeChat's quota answer (45009/45011...), else undefined. */
export const quotaBackoffSeconds = (error: unknown): number | undefined =>
  error instanceof WeChatApiError && error.group === 'rate_limited' ? retryAfterSeconds(error.errcode) : undefined;

export const isTransient = (error: unknown): boolean =>
  (error instanceof WeChatApiError && error.group === 'busy') ||
  (error instanceof WeChatTransportError &&
    (error.failure === 'timeout' || error.failure === 'network' || (error.failure === 'http_status' && (error.status ?? 0) >= 500)));

/**
 * The gateway did not call WeChat: the app's budget for this endpoint (WeChat's own per-minute
 * limit, kept across instances) is spent, or WeChat asked to stay away (45009/45011).
 */
export class UpstreamLimitError extends Error {
  override name = 'UpstreamLimitError';
  constructor(
    readonly endpoint: string,
    readonly limit: number,
    readonly windowSeconds: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`${endpoint}: over ${limit} calls per ${windowSeconds} s for this app; WeChat was not called. Try again in ${retryAfterSeconds} s.`);
  }
}
