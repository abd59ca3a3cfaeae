import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Dispatcher } from 'undici';
import type { Config } from '../config/index.ts';
import type { Services } from '../graphql/context.ts';
import { createApiKeyResolver } from '../graphql/principal.ts';
import { createLocalDelivery } from '../services/local-delivery.ts';
import { createLogistics } from '../services/logistics.ts';
import { createOcr } from '../services/ocr.ts';
import { createAnalyticsReports } from '../services/analytics-reports.ts';
import { createContentSecurity } from '../services/content-security.ts';
import { createMessageSender } from '../services/message-sender.ts';
import { createQRCodes } from '../services/qr-codes.ts';
import { createUploads } from '../services/uploads.ts';
import { createWebAuth } from '../services/web-auth.ts';
import { createOAQRCodes } from '../services/oa-qrcodes.ts';
import { createPublisherStats } from '../services/publisher-stats.ts';
import { createTemplateMessages } from '../services/template-messages.ts';
import { createEventBus } from '../store/event-bus.ts';
import { createSessionStore, createStore } from '../store/index.ts';
import { createRateLimiters } from '../store/rate-limit.ts';
import { createAppClient } from '../wechat/client.ts';
import type { PushEvent } from '../wechat/events.ts';
import { createWeChatHttp, type CallEvent } from '../wechat/http.ts';
import { createUpstreamLimits } from '../wechat/limits.ts';
import { createTokenManager } from '../wechat/token.ts';
import { createCallerLimits } from './caller-limits.ts';
import type { GraphiQLOptions } from './graphiql.ts';
import { createGraphQLServer } from './graphql-server.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics, withRequestLog, type Metrics } from './observability.ts';
import { createRoutes, metricsRoute } from './routes.ts';
import type { Tracing } from './tracing.ts';
import { createWebhook } from './webhook.ts';

export interface GatewayOptions {
  logger?: Logger;
  /** Swap the upstream dispatcher (tests). */
  dispatcher?: Dispatcher;
  onUpstreamCall?: (event: CallEvent) => void;
  /** Backoff base between read retries; tests shorten it. */
  backoffMs?: number;
  /** GraphiQL's tabs and headers (development: example operations with the dev API key). */
  graphiql?: GraphiQLOptions;
  /** The clock numbering rate-limit windows (default `Date.now`); tests hold it still. */
  clock?: () => number;
  /** OpenTelemetry (main.ts loads it only when configured); absent, nothing is traced and nothing wrapped. */
  tracing?: Tracing;
}

export interface Gateway {
  server: Server;
  services: Services;
  logger: Logger;
  metrics: Metrics;
  /** /metrics alone, when METRICS_PORT is set. */
  metricsServer?: Server;
  listen(port?: number, host?: string): Promise<string>;
  /** True once close() began: /readyz answers 503. */
  readonly draining: boolean;
  /** Stops taking work: readiness 503 at once, in-flight requests finish (up to `timeoutMs`), then everything closes. */
  close(timeoutMs?: number): Promise<void>;
}

