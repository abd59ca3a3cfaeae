import type { Authenticator } from './auth.js';
import { hashOf, textOf, type Printer, type TypedDocument, type VariablesArgs } from './document.js';
import { GatewayError, TransportError, type GraphQLErrorEntry } from './errors.js';
import { createSseParser } from './sse.js';
import type { AbortSignalLike, HttpRequest, StreamHandle, Transport } from './transport.js';

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://gateway.example.com/graphql`. */
  url: string;
  transport: Transport;
  /** Session sign-in (`miniProgramAuth`, `webAuth`) or a fixed key (`apiKeyAuth`, for Node backends). */
  auth?: Authenticator;
  /** Extra headers on every call. */
  headers?: Record<string, string>;
  /**
   * Send only `extensions.persistedQuery.sha256Hash` (codegen's `persistedDocuments`), never the
   * text: required by a gateway with PERSISTED_OPERATIONS_ONLY. Default false (text, plus the hash when known).
   */
  persistedOperations?: boolean;
  /** `print` from graphql, for AST documents sent as text. */
  print?: Printer;
  /** Subscriptions: first reconnect delay and cap (ms), doubled per failed attempt with jitter. */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number; maxAttempts?: number };
}

export interface RequestOptions {
  headers?: Record<string, string>;
  signal?: AbortSignalLike;
}

export interface SubscriptionHandlers<TResult> {
  next(data: TResult): void;
  /** A final failure: the subscription will not reconnect (FORBIDDEN, BAD_USER_INPUT, too many attempts). */
  error?(error: Error): void;
  /** The gateway ended the subscription. */
  complete?(): void;
  /** The stream is open and the gateway accepted the subscription. */
  connected?(): void;
  /** The stream dropped; the next attempt starts after `delayMs`. */
  reconnecting?(info: { attempt: number; delayMs: number; error: Error }): void;
}

export interface GatewayClient {
  /** Runs a query or mutation; resolves to `data`, or throws `GatewayError` / `TransportError`. */
  request<TResult, TVariables>(document: TypedDocument<TResult, TVariables>, ...args: VariablesArgs<TVariables, RequestOptions>): Promise<TResult>;
  /** Starts a subscription over SSE; returns a function that ends it. */
  subscribe<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    variables: TVariables,
    handlers: SubscriptionHandlers<TResult>,
  ): () => void;
}

