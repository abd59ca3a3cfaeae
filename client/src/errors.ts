/**
 * `extensions.code` values the gateway answers with. Switch on them; the message is for people.
 * The list is open: a newer gateway may add codes, which arrive as plain strings.
 */
export type KnownErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'BAD_REQUEST'
  | 'RATE_LIMITED'
  | 'QUOTA_EXHAUSTED'
  | 'SESSION_KEY_STALE'
  | 'WECHAT_INVALID_CODE'
  | 'WECHAT_BUSY'
  | 'WECHAT_ERROR'
  | 'WECHAT_API_UNAUTHORIZED'
  | 'WECHAT_RECIPIENT_UNAVAILABLE'
  | 'WECHAT_TOKEN_REJECTED'
  | 'WECHAT_CREDENTIALS_REJECTED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_OUTCOME_UNKNOWN'
  | 'DEADLINE_EXCEEDED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_IN_PROGRESS'
  | 'STORE_UNAVAILABLE'
  | 'PERSISTED_OPERATION_NOT_FOUND'
  | 'PERSISTED_OPERATION_REQUIRED'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'INTERNAL_SERVER_ERROR';

export type ErrorCode = KnownErrorCode | (string & {});

export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: {
    code?: ErrorCode;
    /** Seconds to wait before trying again (RATE_LIMITED). */
    retryAfter?: number;
    [key: string]: unknown;
  };
}

/** The gateway answered, with GraphQL errors. `data` holds whatever part of the result succeeded. */
export class GatewayError<TData = unknown> extends Error {
  override readonly name = 'GatewayError';
  /** The first error's `extensions.code`. */
  readonly code: ErrorCode | undefined;
  /** RATE_LIMITED: seconds before a retry can succeed. */
  readonly retryAfter: number | undefined;

  constructor(
    readonly errors: readonly GraphQLErrorEntry[],
    readonly data: TData | null | undefined,
    /** HTTP status of the answer. */
    readonly status: number,
  ) {
    super(errors.map((error) => error.message).join('; ') || 'GraphQL request failed');
    this.code = errors[0]?.extensions?.code;
    const retryAfter = errors.find((error) => typeof error.extensions?.retryAfter === 'number')?.extensions?.retryAfter;
    this.retryAfter = retryAfter;
  }

  /** Whether any of the errors carries this code. */
  has(code: ErrorCode): boolean {
    return this.errors.some((error) => error.extensions?.code === code);
  }
}

/** No usable answer: the network failed, the request was aborted, or the gateway sent no GraphQL. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    message: string,
    /** HTTP status when there was an answer. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message);
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** Signing in did not produce a session (wx.login failed, or the OAuth redirect came back without a code). */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

export function isGatewayError(error: unknown, code?: ErrorCode): error is GatewayError {
  return error instanceof GatewayError && (code === undefined || error.has(code));
}
