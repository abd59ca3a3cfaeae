import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/config/index.ts';
import { buildPushRequest, pushStamp, type PushMode } from '../../src/emulator/push.ts';
import { wechatSignature } from '../../src/emulator/push-wire.ts';
import { AppsDocument, LoginDocument, MeDocument, WebLoginDocument } from '../gql/graphql.ts';
import { registerSecret } from '../helpers/leak-scan.ts';
import { bearer, errorCodes, mintCode, startStack, type Stack } from '../helpers/stack.ts';

/** Issue 14's defects, each probed over real HTTP as an outsider would. */

let stack: Stack | undefined;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await stack?.close();
  stack = undefined;
});

const gql = (s: Stack) => `${s.instances[0]!.url}/graphql`;

/** A body sent `Transfer-Encoding: chunked` (no Content-Length), `total` bytes in 64 KiB pieces. */
function chunked(head: string, total: number, tail: string): AsyncIterable<Uint8Array> {
  return (async function* () {
    yield new TextEncoder().encode(head);
    const piece = new Uint8Array(64 * 1024).fill(0x61);
    for (let sent = 0; sent < total; sent += piece.length) yield piece;
    yield new TextEncoder().encode(tail);
  })();
}

const postChunked = (url: string, body: AsyncIterable<Uint8Array>, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', headers, body: body as unknown as BodyInit, duplex: 'half' } as RequestInit);

describe('1. /graphql bodies are capped by the bytes read, and anonymous callers are charged first', () => {
  it('refuses a chunked 5 MB body with 413, as it refuses one that announces its length', async () => {
    stack = await startStack();
    const headers = { 'content-type': 'application/json', 'x-api-key': stack.keys.admin };
    const announced = await fetch(gql(stack), { method: 'POST', headers, body: `{"query":"{ __typename }","variables":{"pad":"${'a'.repeat(5 * 1024 * 1024)}"}}` });
    expect(announced.status).toBe(413);
    const response = await postChunked(gql(stack), chunked('{"query":"{ __typename }","variables":{"pad":"', 5 * 1024 * 1024, '"}}'), headers);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    // Under the cap, chunked still works.
    const small = await postChunked(gql(stack), chunked('{"query":"{ __typename }","variables":{"pad":"', 64 * 1024, '"}}'), headers);
    expect(await small.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('charges an anonymous caller before reading the body, so unparseable bodies count too', async () => {
    stack = await startStack({ env: { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '2' } });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(gql(stack), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      statuses.push(response.status);
      if (i === 2) {
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(errorCodes(await response.json())).toEqual(['RATE_LIMITED']);
      } else await response.arrayBuffer();
    }
    expect(statuses).toEqual([400, 400, 429]);
  });

  it('holds multipart requests to the form-data limits', async () => {
    stack = await startStack();
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: '{ __typename }' }));
    form.set('map', '{}');
    for (let i = 0; i < 30; i++) form.set(`extra${i}`, 'x');
    const response = await fetch(gql(stack), { method: 'POST', headers: { 'x-api-key': stack.keys.admin, 'graphql-require-preflight': '1', 'x-graphql-yoga-csrf': '1' }, body: form });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(JSON.stringify(await response.json())).not.toContain('"data"');
  });
});

// ---------------------------------------------------------------------------

function appNamed(s: Stack, id: string): AppConfig & { token: string } {
  const app = s.config.apps.find((a) => a.id === id)!;
  registerSecret(app.token!);
  if (app.encodingAesKey) registerSecret(app.encodingAesKey);
  return app as AppConfig & { token: string };
}

async function push(s: Stack, app: AppConfig & { token: string }, mode: PushMode, stamp = pushStamp(Date.now())) {
  const target = { url: `${s.instances[0]!.url}/wechat/${app.id}`, appid: app.appid, token: app.token, encodingAesKey: app.encodingAesKey, mode, format: 'xml' as const };
  const plaintext = `<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName><FromUserName><![CDATA[oModes]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[mode ${mode}]]></Content><MsgId>${randomInt(1e9, 2e9)}</MsgId></xml>`;
  const request = buildPushRequest(target, { plaintext, toUserName: 'gh_0123456789ab' }, stamp);
  const response = await fetch(request.url, { method: 'POST', headers: { 'content-type': request.contentType }, body: request.body });
  return { status: response.status, body: await response.text() };
}

describe('2. each app has a push mode', () => {
  it('an app with an EncodingAESKey is safe by default: plaintext signed with `signature` alone is refused', async () => {
    stack = await startStack({ apps: (apps) => apps.map((a) => (a.id === 'officialAccount' ? { ...a, pushMode: 'plain' as const } : a)) });
    const safe = appNamed(stack, 'miniprogram');
    expect(await push(stack, safe, 'plain')).toMatchObject({ status: 403, body: expect.stringMatching(/safe mode/) });
    expect(await push(stack, safe, 'compatible')).toEqual({ status: 200, body: 'success' });
    expect(await push(stack, safe, 'safe')).toEqual({ status: 200, body: 'success' });
    // An app set to plain in the console takes plaintext only, even though it has a key.
    const plain = appNamed(stack, 'officialAccount');
    expect(await push(stack, plain, 'plain')).toEqual({ status: 200, body: 'success' });
    expect((await push(stack, plain, 'safe')).status).toBe(400);
    expect(stack.logs.join('\n')).toMatch(/"reason":"not_encrypted"/);
  });

  it('a nonce used by a GET URL verification cannot carry a POST', async () => {
    stack = await startStack({ apps: (apps) => apps.map((a) => ({ ...a, pushMode: 'compatible' as const })) });
    const app = appNamed(stack, 'miniprogram');
    const stamp = pushStamp(Date.now());
    const query = new URLSearchParams({ signature: wechatSignature(app.token, stamp.timestamp, stamp.nonce), ...stamp, echostr: '5927782489442352469' });
    const verify = await fetch(`${stack.instances[0]!.url}/wechat/miniprogram?${query}`);
    expect(await verify.text()).toBe('5927782489442352469');
    // The captured verification URL's signature is a valid plain-mode push signature.
    expect(await push(stack, app, 'plain', stamp)).toMatchObject({ status: 403, body: expect.stringMatching(/already used/) });
    expect(await push(stack, app, 'plain')).toEqual({ status: 200, body: 'success' });
  });
});

// ---------------------------------------------------------------------------

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A redis-server of this test's own, on its own port (never the machine's 6379). */
async function ownRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}`).then(
      () => true,
      (error: { cause?: { code?: string } }) => error.cause?.code !== 'ECONNREFUSED',
    );
    if (up) return child;
    await sleep(50);
  }
  throw new Error('redis-server did not start');
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

describe('3. a store outage does not burn the login code', () => {
  it('refuses login with STORE_UNAVAILABLE before code2Session, and `me` says STORE_UNAVAILABLE', async () => {
    const port = await freePort();
    let redis = await ownRedis(port);
    cleanups.push(() => stop(redis));
    stack = await startStack({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    const first = await stack.request(LoginDocument, { code: await mintCode(stack, 'login', 'outage-user') }, { key: null, secretInResponse: true });
    const token = first.data!.login.token;
    registerSecret(token);
    expect(stack.emulator.calls()['sns/jscode2session']).toBe(1);

    await stop(redis);
    const code = await mintCode(stack, 'login', 'outage-user');
    const during = await stack.request(LoginDocument, { code }, { key: null });
    expect(errorCodes(during)).toEqual(['STORE_UNAVAILABLE']);
    expect(stack.emulator.calls()['sns/jscode2session']).toBe(1);
    expect(errorCodes(await stack.request(MeDocument, {}, bearer(token)))).toEqual(['STORE_UNAVAILABLE']);
    // An Official Account web authorization code is single use too: refused before it is exchanged.
    expect(errorCodes(await stack.request(WebLoginDocument, { code: 'web-code-during-outage' }, { key: null }))).toEqual(['STORE_UNAVAILABLE']);
    expect(stack.emulator.calls()['sns/oauth2/access_token'] ?? 0).toBe(0);

    redis = await ownRedis(port);
    let after = await stack.request(LoginDocument, { code }, { key: null, secretInResponse: true });
    // The client reconnects on its own schedule; until then the answer stays STORE_UNAVAILABLE.
    for (let i = 0; i < 60 && errorCodes(after)[0] === 'STORE_UNAVAILABLE'; i++) {
      await sleep(100);
      after = await stack.request(LoginDocument, { code }, { key: null, secretInResponse: true });
    }
    expect(after.errors).toBeUndefined();
    expect(after.data!.login.viewer.openid).toBe(first.data!.login.viewer.openid);
    expect(stack.emulator.calls()['sns/jscode2session']).toBe(2);
  });
});

// ---------------------------------------------------------------------------

describe('4. `__typename` aliases count toward the alias limit', () => {
  it('refuses 200 `__typename` aliases', async () => {
    stack = await startStack();
    const query = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const response = await fetch(gql(stack), { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': stack.keys.admin }, body: JSON.stringify({ query }) });
    const body = await response.json();
    expect(body.data).toBeUndefined();
    expect(errorCodes(body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).toMatch(/alias/i);
  });
});

// ---------------------------------------------------------------------------

describe('5. an oversized chunked push is answered 413', () => {
  it('answers 413 to a 4 MB chunked push instead of resetting the connection', async () => {
    stack = await startStack();
    const app = appNamed(stack, 'miniprogram');
    const stamp = pushStamp(Date.now());
    const query = new URLSearchParams({ signature: wechatSignature(app.token, stamp.timestamp, stamp.nonce), ...stamp });
    const response = await postChunked(`${stack.instances[0]!.url}/wechat/miniprogram?${query}`, chunked('<xml><Content><![CDATA[', 4 * 1024 * 1024, ']]></Content></xml>'), { 'content-type': 'text/xml' });
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/exceeds 65536 bytes/);
    // The gateway is fine afterwards.
    expect((await fetch(`${stack.instances[0]!.url}/healthz`)).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------

describe('CORS, TRUST_PROXY and METRICS_PORT', () => {
  const preflight = (s: Stack, origin: string) =>
    fetch(gql(s), { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key' } });

  it('allows no other origin in production unless CORS_ORIGINS lists it', async () => {
    stack = await startStack({ env: { NODE_ENV: 'production' } });
    expect((await preflight(stack, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    await stack.close();
    stack = await startStack({ env: { NODE_ENV: 'production', CORS_ORIGINS: 'https://app.example,https://admin.example' } });
    expect((await preflight(stack, 'https://admin.example')).headers.get('access-control-allow-origin')).toBe('https://admin.example');
    expect((await preflight(stack, 'https://evil.example')).headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    const response = await fetch(gql(stack), { method: 'POST', headers: { origin: 'https://app.example', 'content-type': 'application/json', 'x-api-key': stack.keys.admin }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example');
  });

  it('keys anonymous limits on the forwarded address only when TRUST_PROXY is set', async () => {
    const anonymous = (s: Stack, forwardedFor: string) =>
      fetch(gql(s), { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: JSON.stringify({ query: '{ __typename }' }) }).then((r) => r.status);
    stack = await startStack({ env: { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1' } });
    // Without it the header is ignored: everyone behind the one socket address shares a bucket.
    expect([await anonymous(stack, '203.0.113.1'), await anonymous(stack, '203.0.113.2')]).toEqual([200, 429]);
    await stack.close();
    stack = await startStack({ env: { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1', TRUST_PROXY: 'loopback' } });
    expect([await anonymous(stack, '203.0.113.1'), await anonymous(stack, '203.0.113.2'), await anonymous(stack, '203.0.113.1')]).toEqual([200, 200, 429]);
  });

  it('serves /metrics only on METRICS_PORT when it is set', async () => {
    stack = await startStack({ env: { METRICS_PORT: '0' } });
    const { port } = stack.instances[0]!.gateway.metricsServer!.address() as { port: number };
    const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('wgql_upstream_calls_total');
    expect((await fetch(`${stack.instances[0]!.url}/metrics`)).status).toBe(404);
  });
});
