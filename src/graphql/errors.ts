import { GraphQLError } from 'graphql';
import { WeChatCryptoError } from '../wechat/crypto.ts';
import { limitFailure, ServiceError, transportFailure, wechatFailure, type ErrorCode } from '../services/errors.ts';
import { RequestRefusedError, UpstreamLimitError, WeChatApiError, WeChatTransportError } from '../wechat/errors.ts';

export type { ErrorCode } from '../services/errors.ts';

export const gatewayError = (message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extensions } });

export const badInput = (message: string, field?: string) => gatewayError(message, 'BAD_USER_INPUT', field ? { field } : {});

const toGraphQL = (error: ServiceError) => gatewayError(error.message, error.code, error.extensions);

export const fromWeChatError = (error: WeChatApiError): GraphQLError => toGraphQL(wechatFailure(error));

export const fromTransportError = (error: WeChatTransportError): GraphQLError => toGraphQL(transportFailure(error));

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
  if (original instanceof UpstreamLimitError) return withPath(toGraphQL(limitFailure(original)), error);
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
