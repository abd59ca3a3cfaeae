import { IdempotencyError, runIdempotent, type RecordedFailure } from '../store/idempotency.ts';
import type { Store } from '../store/index.ts';
import { sendOutcome, WeChatApiError, WeChatTransportError, type TransportFailure } from '../wechat/errors.ts';
import { ServiceError, type ErrorCode } from './errors.ts';

/** A failed first send, as remembered: rebuilt as the same error class when the key repeats. */
type StoredFailure =
  | { kind: 'wechat'; endpoint: string; errcode: number; errmsg: string; rid?: string; details: Record<string, unknown> }
  | { kind: 'transport'; endpoint: string; failure: TransportFailure; status?: number }
  | { kind: 'service'; code: ErrorCode; message: string; extensions: Record<string, unknown> };

const TTL_MS = 7 * 24 * 3_600_000;

export interface SendOnceOptions<T> {
  store: Store;
  /** Configured app id. */
  app: string;
  /** Operation name; with the app and key it names the record. */
  operation: string;
  /** The WeChat endpoint the send goes to (decides whether a failure happened before or at WeChat). */
  endpoint: string;
  /** The caller's key, e.g. its order id. */
  key: string;
  /** Field name of the key, for error messages. */
  keyField: string;
  /** What is being done; the same key with other arguments is refused. */
  args: unknown;
  deadlineMs: number;
  signal?: AbortSignal;
  run(): Promise<T>;
  /** Turns a WeChat-level error into the service's own (e.g. a courier refusal). */
  mapError?(error: unknown): unknown;
}

/** The store keeps {code, message, details}: the kind goes in code, the rest in details. */
const record = ({ kind, ...rest }: StoredFailure): RecordedFailure => ({ code: kind, message: kind, details: rest });
const unrecord = (failure: RecordedFailure): StoredFailure => ({ kind: failure.code, ...failure.details }) as StoredFailure;

function rebuild(failure: StoredFailure): Error {
  if (failure.kind === 'wechat') {
    const error = new WeChatApiError(failure.endpoint, failure.errcode, failure.errmsg, failure.rid, failure.details);
    error.retry = 'unsent';
    return error;
  }
  if (failure.kind === 'transport') {
    const error = new WeChatTransportError(failure.endpoint, failure.failure, 'unknown', failure.status);
    error.retry = 'unsent';
    return error;
  }
  return new ServiceError(failure.code, failure.message, { ...failure.extensions, replayed: true });
}

/**
 * Runs a send at most once per (app, operation, key) across every instance: a repeat gets the
 * first outcome (`replayed`) without calling WeChat. WeChat's answer is final and remembered;
 * a send that went out without an answer is remembered as unknown (never sent again); a failure
 * before the send (validation, token, connection never made) is forgotten, so the key may retry.
 */
export async function sendOnce<T>(options: SendOnceOptions<T>): Promise<{ value: T; replayed: boolean }> {
  const map = options.mapError ?? ((error: unknown) => error);
  try {
    return await runIdempotent<T>(options.store, {
      app: options.app,
      operation: options.operation,
      key: options.key,
      args: options.args,
      // Outlives the request deadline, so a live request never loses its key to a duplicate.
      leaseMs: options.deadlineMs + 5_000,
      waitMs: Math.min(options.deadlineMs, 10_000),
      ttlMs: TTL_MS,
      signal: options.signal,
      run: options.run,
      settle: (error) => {
        const outcome = sendOutcome(options.endpoint, error);
        if (outcome === 'answered') {
          const e = error as WeChatApiError;
          return { state: 'failed', failure: record({ kind: 'wechat', endpoint: e.endpoint, errcode: e.errcode, errmsg: e.errmsg, rid: e.rid, details: { ...e.details } }) };
        }
        if (outcome === 'unknown') {
          const e = error as WeChatTransportError;
          return { state: 'unknown', failure: record({ kind: 'transport', endpoint: e.endpoint, failure: e.failure, status: e.status }) };
        }
        return { state: 'release' };
      },
      replay: ({ failure }) => rebuild(unrecord(failure)),
      abandoned: () =>
        record({
        kind: 'service',
        code: 'UPSTREAM_OUTCOME_UNKNOWN',
        message: `An earlier ${options.operation} with this ${options.keyField} stopped before WeChat answered; it may or may not have taken effect, so it is not sent again.`,
        extensions: { endpoint: options.endpoint, field: options.keyField },
        }),
    });
  } catch (error) {
    if (error instanceof IdempotencyError) {
      const extensions = { field: options.keyField };
      if (error.problem === 'mismatch')
        throw new ServiceError('IDEMPOTENCY_KEY_REUSED', `${options.keyField} "${options.key}" was already used for a different ${options.operation}; use a new ${options.keyField}.`, extensions);
      if (error.problem === 'in_progress')
        throw new ServiceError('IDEMPOTENCY_IN_PROGRESS', `A ${options.operation} with this ${options.keyField} is still in progress; ask again shortly for its outcome.`, extensions);
      throw new ServiceError('STORE_UNAVAILABLE', 'The shared store that remembers sends is unreachable right now; nothing was sent. Retry later.', extensions);
    }
    throw map(error);
  }
}
