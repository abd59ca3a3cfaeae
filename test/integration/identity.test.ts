import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BindPhoneNumberDocument,
  DecryptUserDataDocument,
  LoginDocument,
  LogoutDocument,
  MeDocument,
  PaidUnionIdDocument,
  SessionKeyValidDocument,
} from '../gql/graphql.ts';
import { redisAvailable } from '../helpers/redis.ts';
import { bearer, encryptedUserData, errorCodes, mintCode, startStack, type Stack } from '../helpers/stack.ts';

const hasRedis = await redisAvailable();
let stack: Stack | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await stack?.close();
  stack = undefined;
});

async function login(s: Stack, user = 'alice', instance = 0) {
  const response = await s.request(LoginDocument, { code: await mintCode(s, 'login', user) }, { key: null, instance });
  expect(response.errors).toBeUndefined();
  return response.data!.login;
}

describe('login and sessions', () => {
  it('login -> me -> bindPhoneNumber -> logout', async () => {
    stack = await startStack();
    const session = await login(stack);
    expect(session.token).toMatch(/^wgs_[A-Za-z0-9_-]{43}$/);
    expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(session.viewer.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);

    const me = await stack.request(MeDocument, {}, bearer(session.token));
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toMatchObject({ openid: session.viewer.openid, unionid: session.viewer.unionid, app: { id: 'miniprogram' }, phoneNumber: null });

    const phone = await stack.request(BindPhoneNumberDocument, { code: await mintCode(stack, 'phone', 'alice') }, bearer(session.token));
    expect(phone.errors).toBeUndefined();
    expect(phone.data?.bindPhoneNumber).toMatchObject({ countryCode: '86' });
    expect(phone.data?.bindPhoneNumber.purePhoneNumber).toMatch(/^1\d{10}$/);
    const again = await stack.request(MeDocument, {}, bearer(session.token));
    expect(again.data?.me.phoneNumber).toEqual(phone.data?.bindPhoneNumber);

    const out = await stack.request(LogoutDocument, {}, bearer(session.token));
    expect(out.data?.logout).toBe(true);
    const after = await stack.request(MeDocument, {}, bearer(session.token));
    expect(errorCodes(after)).toEqual(['UNAUTHENTICATED']);
    expect(after.errors?.[0]?.message).toMatch(/invalid, expired or revoked/);
  });

  it('gives the same user the same openid and unionid on every login', async () => {
    stack = await startStack();
    const first = await login(stack, 'bob');
    const second = await login(stack, 'bob');
    const other = await login(stack, 'carol');
    expect(second.viewer).toEqual(first.viewer);
    expect(second.token).not.toBe(first.token);
    expect(other.viewer.openid).not.toBe(first.viewer.openid);
  });

  it('refuses a reused code (40163) and an unknown code (40029) without making a session', async () => {
    stack = await startStack();
    const code = await mintCode(stack, 'login', 'dave');
    await login(stack, 'dave'); // another code, same user
    expect((await stack.request(LoginDocument, { code }, { key: null })).errors).toBeUndefined();
    const reused = await stack.request(LoginDocument, { code }, { key: null });
    expect(errorCodes(reused)).toEqual(['WECHAT_INVALID_CODE']);
    expect(reused.errors?.[0]?.extensions?.errcode).toBe(40163);
    expect(reused.data).toBeNull();
    const unknown = await stack.request(LoginDocument, { code: 'neverissued123' }, { key: null });
    expect(errorCodes(unknown)).toEqual(['WECHAT_INVALID_CODE']);
    expect(unknown.errors?.[0]?.extensions?.errcode).toBe(40029);
    expect(unknown.data).toBeNull();
  });

  it('checks a code before WeChat sees it', async () => {
    stack = await startStack();
    for (const code of ['', 'has spaces in it', 'x'.repeat(200)]) {
      const response = await stack.request(LoginDocument, { code }, { key: null });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    }
    expect(stack.emulator.calls()['sns/jscode2session']).toBeUndefined();
  });

  it.each([
    ['busy', 'WECHAT_BUSY'],
    ['reset', 'UPSTREAM_OUTCOME_UNKNOWN'],
    ['http5xx', 'UPSTREAM_OUTCOME_UNKNOWN'],
  ] as const)('reports a login whose code2Session fails (%s) after exactly one upstream call', async (kind, code) => {
    stack = await startStack({ faults: [{ endpoints: ['sns/jscode2session'], kind, times: 1 }] });
    const response = await stack.request(LoginDocument, { code: await mintCode(stack, 'login') }, { key: null });
    expect(errorCodes(response)).toEqual([code]);
    expect(response.errors?.[0]?.message).toMatch(/new (one|code)|try again/i);
    expect(stack.emulator.calls()['sns/jscode2session']).toBe(1);
  });

  it('logs in only to mini programs', async () => {
    stack = await startStack();
    const response = await stack.request(LoginDocument, { code: 'dev_x1', app: 'officialAccount' }, { key: null });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses forged, expired and revoked session tokens', async () => {
    stack = await startStack();
    const forged = await stack.request(MeDocument, {}, bearer('wgs_' + 'A'.repeat(43)));
    expect(errorCodes(forged)).toEqual(['UNAUTHENTICATED']);
    const garbage = await stack.request(MeDocument, {}, bearer('not-a-token'));
    expect(errorCodes(garbage)).toEqual(['UNAUTHENTICATED']);

    const session = await login(stack);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 7 * 86_400_000 + 1_000);
    const expired = await stack.request(MeDocument, {}, bearer(session.token));
    expect(errorCodes(expired)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses scope mistakes both ways', async () => {
    stack = await startStack();
    const session = await login(stack);
    const userCallsBackendField = await stack.request(PaidUnionIdDocument, { openid: session.viewer.openid, transactionId: 't1' }, bearer(session.token));
    expect(errorCodes(userCallsBackendField)).toEqual(['FORBIDDEN']);
    expect(userCallsBackendField.errors?.[0]?.message).toContain('users:read');
    const keyCallsUserField = await stack.request(MeDocument, {}, { key: stack.keys.analytics });
    expect(errorCodes(keyCallsUserField)).toEqual(['FORBIDDEN']);
    expect(keyCallsUserField.errors?.[0]?.message).toMatch(/signed-in user/);
    const nobody = await stack.request(BindPhoneNumberDocument, { code: 'abc' }, { key: null });
    expect(errorCodes(nobody)).toEqual(['UNAUTHENTICATED']);
  });

  it('resolves a payer unionid for a backend with users:read, validating the lookup first', async () => {
    stack = await startStack();
    const session = await login(stack, 'erin');
    const ok = await stack.request(PaidUnionIdDocument, { openid: session.viewer.openid, transactionId: '4200001234' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.paidUnionId).toBe(session.viewer.unionid);
    const both = await stack.request(PaidUnionIdDocument, { openid: session.viewer.openid, transactionId: 't', mchId: 'm', outTradeNo: 'o' });
    expect(errorCodes(both)).toEqual(['BAD_USER_INPUT']);
    const half = await stack.request(PaidUnionIdDocument, { openid: session.viewer.openid, mchId: 'm' });
    expect(errorCodes(half)).toEqual(['BAD_USER_INPUT']);
    expect(stack.emulator.calls()['wxa/getpaidunionid']).toBe(1);
  });
});

describe('session_key stays server-side and stays useful', () => {
  it('decrypts legacy user data with the session key and keeps a phone number found in it', async () => {
    stack = await startStack();
    const session = await login(stack, 'frank');
    const payload = await encryptedUserData(stack, session.viewer.openid, { phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: '86' });
    const response = await stack.request(DecryptUserDataDocument, payload, bearer(session.token));
    expect(response.errors).toBeUndefined();
    expect(response.data?.decryptUserData.data).toEqual({ phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: '86' });
    expect(response.data?.decryptUserData.watermarkTimestamp).toBeTruthy();
    const me = await stack.request(MeDocument, {}, bearer(session.token));
    expect(me.data?.me.phoneNumber?.phoneNumber).toBe('13800138000');
  });

  it('says the session key is stale after the user logged in again elsewhere', async () => {
    stack = await startStack();
    const old = await login(stack, 'gina');
    const valid = await stack.request(SessionKeyValidDocument, {}, bearer(old.token));
    expect(valid.data?.me.sessionKeyValid).toBe(true);
    await login(stack, 'gina'); // WeChat issues a new session_key; the old one is dead
    const stale = await stack.request(SessionKeyValidDocument, {}, bearer(old.token));
    expect(stale.data?.me.sessionKeyValid).toBe(false);
    const payload = await encryptedUserData(stack, old.viewer.openid, { nickName: 'Gina' });
    const response = await stack.request(DecryptUserDataDocument, payload, bearer(old.token));
    // With another key, CBC almost always fails the padding, or yields bytes that are not JSON.
    expect(errorCodes(response)).toEqual(['SESSION_KEY_STALE']);
    expect(response.errors?.[0]?.message).toMatch(/log in again/i);
  });

  it('refuses data encrypted for another app and malformed input', async () => {
    stack = await startStack();
    const session = await login(stack, 'hank');
    const foreign = await encryptedUserData(stack, session.viewer.openid, { nickName: 'x' }, 'wx1111111111111111');
    expect(errorCodes(await stack.request(DecryptUserDataDocument, foreign, bearer(session.token)))).toEqual(['BAD_USER_INPUT']);
    const malformed = await stack.request(DecryptUserDataDocument, { encryptedData: 'abc', iv: 'short' }, bearer(session.token));
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
  });
});

describe.runIf(hasRedis)('sessions in Redis', () => {
  it('are shared by two instances and survive a restart', async () => {
    stack = await startStack({ instances: 2, redis: true });
    const session = await login(stack, 'ivy', 0);
    const onOther = await stack.request(MeDocument, {}, { ...bearer(session.token), instance: 1 });
    expect(onOther.data?.me.openid).toBe(session.viewer.openid);

    await stack.instances[0]!.gateway.close();
    await stack.instances[1]!.gateway.close();
    stack.instances.splice(0, 2);
    await stack.addInstance();
    const afterRestart = await stack.request(MeDocument, {}, bearer(session.token));
    expect(afterRestart.data?.me.openid).toBe(session.viewer.openid);
  });
});
