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
  ) {
    const parts = splitErrmsg(errmsg);
    super(`WeChat ${endpoint} failed with errcode ${errcode}: ${parts.text || 'no message'}`);
    this.group = errcodeGroup(errcode);
    this.rid = rid ?? parts.rid;
  }
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

export const isTransient = (error: unknown): boolean =>
  (error instanceof WeChatApiError && error.group === 'busy') ||
  (error instanceof WeChatTransportError &&
    (error.failure === 'timeout' || error.failure === 'network' || (error.failure === 'http_status' && (error.status ?? 0) >= 500)));