interface ExecutionResult {
  data?: unknown;
  errors?: GraphQLErrorEntry[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createClient(options: ClientOptions): GatewayClient {
  const { transport, auth } = options;
  const initialDelay = options.reconnect?.initialDelayMs ?? 1_000;
  const maxDelay = options.reconnect?.maxDelayMs ?? 30_000;
  const maxAttempts = options.reconnect?.maxAttempts ?? Infinity;

  function body(document: object, variables: unknown): string {
    const hash = hashOf(document);
    const extensions = hash ? { persistedQuery: { version: 1, sha256Hash: hash } } : undefined;
    if (options.persistedOperations) {
      if (!hash) throw new TypeError('persistedOperations is on but this document has no __meta__.hash: turn on persistedDocuments in codegen.');
      return JSON.stringify({ variables, extensions });
    }
    return JSON.stringify({ query: textOf(document, options.print), variables, extensions });
  }

  async function prepare(document: object, variables: unknown, accept: string, extra?: Record<string, string>) {
    const credentials = auth ? await auth.credentials() : undefined;
    const request: HttpRequest = {
      url: options.url,
      headers: { 'content-type': 'application/json', accept, ...options.headers, ...credentials?.headers, ...extra },
      body: body(document, variables),
    };
    return { request, token: credentials?.token };
  }

  function parse(status: number, text: string): ExecutionResult {
    try {
      const parsed = JSON.parse(text) as ExecutionResult;
      if (parsed && typeof parsed === 'object' && ('data' in parsed || 'errors' in parsed)) return parsed;
    } catch {
      // not JSON: reported below
    }
    throw new TransportError(`The gateway answered HTTP ${status} without a GraphQL result.`, status);
  }

  const unauthenticated = (errors: GraphQLErrorEntry[] | undefined) => !!errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED');

  async function request<TResult>(document: object, variables?: unknown, requestOptions: RequestOptions = {}): Promise<TResult> {
    for (let attempt = 0; ; attempt++) {
      const { request: req, token } = await prepare(document, variables, 'application/graphql-response+json, application/json', requestOptions.headers);
      const response = await transport.send({ ...req, signal: requestOptions.signal });
      const result = parse(response.status, response.body);
      // A session that ended: sign in once more and send the call once more. Nothing ran: the
      // gateway refuses an unauthenticated field before resolving it.
      if (attempt === 0 && token !== undefined && auth && unauthenticated(result.errors) && (await auth.renew(token))) continue;
      if (result.errors?.length) throw new GatewayError(result.errors, result.data as TResult | null | undefined, response.status);
      return result.data as TResult;
    }
  }

  function subscribe<TResult>(document: object, variables: unknown, handlers: SubscriptionHandlers<TResult>): () => void {
    let stopped = false;
    let handle: StreamHandle | undefined;
    let failures = 0;
    let renewed = false;

    async function run(): Promise<void> {
      while (!stopped) {
        let outcome: { kind: 'complete' } | { kind: 'errors'; error: GatewayError; token?: string } | { kind: 'dropped'; error: Error };
        let token: string | undefined;
        try {
          const prepared = await prepare(document, variables, 'text/event-stream');
          token = prepared.token;
          let status = 0;
          let completed = false;
          let failed: GatewayError | undefined;
          let plain = '';
          let streaming = false;
          const push = createSseParser((event) => {
            if (event.event === 'complete') {
              completed = true;
              return;
            }
            if (!event.data) return;
            const result = JSON.parse(event.data) as ExecutionResult;
            if (result.errors?.length) {
              failed = new GatewayError(result.errors, result.data, status);
              handle?.abort();
              return;
            }
            renewed = false;
            handlers.next(result.data as TResult);
          });
          handle = transport.stream(prepared.request, {
            head(code, headers) {
              status = code;
              streaming = (headers['content-type'] ?? '').includes('text/event-stream');
              if (streaming && code === 200) {
                failures = 0;
                handlers.connected?.();
              }
            },
            chunk(text) {
              if (streaming) push(text);
              else plain += text;
            },
          });
          await handle.done;
          if (stopped) return;
          if (!streaming) {
            // Refused before streaming started (e.g. 401/400 with a JSON body).
            const result = parse(status, plain);
            failed = new GatewayError(result.errors ?? [{ message: `HTTP ${status}` }], result.data, status);
          }
          outcome = failed ? { kind: 'errors', error: failed, token } : completed ? { kind: 'complete' } : { kind: 'dropped', error: new TransportError('The event stream ended.', status) };
        } catch (error) {
          if (stopped) return;
          outcome = error instanceof GatewayError ? { kind: 'errors', error } : { kind: 'dropped', error: error as Error };
        }

        if (outcome.kind === 'complete') {
          handlers.complete?.();
          return;
        }
        let delay: number;
        if (outcome.kind === 'errors') {
          const { error } = outcome;
          if (error.has('UNAUTHENTICATED') && auth && token !== undefined && !renewed) {
            renewed = true;
            await auth.renew(token);
            continue;
          }
          if (!error.has('RATE_LIMITED') && !error.has('UPSTREAM_UNAVAILABLE') && !error.has('STORE_UNAVAILABLE')) {
            handlers.error?.(error);
            return;
          }
          delay = (error.retryAfter ?? 0) * 1000 || backoff(failures);
        } else delay = backoff(failures);
        failures += 1;
        if (failures > maxAttempts) {
          handlers.error?.(outcome.error);
          return;
        }
        handlers.reconnecting?.({ attempt: failures, delayMs: delay, error: outcome.error });
        await sleep(delay);
      }
    }

    const backoff = (failed: number) => {
      const ceiling = Math.min(maxDelay, initialDelay * 2 ** failed);
      return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
    };

    void run().catch((error: unknown) => handlers.error?.(error as Error));
    return () => {
      stopped = true;
      handle?.abort();
    };
  }

  return {
    request: (document, ...args) => request(document, args[0], args[1]),
    subscribe,
  };
}

/** A trusted backend's API key (Node services; never ship one to a browser or mini program). */
export function apiKeyAuth(key: string): Authenticator {
  return { credentials: async () => ({ headers: { 'x-api-key': key } }), renew: async () => false };
}
