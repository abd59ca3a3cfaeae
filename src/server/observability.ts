import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Context } from '../graphql/context.ts';
import type { Store } from '../store/index.ts';
import type { CallEvent } from '../wechat/http.ts';
import type { Logger } from './logger.ts';

/** What one HTTP request did, gathered across its async work. */
export interface RequestScope {
  upstreamCalls: number;
  operation?: string;
  caller?: string;
  errors: number;
}

const scopes = new AsyncLocalStorage<RequestScope>();

export type Metrics = ReturnType<typeof createMetrics>;

const MAX_OPERATION_LABELS = 500;

/** Prometheus figures at /metrics. Labels are bounded: endpoint names and errcodes, never ids. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'wgql_' });
  const registers = [registry];
  const requests = new Counter({
    name: 'wgql_graphql_requests_total',
    help: 'GraphQL operations executed, by operation name and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    registers,
  });
  const requestSeconds = new Histogram({
    name: 'wgql_http_request_duration_seconds',
    help: 'HTTP request duration by route.',
    labelNames: ['route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const upstream = new Counter({
    name: 'wgql_upstream_calls_total',
    help: 'Calls to WeChat, by endpoint, outcome (ok, errcode, transport) and errcode.',
    labelNames: ['endpoint', 'outcome', 'errcode'] as const,
    registers,
  });
  const upstreamSeconds = new Histogram({
    name: 'wgql_upstream_call_duration_seconds',
    help: 'Duration of calls to WeChat, by endpoint.',
    labelNames: ['endpoint'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const tokenRefreshes = new Counter({
    name: 'wgql_token_refreshes_total',
    help: 'Access tokens fetched from WeChat, by appid.',
    labelNames: ['appid'] as const,
    registers,
  });
  // Client-chosen operation names become labels: keep the first few hundred, fold the rest.
  const operationLabels = new Set<string>();
  // prom-client hashes a label object on every call; per-request series are bound once instead.
  const operationCounters = new Map<string, { inc(): void }>();
  const routeHistograms = new Map<string, { observe(value: number): void }>();
  // Network trouble with WeChat (not errcodes, which are answers): /readyz reports it.
  let transportFailuresInARow = 0;
  let lastAnswerAt: number | undefined;
  return {
    registry,
    /** Counts lookups of every store namespace, read when Prometheus scrapes. */
    watchStore(store: Store) {
      new Gauge({
        name: 'wgql_store_lookups',
        help: 'Store (cache) lookups since start, by namespace and result (hit or miss).',
        labelNames: ['namespace', 'result'] as const,
        registers,
        collect() {
          for (const { namespace, hits, misses } of store.lookups()) {
            this.set({ namespace, result: 'hit' }, hits);
            this.set({ namespace, result: 'miss' }, misses);
          }
        },
      });
    },
    upstreamHealth: () => ({ ok: transportFailuresInARow < 5, transportFailuresInARow, lastAnswerAt: lastAnswerAt && new Date(lastAnswerAt).toISOString() }),
    upstreamCall(event: CallEvent) {
      if (event.outcome === 'transport') transportFailuresInARow += 1;
      else {
        transportFailuresInARow = 0;
        lastAnswerAt = Date.now();
      }
      upstream.inc({ endpoint: event.endpoint, outcome: event.outcome, errcode: String(event.errcode ?? '') });
      upstreamSeconds.observe({ endpoint: event.endpoint }, event.durationMs / 1000);
      const scope = scopes.getStore();
      if (scope) scope.upstreamCalls += 1;
    },
    tokenRefresh: (appid: string) => tokenRefreshes.inc({ appid }),
    operation: (operation: string, outcome: 'ok' | 'error') => labelled(operationCounters, `${outcome}:${operation}`, () => requests.labels({ operation, outcome })).inc(),
    /** The label for a client-chosen operation name: itself among the first 500 seen, `other` after. */
    operationLabel(name: string): string {
      if (operationLabels.has(name)) return name;
      if (operationLabels.size >= MAX_OPERATION_LABELS) return 'other';
      operationLabels.add(name);
      return name;
    },
    httpRequest: (route: string, seconds: number) => labelled(routeHistograms, route, () => requestSeconds.labels({ route })).observe(seconds),
  };
}

function labelled<T>(cache: Map<string, T>, key: string, bind: () => T): T {
  let child = cache.get(key);
  if (!child) cache.set(key, (child = bind()));
  return child;
}

function describeCaller(context: Context): string {
  const principal = context.principal;
  if (!principal) return 'anonymous';
  return principal.kind === 'apiKey' ? `key:${principal.name}` : `user:${principal.session.app}`;
}

/** Records the operation and caller of each GraphQL execution into the request's scope. */
export function useRequestScope(metrics: Metrics): Plugin<Context> {
  return {
    onExecute({ args }) {
      const scope = scopes.getStore();
      const operation = metrics.operationLabel(getOperationAST(args.document, args.operationName)?.name?.value ?? 'anonymous');
      if (scope) {
        scope.operation = operation;
        scope.caller = describeCaller(args.contextValue as Context);
      }
      return {
        onExecuteDone({ result }) {
          const failed = 'errors' in result && !!result.errors?.length;
          if (scope && failed) scope.errors += (result as { errors: unknown[] }).errors.length;
          metrics.operation(operation, failed ? 'error' : 'ok');
        },
      };
    },
  };
}

/** Runs one HTTP request inside a scope and writes one log line when it ends. */
export function withRequestLog(logger: Logger, metrics: Metrics, route: string, handle: (req: IncomingMessage, res: ServerResponse) => unknown) {
  // The request line carries only the fields below, none of them a secret, so it skips the
  // redaction by key that every other line gets: that search cost 7x the line itself.
  const requestLog = logger.child({}, { redact: { paths: [] } });
  return (req: IncomingMessage, res: ServerResponse) => {
    const scope: RequestScope = { upstreamCalls: 0, errors: 0 };
    const started = performance.now();
    res.once('close', () => {
      const seconds = (performance.now() - started) / 1000;
      metrics.httpRequest(route, seconds);
      requestLog.info(
        {
          route,
          method: req.method,
          status: res.statusCode,
          operation: scope.operation,
          caller: scope.caller,
          upstreamCalls: scope.upstreamCalls,
          errors: scope.errors,
          durationMs: Math.round(seconds * 1000),
        },
        'request',
      );
    });
    return scopes.run(scope, () => handle(req, res));
  };
}
