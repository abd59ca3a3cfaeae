import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.ts';
import { MP, OA, RID, classicToken, fixture, get, keys, login, mintCode, post, stableToken } from './helpers.ts';
import { itFixtures } from '../helpers/fixtures.ts';

let emulator: Emulator;
let base: string;
let token: string;

beforeAll(async () => {
  emulator = await startEmulator();
  base = emulator.url;
});
afterAll(() => emulator.close());
beforeEach(async () => {
  emulator.reset();
  token = (await stableToken(base)).access_token as string;
});

const OPENID = /^o[A-Za-z0-9_-]{27}$/;
const sign = (sessionKey: string) => createHmac('sha256', sessionKey).update('').digest('hex');

describe('sns/jscode2session', () => {
  itFixtures('answers a minted code with the fixture shape (no errcode)', async () => {
    const body = await login(base, await mintCode(base, MP.appid, 'login'));
    const sample = fixture('sns/jscode2session.json');
    // The primary sample still carries expires_in, which current docs dropped (see its notes);
    // the SKIT sample has today's key set.
    const current = sample.more_samples?.find((s) => s.source.includes('SKIT'))?.response;
    expect(keys(body)).toEqual(keys(current));
    expect(keys(body)).toEqual(keys(sample.response).filter((key) => key !== 'expires_in'));
    expect(body.openid).toMatch(OPENID);
    expect(body.unionid).toMatch(OPENID);
    expect(Buffer.from(body.session_key, 'base64')).toHaveLength(16);
  });

  it('codes are single use (40163) and unknown codes get 40029', async () => {
    const code = await mintCode(base, MP.appid, 'login');
    expect((await login(base, code)).openid).toBeDefined();
    const reused = await login(base, code);
    expect(reused.errcode).toBe(40163);
    expect(reused.errmsg).toMatch(/^code been used rid: /);
    const unknown = await login(base, '023dUeGW1oeGOZ0JXvHW1SDVFW1dUeGu');
    expect(unknown.errcode).toBe(40029);
    expect(unknown.errmsg).toMatch(RID);
  });

  it('checks credentials, code presence and app kind', async () => {
    const code = await mintCode(base, MP.appid, 'login');
    expect((await login(base, code, { ...MP, secret: 'wrong' })).errcode).toBe(40125);
    expect((await login(base, code, { ...MP, appid: 'wx1111111111111111' })).errcode).toBe(40013);
    expect((await login(base, code, OA)).errcode).toBe(40013);
    expect((await get(base, 'sns/jscode2session', { appid: MP.appid, secret: MP.secret })).errcode).toBe(41008);
    expect((await get(base, 'sns/jscode2session', { secret: MP.secret, js_code: code })).errcode).toBe(41002);
    expect((await get(base, 'sns/jscode2session', { appid: MP.appid, js_code: code })).errcode).toBe(41004);
    const badGrant = { appid: MP.appid, secret: MP.secret, js_code: code, grant_type: 'client_credential' };
    expect((await get(base, 'sns/jscode2session', badGrant)).errcode).toBe(40002);
    // None of the failures used the code up.
    expect((await login(base, code)).openid).toBeDefined();
  });

  it('accepts a never-minted dev_ code once, as the user it names', async () => {
    const first = await login(base, 'dev_alice');
    expect(first.openid).toMatch(OPENID);
    expect((await login(base, 'dev_alice')).errcode).toBe(40163);
    const minted = await login(base, await mintCode(base, MP.appid, 'login', 'alice'));
    expect(minted.openid).toBe(first.openid);
    expect(minted.unionid).toBe(first.unionid);
    expect(minted.session_key).not.toBe(first.session_key);
    const bob = await login(base, 'dev_bob');
    expect(bob.openid).not.toBe(first.openid);
    expect((await login(base, 'dev_')).errcode).toBe(40029);
    // A suffix after a dash signs the same user in again, each code once.
    const again = await login(base, 'dev_alice-2');
    expect(again.openid).toBe(first.openid);
    expect(again.unionid).toBe(first.unionid);
    expect((await login(base, 'dev_alice-2')).errcode).toBe(40163);
    expect((await login(base, 'dev_-2')).errcode).toBe(40029);
  });

  it('gives a random user by default and per-app openids with a shared unionid', async () => {
    const a = await login(base, await mintCode(base, MP.appid, 'login'));
    const b = await login(base, await mintCode(base, MP.appid, 'login'));
    expect(a.openid).not.toBe(b.openid);
    const second = { appid: 'wx2222222222222222', secret: 'second-app-secret', kind: 'miniprogram' as const };
    const two = await startEmulator({ apps: [MP, second] });
    try {
      const here = await login(two.url, 'dev_carol', MP);
      const there = await login(two.url, 'dev_carol', second);
      expect(there.openid).not.toBe(here.openid);
      expect(there.openid.slice(0, 6)).not.toBe(here.openid.slice(0, 6));
      expect(there.unionid).toBe(here.unionid);
    } finally {
      await two.close();
    }
  });
});

