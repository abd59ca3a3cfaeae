import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_CODE_ORIGIN } from '../../src/emulator/routes/qrcode.ts';
import { startEmulator, type Emulator } from '../../src/emulator/server.ts';
import { fixture as load, MP, OA, post, RID, stableToken, type Body, type Fixture } from './helpers.ts';
import { itFixtures } from '../helpers/fixtures.ts';

const fixture = (path: string) => load(path) as Fixture & { request: { body: Record<string, unknown> } };

const jsQR = jsqr.default;
let emulator: Emulator;
let token: string;
beforeAll(async () => {
  emulator = await startEmulator();
  token = (await stableToken(emulator.url)).access_token as string;
});
afterAll(() => emulator.close());

/** Raw answer: the image endpoints answer bytes on success and JSON on failure. */
async function raw(path: string, body: unknown, accessToken = token) {
  const res = await fetch(`${emulator.url}/${path}?access_token=${accessToken}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  return type.startsWith('image/') ? { type, bytes } : { type, json: JSON.parse(bytes.toString()) as Body };
}

function decode(bytes: Buffer): URL {
  const png = PNG.sync.read(bytes);
  return new URL(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data);
}

describe('emulated mini-program codes', () => {
  itFixtures('answers the fixture requests with decodable PNGs', async () => {
    const unlimited = await raw('wxa/getwxacodeunlimit', fixture('wxa/getwxacodeunlimit.json').request.body);
    expect(unlimited.type).toBe('image/png');
    expect(Object.fromEntries(decode(unlimited.bytes!).searchParams)).toMatchObject({ page: 'pages/index/index', scene: 'a=1' });
    const limited = await raw('wxa/getwxacode', fixture('wxa/getwxacode.json').request.body);
    expect(decode(limited.bytes!).href).toBe(
      `${EMULATOR_CODE_ORIGIN}/limited?appid=${MP.appid}&path=funpackage%2FquestionsWall%2FquestionInfo%3Fquestion_id%3D22579&env_version=release`,
    );
    const legacy = await raw('cgi-bin/wxaapp/createwxaqrcode', fixture('cgi-bin/wxaapp/createwxaqrcode.json').request.body);
    expect(PNG.sync.read(legacy.bytes!).width).toBe(430);
  });

  it.each([
    ['wxa/getwxacodeunlimit', { scene: 'a=1', page: 'pages/missing/page' }, 41030, 'invalid page'],
    ['wxa/getwxacodeunlimit', { scene: 'a=1', page: '/pages/index/index', check_path: false }, 41030, 'invalid page'],
    ['wxa/getwxacodeunlimit', { scene: 'a=1', env_version: 'release_error' }, 40097, 'invalid args'],
    ['wxa/getwxacodeunlimit', { page: 'pages/index/index' }, 40169, 'invalid length for scene, or the data is not json string'],
    ['wxa/getwxacodeunlimit', { scene: 'a b' }, 40129, 'invalid scene'],
    ['wxa/getwxacode', { path: '' }, 40159, 'invalid length for path  or thedata is not json string'],
    ['wxa/getwxacode', { path: 'pages/index/index?scancode_time=1' }, 85096, 'not allow include scancode_time field'],
    ['cgi-bin/wxaapp/createwxaqrcode', { path: 'x'.repeat(129), width: 430 }, 40159, 'invalid length for path  or thedata is not json string'],
  ])('%s %j answers %i as JSON', async (path, body, errcode, errmsg) => {
    const answer = await raw(path, body);
    expect(answer.type).toMatch(/^application\/json/);
    expect(answer.json!.errcode).toBe(errcode);
    expect(answer.json!.errmsg).toMatch(new RegExp(`^${errmsg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${RID.source}`));
  });

  it('counts every limited code, identical or not, and answers 45029 past 100 000', async () => {
    const admin = await fetch(`${emulator.url}/__emulator/qrcode/quota`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appid: MP.appid, used: 99_999 }),
    });
    expect(admin.status).toBe(200);
    expect((await raw('wxa/getwxacode', { path: 'pages/index/index' })).type).toBe('image/png');
    expect((await raw('wxa/getwxacode', { path: 'pages/index/index' })).json).toMatchObject({ errcode: 45029 });
    expect((await raw('cgi-bin/wxaapp/createwxaqrcode', { path: 'pages/index/index' })).json).toMatchObject({ errcode: 45029 });
    expect((await raw('wxa/getwxacodeunlimit', { scene: 'x=1' })).type).toBe('image/png');
  });

  it('is for mini programs only (48001)', async () => {
    const oaToken = (await stableToken(emulator.url, OA)).access_token as string;
    expect((await raw('wxa/getwxacodeunlimit', { scene: 'a=1' }, oaToken)).json).toMatchObject({ errcode: 48001 });
  });
});

describe('emulated schemes and links', () => {
  itFixtures('registers what it generates and answers query with it', async () => {
    const q = { access_token: token };
    const scheme = await post(emulator.url, 'wxa/generatescheme', fixture('wxa/generatescheme.json').request.body, q);
    expect(scheme).toMatchObject({ errcode: 0, errmsg: 'ok' });
    expect(scheme.openlink).toMatch(/^weixin:\/\/dl\/business\/\?t=[A-Za-z0-9]{11}$/);
    const info = await post(emulator.url, 'wxa/queryscheme', { scheme: scheme.openlink, query_type: 0 }, q);
    expect(Object.keys(info.scheme_info).sort()).toEqual(Object.keys(fixture('wxa/queryscheme.json').response.scheme_info as object).sort());
    expect(info.scheme_info).toMatchObject({ appid: MP.appid, path: 'pages/publishHomework/publishHomework', query: '', env_version: 'release' });
    expect(info.scheme_info.expire_time - info.scheme_info.create_time).toBe(86_400);

    const link = await post(emulator.url, 'wxa/generate_urllink', { path: 'pages/index/index', query: 'a=1', expire_type: 1, expire_interval: 30 }, q);
    expect(link.url_link).toMatch(/^https:\/\/wxaurl\.cn\/[A-Za-z0-9]{11}$/);
    const linkInfo = await post(emulator.url, 'wxa/query_urllink', { url_link: link.url_link, query_type: 0 }, q);
    expect(linkInfo.url_link_info).toMatchObject({ path: 'pages/index/index', query: 'a=1', cloud_base: { doamin: '' } });

    const short = await post(emulator.url, 'wxa/genwxashortlink', fixture('wxa/genwxashortlink.json').request.body, q);
    expect(short.link).toMatch(/^#小程序:\/\/.+\/[A-Za-z0-9]{15}$/);
  });

  it.each([
    ['wxa/generatescheme', { jump_wxa: { path: 'pages/nope/nope' }, expire_type: 1, expire_interval: 1 }, 40165],
    ['wxa/generatescheme', { jump_wxa: { query: 'a=张' }, expire_type: 1, expire_interval: 1 }, 40212],
    ['wxa/generatescheme', { jump_wxa: { env_version: 'beta' }, expire_type: 1, expire_interval: 1 }, 85402],
    ['wxa/generatescheme', { is_expire: true, expire_time: 1606737600 }, 85401],
    ['wxa/generate_urllink', { expire_type: 1, expire_interval: 31 }, 85401],
    ['wxa/queryscheme', { scheme: 'weixin://dl/business/?t=XTSkBZlzqmn' }, 85403],
    ['wxa/query_urllink', { url_link: 'https://wxaurl.cn/BQZRrcFCPvg' }, 85403],
    ['wxa/genwxashortlink', { page_url: 'pages/nope/nope' }, 40066],
  ])('%s %j answers %i', async (path, body, errcode) => {
    const answer = await post(emulator.url, path, body, { access_token: token });
    expect(answer.errcode).toBe(errcode);
    expect(answer.errmsg).toMatch(RID);
  });
});
