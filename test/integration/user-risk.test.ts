import { afterEach, describe, expect, it } from 'vitest';
import { encryptKeysResult, riskRankResult } from '../../src/wechat/api/risk.ts';
import { LoginDocument, MyEncryptKeysDocument, UserRiskRankDocument } from '../gql/graphql.ts';
import { describeFixtures, fixture } from '../helpers/fixtures.ts';
import { bearer, errorCodes, mintCode, startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function login(s: Stack, user: string) {
  const response = await s.request(LoginDocument, { code: await mintCode(s, 'login', user) }, { key: null });
  expect(response.errors).toBeUndefined();
  return response.data!.login;
}

describeFixtures('user risk and encrypt-key fixtures map field by field', () => {
  it('wxa/getuserriskrank: the misspelled unoin_id becomes requestId', () => {
    const file = fixture('wxa/getuserriskrank.json');
    expect(riskRankResult.parse(file.response)).toEqual({ riskRank: 0, requestId: '123456' });
    const worked = file.more_samples.find((s: { response?: { _n?: string } }) => s.response?._n);
    expect(riskRankResult.parse(worked.response)).toEqual({ riskRank: 0, requestId: '2258658297' });
    const gochat = file.more_samples.at(-1).response;
    expect(riskRankResult.parse(gochat)).toEqual({ riskRank: 0, requestId: undefined });
  });

  it('wxa/business/getuserencryptkey: three keys, newest first', () => {
    const body = fixture('wxa/business/getuserencryptkey.json').response;
    expect(encryptKeysResult.parse(body)).toEqual(
      body.key_info_list.map((k: Record<string, never>) => ({ encryptKey: k.encrypt_key, version: k.version, expiresIn: k.expire_in, iv: k.iv, createTime: k.create_time })),
    );
  });
});

describe('users: risk rank and encrypt keys', () => {
  it('ranks a user for a backend with users:read, checking input first', async () => {
    stack = await startStack();
    const { viewer } = await login(stack, 'risky-rita');
    const input = { openid: viewer.openid, scene: 'MARKETING' as const, clientIp: '203.0.113.7', certNo: '44010119900101123X' };
    const ranked = await stack.request(UserRiskRankDocument, { input }, { key: stack.keys.usersRead });
    expect(ranked.errors).toBeUndefined();
    expect(ranked.data?.userRiskRank.riskRank).toBeGreaterThanOrEqual(0);
    expect(ranked.data?.userRiskRank.requestId).toMatch(/^\d+$/);
    const bad = await stack.request(UserRiskRankDocument, { input: { ...input, clientIp: 'localhost' } });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(stack.emulator.calls()['wxa/getuserriskrank']).toBe(1);
    // The ID number went to WeChat, and nowhere else.
    for (const line of stack.logs) expect(line).not.toContain(input.certNo);
  });

  it("hands the signed-in user their own keys, signing with a session_key that never leaves the gateway", async () => {
    stack = await startStack();
    const session = await login(stack, 'keyed-kim');
    const keys = await stack.request(MyEncryptKeysDocument, {}, { ...bearer(session.token), secretInResponse: true });
    expect(keys.errors).toBeUndefined();
    const list = keys.data!.myEncryptKeys;
    expect(list).toHaveLength(3);
    expect(list.map((k) => k.version)).toEqual([list[0]!.version, list[0]!.version - 1, list[0]!.version - 2]);
    expect(list[0]!.expiresIn).toBeGreaterThan(0);
    expect(list[1]!.expiresIn).toBe(0);
    expect(Buffer.from(list[0]!.encryptKey, 'base64')).toHaveLength(16);
    for (const line of stack.logs) for (const key of list) expect(line).not.toContain(key.encryptKey);

    // An API key is not the user.
    const backend = await stack.request(MyEncryptKeysDocument, {});
    expect(errorCodes(backend)).toEqual(['FORBIDDEN']);
    // A new login replaces the session_key at WeChat: the old session's signature no longer verifies (87009).
    await login(stack, 'keyed-kim');
    const stale = await stack.request(MyEncryptKeysDocument, {}, bearer(session.token));
    expect(errorCodes(stale)).toEqual(['SESSION_KEY_STALE']);
  });
});
