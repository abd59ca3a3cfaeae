import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN_PREFIX, handleAdmin, type AdminTarget } from './admin.ts';
import { DEFAULT_FAULT_LATENCY_MS, FaultPlan, type FaultRule } from './faults.ts';
import { BodyTooLargeError, parseJsonObject, readBody, send, sendJson } from './http-io.ts';
import { RawReply, type RouteDef } from './route.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { authRoutes } from './routes/auth.ts';
import { linksRoutes } from './routes/links.ts';
import { localDeliveryRoutes } from './routes/local-delivery.ts';
import { logisticsRoutes } from './routes/logistics.ts';
import { oauthRoutes } from './routes/oauth.ts';
import { messagesRoutes } from './routes/messages.ts';
import { ocrRoutes } from './routes/ocr.ts';
import { officialAccountRoutes } from './routes/official-account.ts';
import { opsRoutes } from './routes/ops.ts';
import { qrcodeRoutes } from './routes/qrcode.ts';
import { riskRoutes } from './routes/risk.ts';
import { securityRoutes } from './routes/security.ts';
import { usersRoutes } from './routes/users.ts';
import { opsLedger } from './ops-ledger.ts';
import { DEV_APPS, EmulatorState, type EmulatorApp } from './state.ts';
import { wechatError } from './wechat-errors.ts';

export { DEV_APPS, type EmulatorApp } from './state.ts';
export type { FaultRule } from './faults.ts';

/** Every WeChat route family; adding one is one line here. */
const ROUTE_FAMILIES: RouteDef[][] = [authRoutes, opsRoutes, qrcodeRoutes, linksRoutes, usersRoutes, messagesRoutes, securityRoutes, analyticsRoutes, ocrRoutes, logisticsRoutes, localDeliveryRoutes, riskRoutes, oauthRoutes, officialAccountRoutes];

export interface EmulatorOptions {
  apps?: EmulatorApp[];
  port?: number;
  host?: string;
  tokenTtlSeconds?: number;
  latencyMs?: number;
  faults?: FaultRule[];
  log?: (line: string) => void;
}

export interface Emulator {
  url: string;
  port: number;
  apps: EmulatorApp[];
  close(): Promise<void>;
  calls(): Record<string, number>;
  reset(): void;
  setFaults(rules: FaultRule[]): void;
}

const HTML_503 =
  '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n';

function routeTable(): Map<string, RouteDef> {
  const table = new Map<string, RouteDef>();
  for (const route of ROUTE_FAMILIES.flat()) {
    if (table.has(route.path)) throw new Error(`emulator route registered twice: ${route.path}`);
    table.set(route.path, route);
  }
  return table;
}

function baseUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const apps = options.apps ?? DEV_APPS;
  if (new Set(apps.map((app) => app.appid)).size !== apps.length) throw new Error('emulator apps: duplicate appid');
  const state = new EmulatorState(apps, { tokenTtlSeconds: options.tokenTtlSeconds ?? 7200 });
  const faults = new FaultPlan(options.faults ?? []);
  const routes = routeTable();
  const counts = new Map<string, number>();
  const latencyMs = options.latencyMs ?? 0;
  const log = options.log ?? (() => {});
  const closing = new AbortController();
  // Every delayed answer listens on this one signal; many at once is normal, not a leak.
  setMaxListeners(0, closing.signal);

  const target: AdminTarget = {
    state,
    calls: () => Object.fromEntries(counts),
    faults: () => faults.rules(),
    setFaults: (rules) => faults.replace(rules),
    reset: () => {
      counts.clear();
      state.reset();
      faults.replace([]);
    },
  };

  async function wechat(route: RouteDef, url: URL, req: IncomingMessage, res: ServerResponse): Promise<string> {
    counts.set(route.path, (counts.get(route.path) ?? 0) + 1);
    const fault = faults.next(route.path);
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return 'reset';
    }
    // The request arrives in full before a slow answer: a client that stops waiting has still sent it.
    const body = readBody(req);
    body.catch(() => {});
    const delay = latencyMs + (fault?.kind === 'latency' ? (fault.latencyMs ?? DEFAULT_FAULT_LATENCY_MS) : 0);
    if (delay > 0) await sleep(delay, undefined, { signal: closing.signal });
    if (fault?.kind === 'http5xx') {
      send(res, 503, 'text/html', HTML_503);
      return 'http5xx';
    }
    const started = Date.now();
    const reply = await answer(route, url, req, body, fault?.kind);
    opsLedger(state).count(route.path);
    if (!(reply instanceof RawReply)) rememberRid(route.path, url, reply, started);
    if (reply instanceof RawReply) {
      send(res, reply.status, reply.contentType, reply.body, reply.headers);
      return String(reply.status);
    }
    sendJson(res, 200, reply);
    return 'errcode' in reply && reply.errcode ? `errcode ${String(reply.errcode)}` : '200';
  }

  // Failures carry ` rid: ...`; cgi-bin/openapi/rid/get reads them back.
  function rememberRid(path: string, url: URL, reply: object, started: number) {
    const errmsg = (reply as { errmsg?: unknown }).errmsg;
    const found = typeof errmsg === 'string' ? / rid: (\S+)$/.exec(errmsg)?.[1] : undefined;
    if (!found) return;
    const query = new URLSearchParams(url.searchParams);
    query.delete('access_token');
    query.delete('secret');
    const requestUrl = `/${path}${query.size ? `?${query}` : ''}`;
    opsLedger(state).remember(found, { invokeTime: Math.floor(started / 1000), costMs: Date.now() - started, requestUrl, responseBody: JSON.stringify(reply) });
  }

  async function answer(route: RouteDef, url: URL, req: IncomingMessage, body: Promise<Buffer>, fault: string | undefined) {
    if (fault === 'busy') return wechatError('systemBusy');
    if (fault === 'quota') return wechatError('dailyQuota');
    if (route.method === 'POST' && req.method !== 'POST') return wechatError('requirePost');
    const rawBody = await body;
    const base = { method: req.method ?? 'GET', query: url.searchParams, json: {}, rawBody, headers: req.headers, state };
    if (route.auth === 'access_token') {
      const app = state.verifyToken(url.searchParams.get('access_token'));
      if (!app.ok) return wechatError(app.error);
      if (route.kinds && !route.kinds.includes(app.value.kind)) return wechatError('apiUnauthorized');
      const json = jsonBody(route, rawBody);
      return json ? route.handle({ ...base, json, app: app.value }) : wechatError('dataFormat');
    }
    const json = jsonBody(route, rawBody);
    return json ? route.handle({ ...base, json }) : wechatError('dataFormat');
  }

  function jsonBody(route: RouteDef, rawBody: Buffer): Record<string, unknown> | undefined {
    if (route.method !== 'POST' || route.bodyFormat === 'raw') return {};
    return parseJsonObject(rawBody);
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const path = url.pathname.replace(/^\/+/, '');
    let outcome: string;
    try {
      if (path.startsWith(ADMIN_PREFIX)) {
        await handleAdmin(target, path, req, res);
        outcome = String(res.statusCode);
      } else {
        const route = routes.get(path);
        if (route) outcome = await wechat(route, url, req, res);
        else {
          sendJson(res, 404, { errcode: 404, errmsg: 'not found' });
          outcome = '404';
        }
      }
    } catch (error) {
      if (closing.signal.aborted) {
        res.destroy();
        return;
      }
      if (error instanceof BodyTooLargeError) {
        send(res, 413, 'application/json', JSON.stringify({ errcode: 47001, errmsg: error.message }), {
          connection: 'close',
        });
        outcome = '413';
      } else {
        sendJson(res, 500, wechatError('systemBusy'));
        outcome = `500 ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    // Only the path: queries carry secrets and tokens.
    log(`${req.method ?? '?'} /${path} -> ${outcome} (${Date.now() - started} ms)`);
  }

  const server = createServer((req, res) => void dispatch(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: baseUrl(options.host ?? '127.0.0.1', port),
    port,
    apps: state.apps.map((app) => ({ ...app })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    calls: target.calls,
    reset: target.reset,
    setFaults: target.setFaults,
  };
}
