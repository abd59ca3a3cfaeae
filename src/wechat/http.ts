import pRetry, { AbortError } from 'p-retry';
import { Agent, errors as undiciErrors, request, type Dispatcher, type FormData } from 'undici';
import { isTransient, WeChatApiError, WeChatTransportError } from './errors.ts';
import { parseLosslessJson } from './lossless-json.ts';

/**
 * When a failed call may be sent again:
 * - `read`: transient failures (-1, 5xx, resets, timeouts), at most twice;
 * - `unsent`: only when the connection was never made (sends: a retry must not deliver twice);
 * - `never`: single-use codes (code2Session, getuserphonenumber).
 */
export type RetryPolicy = 'read' | 'unsent' | 'never';

export interface WeChatRequest {
  /** Path below the API base without a leading slash; also the name used in errors and metrics. */
  endpoint: string;
  /** Another WeChat host than the API base (mp.weixin.qq.com for showqrcode). */
  baseUrl?: string;
  method: 'GET' | 'POST';
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  form?: FormData;
  retry: RetryPolicy;
  /** `image` endpoints answer a picture on success and JSON on failure. */
  expect?: 'json' | 'image';
  /** The GraphQL request's deadline; no attempt or backoff outlives it. */
  signal?: AbortSignal;
}

export interface ImageResponse {
  contentType: string;
  bytes: Buffer;
}

export interface CallEvent {
  endpoint: string;
  attempt: number;
  durationMs: number;
  outcome: 'ok' | 'errcode' | 'transport';
  errcode?: number;
}

export interface WeChatHttpOptions {
  baseUrl: string;
  connectTimeoutMs?: number;
  timeoutMs?: number;
  /** Injected in tests; by default one keep-alive Pool per origin. */
  dispatcher?: Dispatcher;
  onCall?: (event: CallEvent) => void;
  /** Base of the jittered exponential backoff between read retries. */
  backoffMs?: number;
}

export type WeChatHttp = ReturnType<typeof createWeChatHttp>;

const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function classify(endpoint: string, error: unknown, signal?: AbortSignal): WeChatTransportError {
  if (error instanceof WeChatTransportError) return error;
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (signal?.aborted) return new WeChatTransportError(endpoint, 'aborted', 'unknown');
  if (error instanceof undiciErrors.ConnectTimeoutError || (code && CONNECT_FAILURES.has(code)))
    return new WeChatTransportError(endpoint, 'network', false);
  if (
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    (error as Error).name === 'TimeoutError' ||
    (error as Error).name === 'AbortError'
  )
    return new WeChatTransportError(endpoint, 'timeout', 'unknown');
  return new WeChatTransportError(endpoint, 'network', 'unknown');
}

function buildUrl(base: string, endpoint: string, query: WeChatRequest['query']): string {
  const url = new URL(`${base}/${endpoint}`);
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
  return url.toString();
}

function parseJson(endpoint: string, text: string): Record<string, unknown> {
  try {
    const body: unknown = parseLosslessJson(text);
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new WeChatTransportError(endpoint, 'bad_response', true);
}

/** Success bodies often carry no errcode at all; `errcode: 0` and `"0"` both mean success. */
function throwOnErrcode(endpoint: string, body: Record<string, unknown>): void {
  const errcode = Number(body.errcode ?? 0);
  if (errcode !== 0 && Number.isFinite(errcode))
    throw new WeChatApiError(endpoint, errcode, String(body.errmsg ?? ''), typeof body.rid === 'string' ? body.rid : undefined, body);
}

/** The one way to reach WeChat over HTTP. Knows nothing about tokens or GraphQL. */
export function createWeChatHttp(options: WeChatHttpOptions) {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const dispatcher =
    options.dispatcher ??
    new Agent({
      connections: 128,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      connect: { timeout: options.connectTimeoutMs ?? 3_000 },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  const backoffMs = options.backoffMs ?? 100;

  async function attempt(req: WeChatRequest, url: string, attemptNumber: number): Promise<unknown> {
    const started = performance.now();
    const report = (outcome: CallEvent['outcome'], errcode?: number) =>
      options.onCall?.({ endpoint: req.endpoint, attempt: attemptNumber, durationMs: performance.now() - started, outcome, errcode });
    const signal = req.signal ? AbortSignal.any([req.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
    try {
      const body = req.form ?? (req.json === undefined ? undefined : JSON.stringify(req.json));
      const headers: Record<string, string> = req.json === undefined ? {} : { 'content-type': 'application/json' };
      const response = await request(url, { method: req.method, body, headers, dispatcher, signal });
      const contentType = String(response.headers['content-type'] ?? '');
      if (req.expect === 'image' && response.statusCode === 200 && contentType.startsWith('image/')) {
        const bytes = Buffer.from(await response.body.arrayBuffer());
        report('ok');
        return { contentType: contentType.split(';')[0]!, bytes } satisfies ImageResponse;
      }
      const text = await response.body.text();
      if (response.statusCode >= 500 || (response.statusCode !== 200 && !contentType.includes('json'))) {
        throw new WeChatTransportError(req.endpoint, 'http_status', true, response.statusCode);
      }
      const json = parseJson(req.endpoint, text);
      throwOnErrcode(req.endpoint, json);
      if (req.expect === 'image') throw new WeChatTransportError(req.endpoint, 'bad_response', true, response.statusCode);
      report('ok');
      return json;
    } catch (error) {
      if (error instanceof WeChatApiError) {
        error.retry = req.retry;
        report('errcode', error.errcode);
        throw error;
      }
      const failure = classify(req.endpoint, error, req.signal);
      failure.retry = req.retry;
      report('transport');
      throw failure;
    }
  }

  function shouldRetry(policy: RetryPolicy, error: unknown): boolean {
    if (policy === 'never') return false;
    if (policy === 'unsent') return error instanceof WeChatTransportError && error.delivered === false;
    return isTransient(error) || (error instanceof WeChatTransportError && error.delivered === false);
  }

  async function call(req: WeChatRequest): Promise<unknown> {
    const url = buildUrl(req.baseUrl ?? options.baseUrl, req.endpoint, req.query);
    return pRetry(
      async (attemptNumber) => {
        try {
          return await attempt(req, url, attemptNumber);
        } catch (error) {
          if (!shouldRetry(req.retry, error) || req.signal?.aborted) throw new AbortError(error as Error);
          throw error;
        }
      },
      { retries: 2, factor: 2, minTimeout: backoffMs, maxTimeout: backoffMs * 8, randomize: true, signal: req.signal },
    );
  }

  return {
    /** JSON endpoint: resolves to the body, throws WeChatApiError / WeChatTransportError. */
    json: <T>(req: WeChatRequest) => call({ ...req, expect: 'json' }) as Promise<T>,
    image: (req: WeChatRequest) => call({ ...req, expect: 'image' }) as Promise<ImageResponse>,
    close: () => dispatcher.close(),
  };
}
