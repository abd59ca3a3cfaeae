import { afterEach, describe, expect, it } from 'vitest';
import { AccessTokenDocument, ApiDomainIpsDocument, ApiQuotaDocument, ApiRequestDocument, TokenStatusDocument } from '../gql/graphql.ts';
import { errorCodes, startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('operations', () => {
  it("reads an API's quota, counting the calls made today", async () => {
    stack = await startStack();
    for (let i = 0; i < 3; i++) await stack.request(ApiDomainIpsDocument);
    const response = await stack.request(ApiQuotaDocument, { path: '/cgi-bin/get_api_domain_ip' }, { key: stack.keys.logs });
    expect(response.errors?.map((e) => e.message)).toBeUndefined();
    expect(response.data?.apiQuota).toMatchObject({ path: '/cgi-bin/get_api_domain_ip', used: 3, rateLimitWindowSeconds: 60 });
    expect(response.data!.apiQuota.remain).toBe(response.data!.apiQuota.dailyLimit - 3);
  });

  it('refuses a malformed path before WeChat, and maps an unknown one to a typed error', async () => {
    stack = await startStack();
    const bad = await stack.request(ApiQuotaDocument, { path: 'cgi-bin/token?x=1' });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(stack.emulator.calls()['cgi-bin/openapi/quota/get']).toBeUndefined();
    const unknown = await stack.request(ApiQuotaDocument, { path: '/nowhere/at/all' });
    expect(errorCodes(unknown)).toEqual(['WECHAT_ERROR']);
    expect(unknown.errors?.[0]?.extensions?.errcode).toBe(76021);
  });

  it('looks a failed call up by the rid its error carried, with the token redacted', async () => {
    stack = await startStack();
    const failed = await stack.request(ApiQuotaDocument, { path: '/nowhere/at/all' });
    const rid = failed.errors?.[0]?.extensions?.rid as string;
    expect(rid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    const response = await stack.request(ApiRequestDocument, { rid });
    expect(response.errors).toBeUndefined();
    expect(response.data?.apiRequest.requestUrl).toBe('/cgi-bin/openapi/quota/get');
    expect(response.data?.apiRequest.responseBody).toContain('76021');
    const missing = await stack.request(ApiRequestDocument, { rid: '00000000-00000000-00000000' });
    expect(missing.errors?.[0]?.extensions?.errcode).toBe(76001);
  });
});

describe('central token service', () => {
  it('hands the current token to a key with token:read, and never refreshes it twice', async () => {
    stack = await startStack({ apps: (apps) => apps });
    const first = await stack.request(AccessTokenDocument, {}, { secretInResponse: true });
    expect(first.errors).toBeUndefined();
    const second = await stack.request(AccessTokenDocument, {}, { secretInResponse: true });
    expect(second.data?.accessToken.value).toBe(first.data?.accessToken.value);
    expect(new Date(first.data!.accessToken.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(stack.emulator.calls()['cgi-bin/stable_token']).toBe(1);
    // The token works against WeChat directly.
    const direct = await fetch(`${stack.emulator.url}/cgi-bin/getcallbackip?access_token=${first.data!.accessToken.value}`);
    expect(await direct.json()).toHaveProperty('ip_list');
    const denied = await stack.request(AccessTokenDocument, {}, { key: stack.keys.logs });
    expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
  });

  it('reports token status to admins without the token', async () => {
    stack = await startStack();
    const before = await stack.request(TokenStatusDocument, {});
    expect(before.data?.tokenStatus).toMatchObject({ appId: 'wx0123456789abcdef', source: 'STABLE', refreshedAt: null, sharedStore: 'MEMORY' });
    await stack.request(ApiDomainIpsDocument);
    const after = await stack.request(TokenStatusDocument, {});
    expect(after.data?.tokenStatus.refreshedAt).toBeTruthy();
    expect(JSON.stringify(after)).not.toMatch(/value|access_token/);
    const denied = await stack.request(TokenStatusDocument, {}, { key: stack.keys.logs });
    expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
  });
});