/** Composition root: builds every long-lived service once and wires the HTTP routes. */
export async function createGateway(config: Config, options: GatewayOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const tracing = options.tracing;
  const untracedStore = await createStore({
    ...config.store,
    prefix: config.redisPrefix,
    onError: (error) => logger.warn({ err: error.message }, 'store error'),
  });
  const store = tracing ? tracing.wrapStore(untracedStore) : untracedStore;
  const http = createWeChatHttp({
    baseUrl: config.apiBase,
    connectTimeoutMs: config.upstream.connectTimeoutMs,
    timeoutMs: config.upstream.timeoutMs,
    dispatcher: options.dispatcher,
    backoffMs: options.backoffMs,
    onCall: (event) => {
      metrics.upstreamCall(event);
      options.onUpstreamCall?.(event);
      tracing?.upstreamCall(event);
      logger.debug(event, 'upstream call');
    },
  });
  metrics.watchStore(store);
  const tokens = createTokenManager({
    http,
    store,
    source: config.tokenSource,
    callTimeoutMs: config.upstream.timeoutMs,
    log: logger,
    onRefresh: metrics.tokenRefresh,
  });
  const limiters = createRateLimiters(store, { now: options.clock });
  const upstreamLimits = createUpstreamLimits(limiters);
  const clients = new Map(config.apps.map((app) => [app.id, createAppClient(app, http, tokens, upstreamLimits)]));
  const events = await createEventBus<PushEvent>({
    redis: store.redis,
    prefix: config.redisPrefix,
    onError: (error) => logger.warn({ err: error.message }, 'event bus error'),
  });
  const sessions = createSessionStore(store, config.sessionTtlSeconds);
  const uploads = createUploads();
  const services: Services = {
    config,
    store,
    sessions,
    tokens,
    clients,
    resolveApiKey: createApiKeyResolver(config.apiKeys),
    events,
    ocr: createOcr({ uploads }),
    logistics: createLogistics({ store, config }),
    localDelivery: createLocalDelivery({ store, config }),
    qrCodes: createQRCodes({ store, unlimitedCacheSeconds: config.qrcodeUnlimitedCacheSeconds, leaseMs: config.requestDeadlineMs }),
    uploads,
    messageSender: createMessageSender({ store, uploads, requestDeadlineMs: config.requestDeadlineMs }),
    contentSecurity: createContentSecurity({ limiters, uploads }),
    analyticsReports: createAnalyticsReports({ store }),
    webAuth: createWebAuth({ store, sessions }),
    oaQRCodes: createOAQRCodes({ store, mpBase: config.mpBase, leaseMs: config.requestDeadlineMs }),
    templateMessages: createTemplateMessages({ store, requestDeadlineMs: config.requestDeadlineMs }),
    publisherStats: createPublisherStats({ store }),
  };

  const callerLimits = createCallerLimits(limiters, config.rateLimits);
  const graphql = createGraphQLServer(services, callerLimits, logger, metrics, tracing ? [tracing.plugin()] : [], options.graphiql);
  const yoga = withRequestLog(logger, metrics, 'graphql', tracing ? tracing.traceRequest('graphql', graphql) : graphql);
  const webhook = createWebhook({ services, logger });
  let draining = false;
  const routes = createRoutes({ yoga, services, callerLimits, webhook, metrics, draining: () => draining });
  // Requests being answered; on shutdown the listener stays open (so /readyz can say 503) until they end.
  let inFlight = 0;
  let onIdle: (() => void) | undefined;
  const server = createServer((req, res) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) onIdle?.();
    });
    if (draining) res.setHeader('connection', 'close');
    return routes(req, res);
  });
  // Node never counts a connection that has not sent a request as idle, so close() would wait
  // for clients' spare keep-alive sockets (undici opens them) until the clients drop them.
  const unused = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  server.on('request', (req) => unused.delete(req.socket));
  const metricsServer = config.metricsPort === undefined ? undefined : createServer(metricsRoute(metrics));

  return {
    server,
    services,
    logger,
    metrics,
    metricsServer,
    async listen(port = config.port, host = config.host) {
      if (metricsServer) await new Promise<void>((resolve, reject) => metricsServer.once('error', reject).listen(config.metricsPort, host, resolve));
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    get draining() {
      return draining;
    },
    async close(timeoutMs = config.shutdownTimeoutMs) {
      // /readyz answers 503 from now on, so load balancers stop sending new work here.
      draining = true;
      const deadline = Date.now() + timeoutMs;
      // Ends open subscriptions first, so their SSE responses finish and the server can close.
      await events.close();
      // In-flight requests finish; the listener stays open meanwhile (readiness probes connect anew).
      if (inFlight > 0 && server.listening)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
          onIdle = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      const cut = inFlight;
      await new Promise<void>((resolve) => {
        // Responses still finishing (the ended subscriptions) leave keep-alive connections behind.
        const closeIdle = () => {
          server.closeIdleConnections();
          for (const socket of unused) socket.destroy();
          if (Date.now() >= deadline) server.closeAllConnections();
        };
        const sweep = setInterval(closeIdle, 25);
        if (!server.listening) {
          clearInterval(sweep);
          return resolve();
        }
        server.close(() => {
          clearInterval(sweep);
          resolve();
        });
        closeIdle();
      });
      if (cut > 0) logger.warn({ requests: cut, shutdownTimeoutMs: timeoutMs }, 'shutdown timeout: cut requests still in flight');
      if (metricsServer?.listening) await new Promise((resolve) => metricsServer.close(resolve).closeAllConnections());
      await http.close();
      await store.close();
    },
  };
}
