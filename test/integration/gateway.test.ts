import { afterEach, describe, expect, it } from 'vitest';
import { AppsDocument, OaFollowerOpenidsDocument, ServerIpsDocument } from '../gql/graphql.ts';
import { errorCodes, startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('gateway', () => {
  it('serves WeChat server IP lists (CIDR blocks included) for an API key with logs:read', async () => {
    stack = await startStack();
    const response = await stack.request(ServerIpsDocument, {}, { key: stack.keys.logs });
    expect(response.errors).toBeUndefined();
    expect(response.data?.wechatServerIps.apiDomain).toContain('101.89.47.18');
    expect(response.data?.wechatServerIps.apiDomain.some((ip) => ip.includes('/'))).toBe(true);
    expect(response.data?.wechatServerIps.callback.length).toBeGreaterThan(0);
  });

  it('lists the configured apps without their secrets', async () => {
    stack = await startStack();
    const response = await stack.request(AppsDocument, {}, { key: null });
    expect(response.data?.apps).toEqual([
      { id: 'miniprogram', appId: 'wx0123456789abcdef', kind: 'MINIPROGRAM', pushEnabled: true },
      { id: 'officialAccount', appId: 'wxfedcba9876543210', kind: 'OFFICIAL_ACCOUNT', pushEnabled: true },
    ]);
  });

  it('asks for an API key when none is sent, and names the missing scope when it lacks one', async () => {
    stack = await startStack();
    const anonymous = await stack.request(ServerIpsDocument, {}, { key: null });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const wrongKey = await stack.request(ServerIpsDocument, {}, { key: 'wgk_unknown' });
    expect(errorCodes(wrongKey)).toEqual(['UNAUTHENTICATED']);
    const noScope = await stack.request(ServerIpsDocument, {}, { key: stack.keys.analytics });
    expect(errorCodes(noScope)).toEqual(['FORBIDDEN']);
    expect(noScope.errors?.[0]?.message).toContain('logs:read');
    expect(noScope.errors?.[0]?.extensions?.requiredScopes).toEqual(['logs:read']);
    expect(stack.emulator.calls()['cgi-bin/get_api_domain_ip']).toBeUndefined();
  });

  it('defaults `app` to the first configured app of the kind a field needs', async () => {
    stack = await startStack();
    // The mini program is the first app; followers need an Official Account.
    const response = await stack.request(OaFollowerOpenidsDocument, { first: 2, app: null });
    expect(response.errors).toBeUndefined();
    expect(response.data?.followers.edges).toHaveLength(2);
  });

  it('refuses an unknown app by name before any upstream call', async () => {
    stack = await startStack();
    const response = await stack.request(ServerIpsDocument, { app: 'nope' });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toContain('miniprogram, officialAccount');
    expect(stack.emulator.calls()).toEqual({});
  });

  it('answers syntax errors and unknown fields clearly, without stack traces', async () => {
    stack = await startStack();
    const { url } = stack.instances[0]!;
    for (const query of ['{ apps { id ', '{ nothing }', '{ apps { secret } }']) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const text = await response.text();
      expect(text).toMatch(/"errors"/);
      expect(text).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it('reports health and readiness', async () => {
    stack = await startStack();
    const { url } = stack.instances[0]!;
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await (await fetch(`${url}/readyz`)).json();
    expect(ready).toMatchObject({ status: 'ok', store: { kind: 'memory', ok: true } });
  });

  it('keeps serving from its own token cache when Redis is unreachable, and says so', async () => {
    stack = await startStack({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    const responses = await Promise.all(Array.from({ length: 20 }, () => stack!.request(ServerIpsDocument)));
    for (const response of responses) expect(response.errors).toBeUndefined();
    expect(stack.emulator.calls()['cgi-bin/stable_token']).toBe(1);
    const ready = await (await fetch(`${stack.instances[0]!.url}/readyz`)).json();
    expect(ready).toMatchObject({ status: 'degraded', store: { kind: 'redis', ok: false } });
    expect(stack.logs.join('')).toMatch(/shared store unavailable/);
  });

  it('serves GraphiQL to a browser', async () => {
    stack = await startStack();
    const response = await fetch(`${stack.instances[0]!.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('graphiql');
  });
});
