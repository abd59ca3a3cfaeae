import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.ts';
import { MP, OA, RID, classicToken, fixture, get, ipList, keys, post, stableToken } from './helpers.ts';
import { itFixtures } from '../helpers/fixtures.ts';

let emulator: Emulator;
let base: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  base = emulator.url;
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

describe('cgi-bin/token', () => {
  itFixtures('answers the fixture shape with a realistic token and no errcode', async () => {
    const body = await classicToken(base);
    expect(keys(body)).toEqual(keys(fixture('cgi-bin/token.json').response));
    expect(body.access_token).toMatch(/^\d+_[A-Za-z0-9_-]{90,}$/);
    expect(body.expires_in).toBe(7200);
  });

  it('kills the previous classic token at once but leaves the stable token alone', async () => {
    const first = await classicToken(base);
    const stable = await stableToken(base);
    const second = await classicToken(base);
    expect(second.access_token).not.toBe(first.access_token);
    expect((await ipList(base, first.access_token)).errcode).toBe(40001);
    expect((await ipList(base, second.access_token)).ip_list).toBeDefined();
    expect((await ipList(base, stable.access_token)).ip_list).toBeDefined();
  });

  it.each([
    ['wrong grant_type', { grant_type: 'password', appid: MP.appid, secret: MP.secret }, 40002],
    ['missing grant_type', { appid: MP.appid, secret: MP.secret }, 40002],
    ['missing appid', { grant_type: 'client_credential', secret: MP.secret }, 41002],
    ['missing secret', { grant_type: 'client_credential', appid: MP.appid }, 41004],
    ['unknown appid', { grant_type: 'client_credential', appid: 'wx0000000000000000', secret: MP.secret }, 40013],
    ['wrong secret', { grant_type: 'client_credential', appid: MP.appid, secret: OA.secret }, 40125],
  ])('%s -> %i', async (_name, query, errcode) => {
    const body = await get(base, 'cgi-bin/token', query as Record<string, string>);
    expect(body.errcode).toBe(errcode);
    expect(body.errmsg).toMatch(RID);
    expect(keys(body)).toEqual(['errcode', 'errmsg']);
  });

  it("starts the rid with the hex unix time", async () => {
    const body = await get(base, 'cgi-bin/token', {});
    const seconds = parseInt(/ rid: ([0-9a-f]{8})-/.exec(body.errmsg)?.[1] ?? '0', 16);
    expect(Math.abs(seconds - Date.now() / 1000)).toBeLessThan(5);
  });
});

