import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Dispatcher } from 'undici';
import type { Config } from '../config/index.ts';
import type { Services } from '../graphql/context.ts';
import { createApiKeyResolver } from '../graphql/principal.ts';
import { createOAQRCodes } from '../services/oa-qrcodes.ts';
import { createPublisherStats } from '../services/publisher-stats.ts';
import { createTemplateMessages } from '../services/template-messages.ts';
import { createEventBus } from '../store/event-bus.ts';
import { createSessionStore, createStore } from '../store/index.ts';
import { createAppClient } from '../wechat/client.ts';
import type { PushEvent } from '../wechat/events.ts';
import { createWeChatHttp, type CallEvent } from '../wechat/http.ts';
import { createTokenManager } from '../wechat/token.ts';
import { createGraphQLServer } from './graphql-server.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics, withRequestLog, type Metrics } from './observability.ts';
import { createRoutes } from './routes.ts';
import { createWebhook } from './webhook.ts';

export interface GatewayOptions {
  logger?: Logger;
  /** Swap the upstream dispatcher (tests). */
  dispatcher?: Dispatcher;
  onUpstreamCall?: (event: CallEvent) => void;
  /** Backoff base between read retries; tests shorten it. */
  backoffMs?: number;
}

export interface Gateway {
  server: Server;
  services: Services;
  logger: Logger;
  metrics: Metrics;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** Composition root: builds every long-lived service once and wires the HTTP routes. */
export async function createGateway(config: Config, options: GatewayOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const store = await createStore({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    onError: (error) => logger.warn({ err: error.message }, 'store error'),
  });
  const http = createWeChatHttp({
    baseUrl: config.apiBase,
    connectTimeoutMs: config.upstream.connectTimeoutMs,
    timeoutMs: config.upstream.timeoutMs,
    dispatcher: options.dispatcher,
    backoffMs: options.backoffMs,
    onCall: (event) => {
      metrics.upstreamCall(event);
      options.onUpstreamCall?.(event);
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
  const clients = new Map(config.apps.map((app) => [app.id, createAppClient(app, http, tokens)]));
  const events = await createEventBus<PushEvent>({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    onError: (error) => logger.warn({ err: error.message }, 'event bus error'),
  });
  const services: Services = {
    config,
    store,
    sessions: createSessionStore(store, config.sessionTtlSeconds),
    tokens,
    clients,
    resolveApiKey: createApiKeyResolver(config.apiKeys),
    events,
    oaQRCodes: createOAQRCodes({ store, mpBase: config.mpBase, leaseMs: config.requestDeadlineMs }),
    templateMessages: createTemplateMessages({ store, requestDeadlineMs: config.requestDeadlineMs }),
    publisherStats: createPublisherStats({ store }),
  };

  const yoga = withRequestLog(logger, metrics, 'graphql', createGraphQLServer(services, logger, metrics));
  const webhook = createWebhook({ services, logger });
  const routes = createRoutes({ yoga, services, webhook, metrics });
  const server = createServer(routes);
  // Node never counts a connection that has not sent a request as idle, so close() would wait
  // for clients' spare keep-alive sockets (undici opens them) until the clients drop them.
  const unused = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  server.on('request', (req) => unused.delete(req.socket));

  return {
    server,
    services,
    logger,
    metrics,
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    async close() {
      // Ends open subscriptions first, so their SSE responses finish and the server can close.
      await events.close();
      await new Promise<void>((resolve) => {
        // Responses still finishing (the ended subscriptions) leave keep-alive connections behind.
        const closeIdle = () => {
          server.closeIdleConnections();
          for (const socket of unused) socket.destroy();
        };
        const sweep = setInterval(closeIdle, 25);
        server.close(() => {
          clearInterval(sweep);
          resolve();
        });
        closeIdle();
      });
      await http.close();
      await store.close();
    },
  };
}
