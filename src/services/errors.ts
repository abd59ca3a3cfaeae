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
