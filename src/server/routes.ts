import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../graphql/context.ts';
import type { CallerLimits } from './caller-limits.ts';
import { clientAddressOf } from './client-address.ts';
import { createGraphQLGuard } from './graphql-guard.ts';
import { createMediaHandler } from './media.ts';
import type { Metrics } from './observability.ts';
import type { Webhook } from './webhook.ts';

interface RouteDeps {
  yoga: (req: IncomingMessage, res: ServerResponse) => unknown;
  services: Services;
  callerLimits: CallerLimits;
  webhook: Webhook;
  metrics: Metrics;
  /** Shutting down: readiness fails so no new work is routed here. */
  draining?: () => boolean;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Plain HTTP routes beside GraphQL: health, readiness, metrics, the push webhook and media. */
export function createRoutes({ yoga, services, callerLimits, webhook, metrics, draining }: RouteDeps) {
  const media = createMediaHandler(services.store);
  const metricsHandler = metricsRoute(metrics);
  const graphql = createGraphQLGuard(callerLimits.anonymous, clientAddressOf(services.config.trustProxy), yoga);
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/graphql') return void graphql(req, res);
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path?.startsWith('/wechat/')) return void webhook(req, res, path.slice('/wechat/'.length));
    if (path?.startsWith('/media/')) return void media(req, res, path.slice('/media/'.length));
    // With METRICS_PORT, /metrics is served there only (see metricsRoute).
    if (path === '/metrics' && services.config.metricsPort === undefined) return metricsHandler(req, res);
    if (path === '/readyz') {
      if (draining?.()) return sendJson(res, 503, { status: 'draining' });
      void services.store.health().then((store) => {
        const upstream = metrics.upstreamHealth();
        const degraded = services.tokens.degraded || !store.ok || !upstream.ok;
        // Degraded still serves (tokens from this process, WeChat errors typed), so readiness stays 200 but says so.
        sendJson(res, 200, {
          status: degraded ? 'degraded' : 'ok',
          store: { kind: services.store.kind, ok: store.ok, detail: store.detail },
          upstream,
          apps: services.config.apps.map((app) => app.id),
        });
      }).catch(() => sendJson(res, 503, { status: 'unavailable' }));
      return;
    }
    if (path === '/') {
      res.writeHead(302, { location: '/graphql' });
      return res.end();
    }
    sendJson(res, 404, { error: 'not found' });
  };
}

/** Prometheus's scrape: on PORT, or alone on METRICS_PORT so it need not be public. */
export function metricsRoute(metrics: Metrics) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if ((req.url ?? '/').split('?')[0] !== '/metrics') return sendJson(res, 404, { error: 'not found' });
    void metrics.registry
      .metrics()
      .then((text) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
        res.end(text);
      })
      .catch(() => sendJson(res, 500, { error: 'metrics unavailable' }));
  };
}
