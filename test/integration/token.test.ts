import { afterEach, describe, expect, it } from 'vitest';
import { ApiDomainIpsDocument } from '../gql/graphql.ts';
import { redisAvailable } from '../helpers/redis.ts';
import { errorCodes, startStack, type Stack } from '../helpers/stack.ts';

const hasRedis = await redisAvailable();
let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** A classic cgi-bin/token refresh made by someone else kills every token issued before it. */
async function refreshBehindTheGatewaysBack(s: Stack) {
  const app = s.config.apps[0]!;
  const url = `${s.emulator.url}/cgi-bin/token?grant_type=client_credential&appid=${app.appid}&secret=${app.secret}`;
  const body = (await (await fetch(url)).json()) as { access_token?: string };
  expect(body.access_token).toBeTruthy();
}

const ok = (response: { data?: unknown; errors?: unknown }) => {
  expect(response.errors).toBeUndefined();
  expect(response.data).toBeTruthy();
};

describe('access token manager', () => {
  it('makes exactly one upstream token call for 200 concurrent cold queries in one process', async () => {
    stack = await startStack();
    const responses = await Promise.all(Array.from({ length: 200 }, () => stack!.request(ApiDomainIpsDocument)));
    responses.forEach(ok);
    expect(stack.emulator.calls()['cgi-bin/stable_token']).toBe(1);
    expect(stack.emulator.calls()['cgi-bin/get_api_domain_ip']).toBe(200);
  });

  it.runIf(hasRedis)('makes exactly one upstream token call for 3 cold instances sharing Redis', async () => {
    stack = await startStack({ instances: 3, redis: true });
    const responses = await Promise.all(
      Array.from({ length: 150 }, (_, i) => stack!.request(ApiDomainIpsDocument, {}, { instance: i % 3 })),
    );
    responses.forEach(ok);
    expect(stack.emulator.calls()['cgi-bin/stable_token']).toBe(1);
  });

  it('recovers from a token killed behind its back with one transparent retry (classic mode)', async () => {
    stack = await startStack({ env: { WECHAT_TOKEN_SOURCE: 'classic' } });
    ok(await stack.request(ApiDomainIpsDocument));
    await refreshBehindTheGatewaysBack(stack);
    ok(await stack.request(ApiDomainIpsDocument));
    const calls = stack.emulator.calls();
    expect(calls['cgi-bin/token']).toBe(3); // gateway, the other refresher, gateway again
    expect(calls['cgi-bin/get_api_domain_ip']).toBe(3); // ok, refused with 40001, retried ok
  });

  it.runIf(hasRedis)('does not throw away a token another instance already replaced', async () => {
    stack = await startStack({ instances: 2, redis: true, env: { WECHAT_TOKEN_SOURCE: 'classic' } });
    ok(await stack.request(ApiDomainIpsDocument, {}, { instance: 0 }));
    ok(await stack.request(ApiDomainIpsDocument, {}, { instance: 1 }));
    expect(stack.emulator.calls()['cgi-bin/token']).toBe(1);

    await refreshBehindTheGatewaysBack(stack);
    ok(await stack.request(ApiDomainIpsDocument, {}, { instance: 0 })); // 40001, refresh, retry
    ok(await stack.request(ApiDomainIpsDocument, {}, { instance: 1 })); // 40001, takes A's new token from Redis
    // Had instance 1 refreshed too, it would have killed instance 0's token: 4 calls, not 3.
    expect(stack.emulator.calls()['cgi-bin/token']).toBe(3);
    ok(await stack.request(ApiDomainIpsDocument, {}, { instance: 0 }));
    expect(stack.emulator.calls()['cgi-bin/token']).toBe(3);
  });

  it('replaces an expired token (42001) once and carries on', async () => {
    stack = await startStack();
    ok(await stack.request(ApiDomainIpsDocument));
    const response = await fetch(`${stack.emulator.url}/__emulator/tokens/expire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appid: stack.config.apps[0]!.appid }),
    });
    expect(response.ok).toBe(true);
    ok(await stack.request(ApiDomainIpsDocument));
    ok(await stack.request(ApiDomainIpsDocument));
    expect(stack.emulator.calls()['cgi-bin/stable_token']).toBe(2);
  });

  it('keys tokens by app: two apps get two tokens', async () => {
    stack = await startStack();
    ok(await stack.request(ApiDomainIpsDocument, { app: 'miniprogram' }));
    ok(await stack.request(ApiDomainIpsDocument, { app: 'officialAccount' }));
    ok(await stack.request(ApiDomainIpsDocument, { app: 'miniprogram' }));
    expect(stack.emulator.calls()['cgi-bin/stable_token']).toBe(2);
  });

  it('reports a bad AppSecret as a configuration error without a retry storm', async () => {
    stack = await startStack({ apps: (apps) => apps.map((app) => ({ ...app, secret: 'not-the-secret' })) });
    const concurrent = await Promise.all(Array.from({ length: 50 }, () => stack!.request(ApiDomainIpsDocument)));
    const sequential = [];
    for (let i = 0; i < 10; i++) sequential.push(await stack.request(ApiDomainIpsDocument));
    for (const response of [...concurrent, ...sequential]) {
      expect(errorCodes(response)).toEqual(['WECHAT_CREDENTIALS_REJECTED']);
      expect(response.errors?.[0]?.extensions?.errcode).toBe(40125);
      expect(response.errors?.[0]?.message).toMatch(/AppSecret/);
    }
    expect(stack.emulator.calls()['cgi-bin/stable_token']).toBe(1);
    expect(stack.emulator.calls()['cgi-bin/get_api_domain_ip']).toBeUndefined();
  });
});