describe('wxa/business/getuserphonenumber', () => {
  const phone = (code: string, accessToken = token) =>
    post(base, 'wxa/business/getuserphonenumber', { code }, { access_token: accessToken });

  itFixtures('answers the fixture shape with a deterministic number per user', async () => {
    const body = await phone(await mintCode(base, MP.appid, 'phone', 'dave'));
    const sample = fixture('wxa/business/getuserphonenumber.json').response as Record<string, any>;
    expect(keys(body)).toEqual(keys(sample));
    expect(keys(body.phone_info)).toEqual(keys(sample.phone_info));
    expect(keys(body.phone_info.watermark)).toEqual(keys(sample.phone_info.watermark));
    expect(body).toMatchObject({ errcode: 0, errmsg: 'ok' });
    expect(body.phone_info.phoneNumber).toMatch(/^138\d{8}$/);
    expect(body.phone_info.purePhoneNumber).toBe(body.phone_info.phoneNumber);
    expect(body.phone_info.watermark.appid).toBe(MP.appid);
    const again = await phone('dev_dave');
    expect(again.phone_info.phoneNumber).toBe(body.phone_info.phoneNumber);
    expect((await phone('dev_erin')).phone_info.phoneNumber).not.toBe(body.phone_info.phoneNumber);
  });

  it('codes are single use; reused and unknown both answer 40029', async () => {
    const code = await mintCode(base, MP.appid, 'phone');
    expect((await phone(code)).errcode).toBe(0);
    expect((await phone(code)).errcode).toBe(40029);
    expect((await phone('dev_frank')).errcode).toBe(0);
    expect((await phone('dev_frank')).errcode).toBe(40029);
    expect((await phone('nope')).errcode).toBe(40029);
  });

  it('does not take login codes, needs a token and a POST', async () => {
    expect((await phone(await mintCode(base, MP.appid, 'login'))).errcode).toBe(40029);
    expect((await post(base, 'wxa/business/getuserphonenumber', { code: 'dev_g' })).errcode).toBe(41001);
    const viaGet = await get(base, 'wxa/business/getuserphonenumber', { access_token: token, code: 'dev_g' });
    expect(viaGet.errcode).toBe(43002);
  });
});

describe('wxa/checksession', () => {
  const check = (openid: string, signature: string) =>
    get(base, 'wxa/checksession', { access_token: token, openid, signature, sig_method: 'hmac_sha256' });

  it('accepts hmac_sha256(session_key, "") of the latest session only', async () => {
    const first = await login(base, 'dev_henry');
    expect(await check(first.openid, sign(first.session_key))).toEqual({ errcode: 0, errmsg: 'ok' });
    const bad = await check(first.openid, sign('not-the-key'));
    expect(bad.errcode).toBe(87009);
    expect(bad.errmsg).toMatch(/^invalid signature rid: /);
    const second = await login(base, await mintCode(base, MP.appid, 'login', 'henry'));
    expect((await check(first.openid, sign(first.session_key))).errcode).toBe(87009);
    expect((await check(second.openid, sign(second.session_key))).errcode).toBe(0);
  });

  it('87009 for an openid without a session, 47001 for missing parameters', async () => {
    expect((await check('o' + 'x'.repeat(27), sign('k'))).errcode).toBe(87009);
    expect((await get(base, 'wxa/checksession', { access_token: token, openid: 'o' })).errcode).toBe(47001);
  });
});

describe('wxa/getpaidunionid', () => {
  it('answers the unionid of a known openid, by transaction or by order', async () => {
    const user = await login(base, 'dev_ivy');
    const byTransaction = await get(base, 'wxa/getpaidunionid', {
      access_token: token,
      openid: user.openid,
      transaction_id: '4200000000000000000000000001',
    });
    expect(byTransaction).toEqual({ unionid: user.unionid, errcode: 0, errmsg: 'ok' });
    const byOrder = await get(base, 'wxa/getpaidunionid', {
      access_token: token,
      openid: user.openid,
      mch_id: '1230000109',
      out_trade_no: 'order-1',
    });
    expect(byOrder.unionid).toBe(user.unionid);
  });

  it('40003 for an unknown openid, 47001 without an order reference', async () => {
    const unknown = await get(base, 'wxa/getpaidunionid', {
      access_token: token,
      openid: 'o' + 'y'.repeat(27),
      transaction_id: '1',
    });
    expect(unknown.errcode).toBe(40003);
    const user = await login(base, 'dev_jack');
    const noOrder = await get(base, 'wxa/getpaidunionid', { access_token: token, openid: user.openid, mch_id: '1' });
    expect(noOrder.errcode).toBe(47001);
  });
});

describe('ops', () => {
  itFixtures.each(['cgi-bin/get_api_domain_ip', 'cgi-bin/getcallbackip'])('%s answers the fixture shape with a CIDR block', async (path) => {
    const official = await classicToken(base, OA);
    const body = await get(base, path, { access_token: official.access_token });
    expect(keys(body)).toEqual(keys(fixture('cgi-bin/get_api_domain_ip.json').response));
    expect(body.ip_list.length).toBeGreaterThan(1);
    expect(body.ip_list.some((ip: string) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(ip))).toBe(true);
  });

  it('answers unknown paths with HTTP 404 JSON and does not count them', async () => {
    const res = await fetch(`${base}/cgi-bin/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ errcode: 404, errmsg: 'not found' });
    expect(emulator.calls()['cgi-bin/nope']).toBeUndefined();
  });
});
