import { retryAfterSeconds, splitErrmsg, type ErrcodeGroup, type UpstreamLimitError, type WeChatApiError, type WeChatTransportError } from '../wechat/errors.ts';

/**
 * Error codes clients can switch on (`extensions.code`). Services throw `ServiceError` with one
 * of them; the GraphQL layer turns it into a GraphQLError (`src/graphql/errors.ts`), so services
 * know no GraphQL. WeChat failures also carry `errcode`, `errmsg` and `rid`; anything else is masked.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'QUOTA_EXHAUSTED'
  | 'WECHAT_RECIPIENT_UNAVAILABLE'
  | 'CARRIER_REFUSED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_IN_PROGRESS'
  | 'STORE_UNAVAILABLE'
  | 'WECHAT_BUSY'
  | 'WECHAT_TOKEN_REJECTED'
  | 'WECHAT_CREDENTIALS_REJECTED'
  | 'WECHAT_INVALID_CODE'
  | 'WECHAT_API_UNAUTHORIZED'
  | 'WECHAT_ERROR'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_OUTCOME_UNKNOWN'
  | 'DEADLINE_EXCEEDED'
  | 'SESSION_KEY_STALE'
  | 'BAD_REQUEST'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'INTERNAL_SERVER_ERROR';

/** A failure a service reports to its caller: a client-facing code, a message and extra extensions. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Bad input found by a service, naming the offending argument when there is one. */
export const invalidInput = (message: string, field?: string) => new ServiceError('BAD_USER_INPUT', message, field ? { field } : {});

const CODES: Record<ErrcodeGroup, ErrorCode> = {
  busy: 'WECHAT_BUSY',
  token: 'WECHAT_TOKEN_REJECTED',
  credentials: 'WECHAT_CREDENTIALS_REJECTED',
  code: 'WECHAT_INVALID_CODE',
  rate_limited: 'RATE_LIMITED',
  api_unauthorized: 'WECHAT_API_UNAUTHORIZED',
  date_range: 'BAD_USER_INPUT',
  risky_content: 'WECHAT_ERROR',
  invalid_argument: 'BAD_USER_INPUT',
  quota_exhausted: 'QUOTA_EXHAUSTED',
  recipient: 'WECHAT_RECIPIENT_UNAVAILABLE',
  other: 'WECHAT_ERROR',
};

const HINTS: Partial<Record<ErrcodeGroup, string>> = {
  busy: 'WeChat is busy; try again shortly.',
  token: 'WeChat refused a fresh access token as well; the app may be suspended.',
  credentials: "WeChat refused this app's AppID/AppSecret (or the server's IP is not whitelisted); fix the gateway configuration.",
  code: 'The code is invalid, expired or already used; get a new one on the client and try again.',
  rate_limited: "WeChat's quota for this API is used up; do not retry before retryAfter seconds.",
  api_unauthorized: 'This app has not been granted this WeChat API.',
  quota_exhausted: 'This app has used up a WeChat quota that never resets; do not retry.',
  recipient:
    'WeChat will not deliver to this user now: no subscription left for this template (43101), outside the 48-hour customer-service window (45015), reply limit reached (45047), not a follower (43004), blacklisted (43019) or too many template messages to this user (43117).',
};

/** Calls that burn a single-use code (retry policy `never`) are never repeated: the client needs a new code. */
const NEW_CODE_HINT = ' The code may have been used up: get a new one on the client before trying again.';

/** WeChat's answer as the client sees it: the code of its errcode group, a hint, errcode, errmsg and rid. */
export function wechatFailure(error: WeChatApiError): ServiceError {
  const { text } = splitErrmsg(error.errmsg);
  const hint = (HINTS[error.group] ?? '') + (error.retry === 'never' && error.group === 'busy' ? NEW_CODE_HINT : '');
  return new ServiceError(CODES[error.group], `WeChat ${error.endpoint} failed (errcode ${error.errcode}): ${hint || text}`, {
    errcode: error.errcode,
    errmsg: text,
    rid: error.rid,
    endpoint: error.endpoint,
    ...(error.group === 'rate_limited' ? { retryAfter: retryAfterSeconds(error.errcode) } : {}),
  });
}

/** A call that got no WeChat answer, as the client sees it: deadline, unknown outcome, or unreachable. */
export function transportFailure(error: WeChatTransportError): ServiceError {
  if (error.failure === 'aborted') return new ServiceError('DEADLINE_EXCEEDED', 'The request deadline passed before WeChat answered.', { endpoint: error.endpoint });
  // A send or a single-use code that may have reached WeChat was not retried: say so.
  if (error.retry !== 'read' && error.delivered !== false)
    return new ServiceError(
      'UPSTREAM_OUTCOME_UNKNOWN',
      `WeChat ${error.endpoint} did not answer (${error.failure}) after the request went out; it may or may not have taken effect, so it was not repeated.${error.retry === 'never' ? NEW_CODE_HINT : ''}`,
      { endpoint: error.endpoint, failure: error.failure },
    );
  return new ServiceError('UPSTREAM_UNAVAILABLE', `WeChat ${error.endpoint} is unreachable right now (${error.failure}); try again later.`, {
    endpoint: error.endpoint,
    failure: error.failure,
  });
}

/** A call the gateway held back to stay within WeChat's per-app limit for the endpoint. */
export const limitFailure = (error: UpstreamLimitError): ServiceError =>
  new ServiceError('RATE_LIMITED', error.message, { retryAfter: error.retryAfterSeconds, limit: error.limit, endpoint: error.endpoint });
