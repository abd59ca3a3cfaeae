import { connect, createServer, type Socket } from 'node:net';
import { print } from 'graphql';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  createClient,
  createMiniProgramClient,
  fetchTransport,
  GatewayError,
  isGatewayError,
  miniProgramAuth,
  type GatewayClient,
} from '../../client/src/index.ts';
import { connectEmulatorPush } from '../../src/server/dev.ts';
import { LoginDocument, MeDocument, MeProfileDocument, ViewerEventsDocument, type ViewerEventsSubscription } from '../gql/graphql.ts';
import { registerSecret } from '../helpers/leak-scan.ts';
import { startStack, type Stack } from '../helpers/stack.ts';
import { createWxShim, type WxShim } from '../helpers/wx-shim.ts';

let stack: Stack | undefined;
const stops: (() => void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await stack?.close();
  stack = undefined;
});

const SESSION_KEY = 'wechat-graphql:session';
const miniProgram = (s: Stack) => s.config.apps.find((app) => app.kind === 'miniprogram')!;

function phone(s: Stack, user = 'alice', chunkBytes?: number): WxShim {
  return createWxShim({ emulatorUrl: s.emulator.url, appid: miniProgram(s).appid, user, chunkBytes });
}

function miniProgramClient(s: Stack, wx: WxShim, extra: { persistedOperations?: boolean } = {}) {
  return createMiniProgramClient({
    wx,
    url: `${s.instances[0]!.url}/graphql`,
    login: LoginDocument,
    ...(extra.persistedOperations ? { persistedOperations: true } : { print }),
    reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
  });
}

const logins = (s: Stack) => s.emulator.calls()['sns/jscode2session'] ?? 0;

let msgSeq = 7_000_000_000_000_000_000n;
/**
 * WeChat pushes a text message from `from`, again every 300 ms until `arrived()`: SSE has no
 * "subscribed" signal, so a push sent right after the stream opens may precede the subscription.
 */
