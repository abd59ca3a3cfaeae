import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../graphql/context.ts';
import { createMediaHandler } from './media.ts';
import type { Webhook } from './webhook.ts';

interface RouteDeps {
  yoga: (req: IncomingMessage, res: ServerResponse) => unknown;
  services: Services;
  webhook: Webhook;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Plain HTTP routes beside GraphQL: health, readiness (webhook and media join later). */
export function createRoutes({ yoga, services, webhook }: RouteDeps) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/graphql') return yoga(req, res);
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path?.startsWith('/wechat/')) return void webhook(req, res, path.slice('/wechat/'.length));
    if (path?.startsWith('/media/')) return void createMediaHandler(services.store)(req, res, path.slice('/media/'.length));
    if (path === '/readyz') {
      void services.store.health().then((store) => {
        const degraded = services.tokens.degraded || !store.ok;
        // Degraded shared state still serves (tokens from this process), so readiness stays 200 but says so.
        sendJson(res, 200, {
          status: degraded ? 'degraded' : 'ok',
          store: { kind: services.store.kind, ok: store.ok, detail: store.detail },
          apps: services.config.apps.map((app) => app.id),
        });
      });
      return;
    }
    if (path === '/') {
      res.writeHead(302, { location: '/graphql' });
      return res.end();
    }
    sendJson(res, 404, { error: 'not found' });
  };
}