describe('cgi-bin/stable_token', () => {
  itFixtures('answers the fixture shape', async () => {
    const body = await stableToken(base);
    expect(keys(body)).toEqual(keys(fixture('cgi-bin/stable_token.json').response));
    expect(body.access_token).toMatch(/^\d+_[A-Za-z0-9_-]{90,}$/);
  });

  it('returns the same token in normal mode and does not touch the classic pool', async () => {
    const classic = await classicToken(base);
    const first = await stableToken(base);
    const again = await stableToken(base, MP, false);
    expect(again.access_token).toBe(first.access_token);
    expect(again.expires_in).toBeLessThanOrEqual(7200);
    expect((await ipList(base, classic.access_token)).ip_list).toBeDefined();
  });

  it('force_refresh issues a new token and kills the previous stable one only', async () => {
    const classic = await classicToken(base);
    const first = await stableToken(base);
    const forced = await stableToken(base, MP, true);
    expect(forced.access_token).not.toBe(first.access_token);
    expect(forced.expires_in).toBe(7200);
    expect((await ipList(base, first.access_token)).errcode).toBe(40001);
    expect((await ipList(base, forced.access_token)).ip_list).toBeDefined();
    expect((await ipList(base, classic.access_token)).ip_list).toBeDefined();
  });

  it('keeps one pool per app', async () => {
    const mp = await stableToken(base, MP);
    const oa = await stableToken(base, OA, true);
    expect(oa.access_token).not.toBe(mp.access_token);
    expect((await ipList(base, mp.access_token)).ip_list).toBeDefined();
  });

  it.each([
    ['wrong grant_type', { grant_type: 'x', appid: MP.appid, secret: MP.secret }, 40002],
    ['missing appid', { grant_type: 'client_credential', secret: MP.secret }, 41002],
    ['missing secret', { grant_type: 'client_credential', appid: MP.appid }, 41004],
    ['unknown appid', { grant_type: 'client_credential', appid: 'wx0000000000000000', secret: 's' }, 40013],
    ['wrong secret', { grant_type: 'client_credential', appid: MP.appid, secret: 'nope' }, 40125],
    ['non-boolean force_refresh', { grant_type: 'client_credential', appid: MP.appid, secret: MP.secret, force_refresh: 'yes' }, 47001],
  ])('%s -> %i', async (_name, body, errcode) => {
    const answer = await post(base, 'cgi-bin/stable_token', body);
    expect(answer.errcode).toBe(errcode);
    expect(answer.errmsg).toMatch(RID);
  });

  it('wants a JSON POST: GET -> 43002, a body that is not JSON -> 47001', async () => {
    const query = { grant_type: 'client_credential', appid: MP.appid, secret: MP.secret };
    expect((await get(base, 'cgi-bin/stable_token', query)).errcode).toBe(43002);
    const res = await fetch(`${base}/cgi-bin/stable_token`, { method: 'POST', body: new URLSearchParams(query) });
    expect(((await res.json()) as { errcode: number }).errcode).toBe(47001);
  });
});

describe('access_token checks', () => {
  it('41001 when missing, 40014 when malformed, 40001 when never issued', async () => {
    const missing = await get(base, 'cgi-bin/get_api_domain_ip');
    expect(missing.errcode).toBe(41001);
    expect(missing.errmsg).toMatch(/^access_token missing rid: /);
    expect((await ipList(base, 'abc$%def')).errcode).toBe(40014);
    const unknown = await ipList(base, `86_${'A'.repeat(100)}`);
    expect(unknown.errcode).toBe(40001);
    expect(unknown.errmsg).toMatch(/^invalid credential, access_token is invalid or not latest rid: /);
  });

  it('42001 after the admin route expires every token of the app, other apps untouched', async () => {
    const classic = await classicToken(base);
    const stable = await stableToken(base);
    const other = await classicToken(base, OA);
    const res = await post(base, '__emulator/tokens/expire', { appid: MP.appid });
    expect(res.expired).toBe(2);
    expect((await ipList(base, classic.access_token)).errcode).toBe(42001);
    expect((await ipList(base, stable.access_token)).errcode).toBe(42001);
    expect((await ipList(base, other.access_token)).ip_list).toBeDefined();
    // Normal mode replaces an expired stable token.
    const renewed = await stableToken(base);
    expect(renewed.access_token).not.toBe(stable.access_token);
    expect(renewed.expires_in).toBe(7200);
  });

  it('a token only opens its own app: an Official Account token gets 48001 on mini-program APIs', async () => {
    const oa = await classicToken(base, OA);
    const body = await post(base, 'wxa/business/getuserphonenumber', { code: 'dev_x' }, { access_token: oa.access_token });
    expect(body.errcode).toBe(48001);
  });
});

describe('token lifetime', () => {
  it('tokens expire after tokenTtlSeconds and stable_token reports the remaining lifetime', async () => {
    const short = await startEmulator({ tokenTtlSeconds: 2 });
    try {
      const stable = await stableToken(short.url);
      expect(stable.expires_in).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const again = await stableToken(short.url);
      expect(again.access_token).toBe(stable.access_token);
      expect(again.expires_in).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await ipList(short.url, stable.access_token)).errcode).toBe(42001);
    } finally {
      await short.close();
    }
  });
});