async function pushUntil(s: Stack, appid: string, from: string, content: string, arrived: () => boolean) {
  for (let attempt = 0; attempt === 0 || (attempt < 50 && !arrived()); attempt++) {
    const response = await fetch(`${s.emulator.url}/__emulator/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appid, event: { MsgType: 'text', Content: content, FromUserName: from, MsgId: String(++msgSeq) } }),
    });
    expect(response.status, await response.text()).toBe(200);
    for (let wait = 0; wait < 6 && !arrived(); wait++) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(arrived()).toBe(true);
}

/** Ends the stored session on the gateway, as its TTL passing would: the record's expiresAt is now. */
async function expireSession(s: Stack, wx: WxShim) {
  const { token } = wx.storage.get(SESSION_KEY) as { token: string };
  const { sessions } = s.instances[0]!.gateway.services;
  const session = await sessions.get(token);
  expect(session).toBeDefined();
  await sessions.update(token, { ...session!, expiresAt: Date.now() + 1 });
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(await sessions.get(token)).toBeUndefined();
}

describe('mini-program client over wx.request', () => {
  it('signs in with wx.login on first use, keeps the token in storage and runs typed queries', async () => {
    stack = await startStack();
    const wx = phone(stack);
    const client = miniProgramClient(stack, wx);

    const { me } = await client.request(MeDocument);
    expectTypeOf(me.openid).toEqualTypeOf<string>();
    expect(me.openid).toMatch(/^o[A-Za-z0-9_-]{20,}$/);
    expect(me.app.id).toBe(miniProgram(stack).id);
    expect(wx.counts.login).toBe(1);
    expect(logins(stack)).toBe(1);
    const stored = wx.storage.get(SESSION_KEY) as { token: string; expiresAt: number };
    expect(stored.token).toMatch(/^wgs_/);
    expect(stored.expiresAt).toBeGreaterThan(Date.now());

    // The stored session is reused: no second login for the next typed query.
    const profile = await client.request(MeProfileDocument);
    expect(profile.me).toMatchObject({ openid: me.openid, signedInWith: 'login', sessionKeyValid: true, profile: null });
    expect(logins(stack)).toBe(1);

    // A new launch of the mini program reads the token from storage.
    const relaunched = miniProgramClient(stack, wx);
    expect((await relaunched.request(MeDocument)).me.openid).toBe(me.openid);
    expect(wx.counts.login).toBe(1);
  });

  it('an ended session costs exactly one re-login, and the call is retried once', async () => {
    stack = await startStack();
    const wx = phone(stack);
    const client = miniProgramClient(stack, wx);
    const before = (await client.request(MeDocument)).me.openid;
    const firstToken = (wx.storage.get(SESSION_KEY) as { token: string }).token;
    await expireSession(stack, wx);

    const requestsBefore = wx.counts.request;
    const { me } = await client.request(MeDocument);
    expect(me.openid).toBe(before);
    expect(logins(stack)).toBe(2);
    expect(wx.counts.login).toBe(2);
    // The refused call, the login mutation, the retried call.
    expect(wx.counts.request - requestsBefore).toBe(3);
    expect((wx.storage.get(SESSION_KEY) as { token: string }).token).not.toBe(firstToken);
  });

  it('10 concurrent calls during expiry share one sign-in: one code2Session upstream', async () => {
    stack = await startStack();
    const wx = phone(stack);
    const client = miniProgramClient(stack, wx);
    await client.request(MeDocument);
    await expireSession(stack, wx);
    expect(logins(stack)).toBe(1);

    const results = await Promise.all(Array.from({ length: 10 }, () => client.request(MeDocument)));
    expect(new Set(results.map((r) => r.me.openid)).size).toBe(1);
    expect(logins(stack)).toBe(2);
    expect(wx.counts.login).toBe(2);
  });

  it('a session that is locally past expiresAt signs in before the call, without a refused round trip', async () => {
    stack = await startStack();
    const wx = phone(stack);
    const client = miniProgramClient(stack, wx);
    await client.request(MeDocument);
    const stored = wx.storage.get(SESSION_KEY) as { token: string; expiresAt: number };
    wx.storage.set(SESSION_KEY, { ...stored, expiresAt: Date.now() - 1 });
    const requestsBefore = wx.counts.request;
    await Promise.all([client.request(MeDocument), client.request(MeDocument)]);
    expect(logins(stack)).toBe(2);
    expect(wx.counts.request - requestsBefore).toBe(3);
  });

  it('a push from WeChat about the user arrives on a chunked subscription (wx.request enableChunked)', async () => {
    stack = await startStack();
    await connectEmulatorPush(stack.emulator, stack.instances[0]!.url, stack.config.apps);
    // 5-byte pieces: every Chinese character (3 bytes in UTF-8) is cut across chunks somewhere.
    const wx = phone(stack, 'alice', 5);
    const client = miniProgramClient(stack, wx);
    const { me } = await client.request(MeDocument);

    const events: ViewerEventsSubscription['viewerEvents'][] = [];
    let connected!: () => void;
    const open = new Promise<void>((resolve) => (connected = resolve));
    let arrived!: () => void;
    const received = new Promise<void>((resolve) => (arrived = resolve));
    stops.push(
      client.subscribe(ViewerEventsDocument, {}, {
        connected: () => connected(),
        next: (data) => {
          events.push(data.viewerEvents);
          arrived();
        },
        error: (error) => {
          throw error;
        },
      }),
    );
    await open;

    const appid = miniProgram(stack).appid;
    await pushUntil(stack, appid, me.openid, '你好，客服 👋', () => events.length > 0);
    await received;
    // Someone else's message is not this user's business: pushed before alice's next one, it would arrive first.
    const before = events.length;
    await pushUntil(stack, appid, 'oSomeoneElse000000000000000', 'not for alice', () => true);
    await pushUntil(stack, appid, me.openid, '你好，客服 👋', () => events.length > before);
    expect(events.every((event) => event.content === '你好，客服 👋')).toBe(true);
    expect(events[0]).toMatchObject({ type: 'TEXT', msgType: 'text', content: '你好，客服 👋' });
    expect(events[0]!.id).toMatch(/^msg:\d+$/);
  });

  it('against a persisted-only gateway it sends codegen hashes and no document text', async () => {
    stack = await startStack({ env: { PERSISTED_OPERATIONS_FILE: 'test/gql/persisted-documents.json', PERSISTED_OPERATIONS_ONLY: '1' } });
    const wx = phone(stack);
    const client = miniProgramClient(stack, wx, { persistedOperations: true });
    expect((await client.request(MeDocument)).me.openid).toBeTruthy();

    // The same client sending text is refused with a typed error.
    const text = createClient({ url: `${stack.instances[0]!.url}/graphql`, transport: fetchTransport(), print });
    const error = await text.request(LoginDocument, { code: 'dev_x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe('PERSISTED_OPERATION_REQUIRED');
  });

  it('rate limits arrive as typed errors with retryAfter', async () => {
    stack = await startStack({ env: { RATE_LIMIT_SESSION_PER_MINUTE: '3' } });
    const wx = phone(stack);
    const client: GatewayClient = miniProgramClient(stack, wx);
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => client.request(MeDocument)));
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as unknown);
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) {
      expect(isGatewayError(error, 'RATE_LIMITED')).toBe(true);
      expect((error as GatewayError).retryAfter).toBeGreaterThan(0);
    }
  });
});

describe('fetch client subscriptions', () => {
  /** A TCP proxy in front of the gateway whose connections the test can cut, as a flaky network would. */
  async function cuttableProxy(target: string) {
    const { hostname, port } = new URL(target);
    const sockets = new Set<Socket>();
    const server = createServer((inbound) => {
      const outbound = connect(Number(port), hostname);
      for (const socket of [inbound, outbound]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {});
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    return {
      url: `http://127.0.0.1:${address.port}`,
      cut: () => sockets.forEach((socket) => socket.destroy()),
      close: () => new Promise<void>((resolve) => { sockets.forEach((socket) => socket.destroy()); server.close(() => resolve()); }),
    };
  }

  it('reconnects with back-off after the stream drops, and signs in once when the session ended meanwhile', async () => {
    stack = await startStack();
    await connectEmulatorPush(stack.emulator, stack.instances[0]!.url, stack.config.apps);
    const proxy = await cuttableProxy(stack.instances[0]!.url);
    stops.push(() => void proxy.close());
    const wx = phone(stack, 'erin');
    // The mini-program sign-in with the fetch transport: the pieces compose.
    const url = `${proxy.url}/graphql`;
    const auth = miniProgramAuth({ wx, client: createClient({ url, transport: fetchTransport(), print }), login: LoginDocument });
    const client = createClient({ url, transport: fetchTransport(), auth, print, reconnect: { initialDelayMs: 50, maxDelayMs: 200 } });
    const { me } = await client.request(MeDocument);

    const received: string[] = [];
    const reconnects: number[] = [];
    let connections = 0;
    let onConnect: (() => void) | undefined;
    stops.push(
      client.subscribe(ViewerEventsDocument, {}, {
        connected: () => {
          connections += 1;
          onConnect?.();
        },
        reconnecting: ({ delayMs }) => reconnects.push(delayMs),
        next: ({ viewerEvents }) => received.push(viewerEvents.content ?? ''),
        error: (error) => received.push(`error: ${error.message}`),
        complete: () => received.push('complete'),
      }),
    );
    const waitConnected = (n: number) => new Promise<void>((resolve) => { onConnect = () => connections >= n && resolve(); onConnect(); });
    const appid = miniProgram(stack).appid;

    await waitConnected(1);
    await pushUntil(stack, appid, me.openid, 'one', () => received.includes('one'));
    // The network drops; the session ends before the client is back.
    await expireSession(stack, wx);
    proxy.cut();
    await waitConnected(2);
    await pushUntil(stack, appid, me.openid, 'two', () => received.includes('two'));

    expect(received.filter((text) => text !== 'one' && text !== 'two')).toEqual([]);
    expect(reconnects.length).toBeGreaterThanOrEqual(1);
    expect(reconnects[0]).toBeLessThanOrEqual(50);
    expect(logins(stack)).toBe(2);
  });
});

