import { GraphQLError } from 'graphql';
import { WeChatCryptoError } from '../wechat/crypto.ts';
import { ServiceError, type ErrorCode } from '../services/errors.ts';
import { RequestRefusedError, retryAfterSeconds, WeChatApiError, WeChatTransportError, splitErrmsg, type ErrcodeGroup } from '../wechat/errors.ts';

export type { ErrorCode } from '../services/errors.ts';

export const gatewayError = (message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extensions } });

export const badInput = (message: string, field?: string) => gatewayError(message, 'BAD_USER_INPUT', field ? { field } : {});

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

export function fromWeChatError(error: WeChatApiError): GraphQLError {
  const { text } = splitErrmsg(error.errmsg);
  const hint = (HINTS[error.group] ?? '') + (error.retry === 'never' && error.group === 'busy' ? NEW_CODE_HINT : '');
  return gatewayError(`WeChat ${error.endpoint} failed (errcode ${error.errcode}): ${hint || text}`, CODES[error.group], {
    errcode: error.errcode,
    errmsg: text,
    rid: error.rid,
    endpoint: error.endpoint,
    ...(error.group === 'rate_limited' ? { retryAfter: retryAfterSeconds(error.errcode) } : {}),
  });
}

export function fromTransportError(error: WeChatTransportError): GraphQLError {
  if (error.failure === 'aborted') return gatewayError('The request deadline passed before WeChat answered.', 'DEADLINE_EXCEEDED', { endpoint: error.endpoint });
  // A send or a single-use code that may have reached WeChat was not retried: say so.
  if (error.retry !== 'read' && error.delivered !== false)
    return gatewayError(
      `WeChat ${error.endpoint} did not answer (${error.failure}) after the request went out; it may or may not have taken effect, so it was not repeated.${error.retry === 'never' ? NEW_CODE_HINT : ''}`,
      'UPSTREAM_OUTCOME_UNKNOWN',
      { endpoint: error.endpoint, failure: error.failure },
    );
  return gatewayError(`WeChat ${error.endpoint} is unreachable right now (${error.failure}); try again later.`, 'UPSTREAM_UNAVAILABLE', {
    endpoint: error.endpoint,
    failure: error.failure,
  });
}

function fromCryptoError(error: WeChatCryptoError): GraphQLError {
  if (error.reason === 'stale_session_key')
    return gatewayError('The data cannot be decrypted with this session: the session_key is probably stale. Log in again and retry.', 'SESSION_KEY_STALE');
  if (error.reason === 'appid_mismatch') return badInput('The data was encrypted for another app (watermark appid).');
  return badInput('encryptedData or iv is malformed (check base64: "+" must not become a space).');
}

/** Yoga's maskError: typed errors pass, WeChat errors become typed, everything else is masked. */
export function maskError(error: unknown, message: string): Error {
  const original = isGraphQLError(error) ? (error.originalError ?? error) : error;
  if (original instanceof WeChatApiError) return withPath(fromWeChatError(original), error);
  if (original instanceof WeChatTransportError) return withPath(fromTransportError(original), error);
  if (original instanceof WeChatCryptoError) return withPath(fromCryptoError(original), error);
  if (original instanceof RequestRefusedError) return withPath(badInput(original.message), error);
  if (original instanceof ServiceError) return withPath(gatewayError(original.message, original.code, original.extensions), error);
  if (isGraphQLError(original) && original.extensions?.code) return withPath(original, error);
  // Parse, validation and variable errors, limits, malformed requests: all about the client's document.
  if (isGraphQLError(error) && !error.originalError) return clientError(error);
  // A variable that does not fit its type (e.g. an unknown enum value): graphql-js wraps the
  // type's own GraphQLError, so the line above misses it. It only describes the client's input.
  if (isGraphQLError(error) && !error.path && isGraphQLError(original))
    return new GraphQLError(tidy(error.message), { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT' } });
  return withPath(gatewayError(message, 'INTERNAL_SERVER_ERROR'), error);
}

/** Long echoed values (a 1 MB string, an upload's internals) are cut from messages and logs. */
function tidy(message: string): string {
  return message
    .replace(/^Syntax Error: (?=.*limit of \d+ exceeded)/, '')
    .replace(/(invalid value |non string value: )(?:[^;]*\bblobParts\b[^;]*)/g, '$1(a file upload)')
    .replace(/(value:? )([^;]{120})[^;]*/g, '$1$2…');
}

/** Every client-side error gets a code; parser internals (`originalError`) never reach the client. */
function clientError(error: GraphQLError): GraphQLError {
  const { originalError: _internal, ...extensions } = (error.extensions ?? {}) as Record<string, unknown>;
  const status = (extensions.http as { status?: number } | undefined)?.status;
  const code =
    extensions.code ??
    (/^Variable "\$/.test(error.message) ? 'BAD_USER_INPUT' : status && status >= 400 && status < 500 ? 'BAD_REQUEST' : 'GRAPHQL_VALIDATION_FAILED');
  return new GraphQLError(tidy(error.message), { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions: { ...extensions, code } });
}

/** By name, not instanceof: yoga and our code may load different copies of graphql (ESM/CJS). */
const isGraphQLError = (error: unknown): error is GraphQLError => error instanceof Error && error.name === 'GraphQLError';

function withPath(target: GraphQLError, source: unknown): GraphQLError {
  if (!isGraphQLError(source) || target === source) return target;
  return new GraphQLError(target.message, { nodes: source.nodes, path: source.path, extensions: target.extensions });
}
