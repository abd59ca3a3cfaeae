import type { IncomingMessage, ServerResponse } from 'node:http';
import { SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Store } from '../store/index.ts';
import type { CallEvent } from '../wechat/http.ts';

/**
 * OpenTelemetry tracing, loaded by main.ts only when OTEL_EXPORTER_OTLP_ENDPOINT is set: one trace
 * per /graphql request, named after its operation, with a child span per WeChat call and per store
 * round-trip. Spans carry endpoint names, errcodes, attempts and namespaces, never keys, tokens,
 * secrets, openids, variables or bodies.
 */
export interface Tracing {
  /** Runs one HTTP request inside its own active span. */
  traceRequest(route: string, handle: (req: IncomingMessage, res: ServerResponse) => unknown): (req: IncomingMessage, res: ServerResponse) => unknown;
  /** Names the request's span after the GraphQL operation and records its outcome. */
  plugin(): Plugin;
  /** A finished WeChat call, reported by the HTTP client. */
  upstreamCall(event: CallEvent): void;
  /** The same store, with a span around every keyv operation and lock. */
  wrapStore(store: Store): Store;
  shutdown(): Promise<void>;
}

const SERVICE_NAME = 'wechat-graphql';

/** From the environment: OTLP over HTTP (the exporter reads OTEL_EXPORTER_OTLP_* itself), batched. */
export function startTracing(): Tracing {
  return createTracing({ exporter: new OTLPTraceExporter(), batch: true });
}

export function createTracing(options: { exporter: SpanExporter; batch?: boolean }): Tracing {
  const processor = options.batch ? new BatchSpanProcessor(options.exporter) : new SimpleSpanProcessor(options.exporter);
  const provider = new NodeTracerProvider({
    // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES override the default name.
    resource: resourceFromAttributes({ 'service.name': SERVICE_NAME }).merge(detectResources({ detectors: [envDetector] })),
    spanProcessors: [processor],
  });
  // Installs the AsyncLocalStorage context manager, so spans started in resolvers find their request.
  provider.register();
  const tracer = provider.getTracer(SERVICE_NAME);
  return {
    traceRequest: (route, handle) => (req, res) =>
      tracer.startActiveSpan(`${req.method ?? 'HTTP'} /${route}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? '', 'http.route': `/${route}` } }, (span) => {
        res.once('close', () => {
          span.setAttribute('http.response.status_code', res.statusCode);
          if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        });
        return handle(req, res);
      }),
    plugin: () => ({
      onExecute({ args }) {
        const span = trace.getActiveSpan();
        if (!span) return;
        const operation = getOperationAST(args.document, args.operationName);
        const type = operation?.operation ?? 'query';
        const name = operation?.name?.value;
        span.updateName(name ? `${type} ${name}` : type);
        span.setAttributes({ 'graphql.operation.type': type, ...(name ? { 'graphql.operation.name': name } : {}) });
        return {
          onExecuteDone({ result }) {
            const errors = 'errors' in result ? (result.errors?.length ?? 0) : 0;
            if (errors) {
              span.setAttribute('graphql.errors', errors);
              const codes = [...new Set((result as { errors: { extensions?: { code?: unknown } }[] }).errors.map((e) => String(e.extensions?.code ?? 'INTERNAL')))];
              span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
            }
          },
        };
      },
    }),
    upstreamCall(event) {
      const span = tracer.startSpan(`wechat ${event.endpoint}`, {
        kind: SpanKind.CLIENT,
        startTime: Date.now() - event.durationMs,
        attributes: {
          'wechat.endpoint': event.endpoint,
          'wechat.attempt': event.attempt,
          'wechat.outcome': event.outcome,
          ...(event.errcode === undefined ? {} : { 'wechat.errcode': event.errcode }),
        },
      });
      if (event.outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: event.errcode === undefined ? event.outcome : `errcode ${event.errcode}` });
      span.end();
    },
    wrapStore: (store) => traceStore(store, tracer),
    shutdown: () => provider.shutdown(),
  };
}

/** keyv calls that reach the backing store. */
const KEYV_OPERATIONS = new Set(['get', 'getMany', 'getRaw', 'getManyRaw', 'set', 'setMany', 'setRaw', 'delete', 'deleteMany', 'has', 'hasMany', 'clear']);

function inSpan<T>(tracer: Tracer, name: string, attributes: Record<string, string>, run: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span: Span) => {
    try {
      return await run();
    } catch (error) {
      // The error's name only: store messages can quote keys.
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).name });
      throw error;
    } finally {
      span.end();
    }
  });
}

function traceStore(store: Store, tracer: Tracer): Store {
  const spaces = new Map<string, unknown>();
  const system = { 'db.system.name': store.kind };
  return new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property === 'namespace')
        return (name: string) => {
          let traced = spaces.get(name);
          if (!traced) spaces.set(name, (traced = traceKeyv(target.namespace(name), name, store.kind, tracer)));
          return traced;
        };
      if (property === 'tryLock')
        return (key: string, leaseMs: number) => inSpan(tracer, 'store lock', { ...system, 'db.operation.name': 'lock' }, () => target.tryLock(key, leaseMs));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function traceKeyv<T extends object>(keyv: T, namespace: string, kind: string, tracer: Tracer): T {
  return new Proxy(keyv, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      if (typeof property === 'string' && KEYV_OPERATIONS.has(property))
        return (...args: unknown[]) =>
          inSpan(tracer, `store ${property} ${namespace}`, { 'db.system.name': kind, 'db.operation.name': property, 'db.namespace': namespace }, () =>
            Promise.resolve((value as (...a: unknown[]) => unknown).apply(target, args)),
          );
      return value.bind(target);
    },
  });
}