describe('Official Account web authorization', () => {
  async function authorize(s: Stack, client: GatewayClient, scope: 'BASE' | 'USERINFO', user: string) {
    const redirectUri = 'https://h5.example.com/app/?tab=1';
    const { webAuthorizationUrl } = await client.request(
      (await import('../gql/graphql.ts')).WebAuthorizationUrlDocument,
      { redirectUri, scope, state: 'abc123' },
    );
    expect(webAuthorizationUrl).toMatch(/\/connect\/oauth2\/authorize\?appid=wx[0-9a-f]{16}&redirect_uri=[^&]+&response_type=code&scope=snsapi_(base|userinfo)&state=abc123#wechat_redirect$/);
    expect(webAuthorizationUrl.startsWith(s.emulator.url)).toBe(true);
    // The browser follows the link (the fragment stays in the browser); USERINFO shows a consent page first.
    let page = await fetch(`${webAuthorizationUrl.split('#')[0]}&emulator_user=${user}`, { redirect: 'manual' });
    if (scope === 'USERINFO') {
      expect(page.status).toBe(200);
      const allow = /id="allow" href="([^"]+)"/.exec(await page.text())![1]!.replaceAll('&#38;', '&');
      page = await fetch(`${s.emulator.url}${allow}`, { redirect: 'manual' });
    }
    expect(page.status).toBe(302);
    const back = new URL(page.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe('https://h5.example.com/app/');
    expect(back.searchParams.get('tab')).toBe('1');
    expect(back.searchParams.get('state')).toBe('abc123');
    return back.searchParams.get('code')!;
  }

  it('USERINFO: code → webLogin → the same opaque session, with the profile; web tokens stay server-side', async () => {
    stack = await startStack();
    const gql = await import('../gql/graphql.ts');
    const url = `${stack.instances[0]!.url}/graphql`;
    const anonymous = createClient({ url, transport: fetchTransport(), print });
    const code = await authorize(stack, anonymous, 'USERINFO', 'bob');

    const { webLogin } = await anonymous.request(gql.WebLoginDocument, { code });
    expect(webLogin.token).toMatch(/^wgs_/);
    expect(webLogin.viewer).toMatchObject({ signedInWith: 'webLogin', profile: { nickname: 'bob' } });
    expect(webLogin.viewer.profile?.avatarUrl).toMatch(/^https:\/\//);
    expect(stack.emulator.calls()).toMatchObject({ 'sns/oauth2/access_token': 1, 'sns/userinfo': 1 });

    const session = await stack.instances[0]!.gateway.services.sessions.get(webLogin.token);
    registerSecret(session!.web!.accessToken);
    registerSecret(session!.web!.refreshToken);

    const signedIn = createClient({ url, transport: fetchTransport(), print, headers: { authorization: `Bearer ${webLogin.token}` } });
    const { me } = await signedIn.request(MeProfileDocument);
    expect(me).toMatchObject({ openid: webLogin.viewer.openid, signedInWith: 'webLogin', sessionKeyValid: false, app: { id: 'officialAccount' } });

    // The code was single use.
    const again = await anonymous.request(gql.WebLoginDocument, { code }).catch((e: unknown) => e);
    expect(isGatewayError(again, 'WECHAT_INVALID_CODE')).toBe(true);
    expect(stack.emulator.calls()['sns/oauth2/access_token']).toBe(2);
  });

  it('BASE: silent redirect, openid only, no sns/userinfo call', async () => {
    stack = await startStack();
    const gql = await import('../gql/graphql.ts');
    const anonymous = createClient({ url: `${stack.instances[0]!.url}/graphql`, transport: fetchTransport(), print });
    const code = await authorize(stack, anonymous, 'BASE', 'carol');
    const { webLogin } = await anonymous.request(gql.WebLoginDocument, { code });
    expect(webLogin.viewer.profile).toBeNull();
    expect(stack.emulator.calls()['sns/userinfo'] ?? 0).toBe(0);
  });

  it('refuses a redirect URI that is not a URL, before any upstream call', async () => {
    stack = await startStack();
    const gql = await import('../gql/graphql.ts');
    const anonymous = createClient({ url: `${stack.instances[0]!.url}/graphql`, transport: fetchTransport(), print });
    const error = await anonymous.request(gql.WebAuthorizationUrlDocument, { redirectUri: 'javascript:alert(1)', state: 'x' }).catch((e: unknown) => e);
    expect(isGatewayError(error, 'BAD_USER_INPUT')).toBe(true);
    const bad = await anonymous.request(gql.WebLoginDocument, { code: 'no spaces allowed' }).catch((e: unknown) => e);
    expect(isGatewayError(bad, 'BAD_USER_INPUT')).toBe(true);
    expect(stack.emulator.calls()['sns/oauth2/access_token'] ?? 0).toBe(0);
  });
});
