import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMULATOR_CODE_ORIGIN } from '../../src/emulator/routes/qrcode.ts';
import { CreateQrCodeDocument, CreateQrCodeWithDataDocument, QrCodeQuotaDocument, type CreateQrCodeInput } from '../gql/graphql.ts';
import { redisAvailable } from '../helpers/redis.ts';
import { fixture as wechatFixture, itFixtures } from '../helpers/fixtures.ts';
import { errorCodes, startStack, type Stack } from '../helpers/stack.ts';

// jsqr is CommonJS with `exports.default`: under NodeNext the default import is the module object.
const jsQR = jsqr.default;
const hasRedis = await redisAvailable();
const QR_ENDPOINTS = ['wxa/getwxacodeunlimit', 'wxa/getwxacode', 'cgi-bin/wxaapp/createwxaqrcode'];

let stack: Stack | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await stack?.close();
  stack = undefined;
});

const fixture = (path: string) =>
  wechatFixture(path) as {
    request: { body: Record<string, unknown> };
  };

const qrCalls = (s: Stack) => Object.fromEntries(QR_ENDPOINTS.map((endpoint) => [endpoint, s.emulator.calls()[endpoint] ?? 0]));

async function create(s: Stack, input: CreateQrCodeInput, options: { instance?: number; key?: string | null; app?: string } = {}) {
  return s.request(CreateQrCodeDocument, { input, app: options.app }, { instance: options.instance, key: options.key });
}

async function created(s: Stack, input: CreateQrCodeInput, instance = 0) {
  const response = await create(s, input, { instance });
  expect(response.errors).toBeUndefined();
  return response.data!.createQRCode;
}

/** Fetches /media/:id and reads the QR code in it back. */
async function readCode(s: Stack, url: string, instance = 0) {
  const response = await fetch(`${s.instances[instance]!.url}${url}`);
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  const png = PNG.sync.read(bytes);
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code, 'the image holds a readable QR code').not.toBeNull();
  return { response, bytes, png, content: new URL(code!.data) };
}

describe('createQRCode', () => {
  it('draws an unlimited code that decodes to the requested page and scene, served at /media/:id', async () => {
    stack = await startStack();
    const code = await created(stack, { kind: 'UNLIMITED', scene: "id=42&from=poster,a:b'c", page: 'pages/product/detail', width: 300 });
    expect(code).toMatchObject({ kind: 'UNLIMITED', contentType: 'image/png', reused: false, url: `/media/${code.id}` });
    expect(code.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Date(code.expiresAt!).getTime() - Date.now()).toBeGreaterThan(86_300_000);

    const { response, bytes, png, content } = await readCode(stack, code.url);
    expect(bytes.length).toBe(code.byteSize);
    expect(png.width).toBe(300);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=(86[34]\d\d), immutable$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(`${content.origin}${content.pathname}`).toBe(`${EMULATOR_CODE_ORIGIN}/unlimited`);
    expect(Object.fromEntries(content.searchParams)).toEqual({
      appid: stack.config.apps[0]!.appid,
      page: 'pages/product/detail',
      scene: "id=42&from=poster,a:b'c",
      env_version: 'release',
    });

    // Conditional and HEAD requests.
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const again = await fetch(`${stack.instances[0]!.url}${code.url}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const head = await fetch(`${stack.instances[0]!.url}${code.url}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(code.byteSize));

    // The same request again is the same stored image, without WeChat.
    const repeat = await created(stack, { kind: 'UNLIMITED', scene: "id=42&from=poster,a:b'c", page: 'pages/product/detail', width: 300 });
    expect(repeat).toMatchObject({ id: code.id, reused: true });
    expect(qrCalls(stack)['wxa/getwxacodeunlimit']).toBe(1);
  });

  it('draws limited and legacy codes holding their path, kept for ever', async () => {
    stack = await startStack();
    const limited = await created(stack, { kind: 'LIMITED', path: 'pages/order/detail?id=7&ref=mail', envVersion: 'TRIAL' });
    expect(limited).toMatchObject({ kind: 'LIMITED', expiresAt: null, reused: false });
    const read = await readCode(stack, limited.url);
    expect(read.content.pathname).toBe('/limited');
    expect(read.content.searchParams.get('path')).toBe('pages/order/detail?id=7&ref=mail');
    expect(read.content.searchParams.get('env_version')).toBe('trial');
    expect(read.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const legacy = await created(stack, { kind: 'LEGACY', path: 'pages/order/detail?id=7&ref=mail', width: 280 });
    expect(legacy.id).not.toBe(limited.id);
    const square = await readCode(stack, legacy.url);
    expect(square.content.pathname).toBe('/legacy');
    expect(square.content.searchParams.get('path')).toBe('pages/order/detail?id=7&ref=mail');
    expect(qrCalls(stack)).toEqual({ 'wxa/getwxacodeunlimit': 0, 'wxa/getwxacode': 1, 'cgi-bin/wxaapp/createwxaqrcode': 1 });

    const quota = await stack.request(QrCodeQuotaDocument, {});
    expect(quota.data?.qrCodeQuota).toEqual({ limitedUsed: 2, limitedTotal: 100_000, limitedRemaining: 99_998, unlimitedCacheSeconds: 86_400 });
  });

  it('asks WeChat once for 100 identical limited codes, concurrent or not', async () => {
    stack = await startStack();
    const input: CreateQrCodeInput = { kind: 'LIMITED', path: 'pages/product/detail?id=1', width: 280, lineColor: { r: 10, g: 20, b: 30 } };
    const burst = await Promise.all(Array.from({ length: 100 }, () => create(stack!, input)));
    expect(burst.flatMap((response) => response.errors ?? [])).toEqual([]);
    const codes = burst.map((response) => response.data!.createQRCode);
    expect(new Set(codes.map((code) => code.id)).size).toBe(1);
    expect(codes.filter((code) => !code.reused)).toHaveLength(1);
    expect(qrCalls(stack)['wxa/getwxacode']).toBe(1);

    for (let i = 0; i < 100; i++) expect((await created(stack, input)).id).toBe(codes[0]!.id);
    expect(qrCalls(stack)['wxa/getwxacode']).toBe(1);
    // Defaults count as given: width 280 vs 430 differs, an explicit envVersion RELEASE does not.
    expect((await created(stack, { ...input, envVersion: 'RELEASE' })).id).toBe(codes[0]!.id);
    expect((await created(stack, { ...input, width: 430 })).reused).toBe(false);
    expect(qrCalls(stack)['wxa/getwxacode']).toBe(2);
    expect((await stack.request(QrCodeQuotaDocument, {})).data?.qrCodeQuota.limitedUsed).toBe(2);
  });

  it.each<[string, CreateQrCodeInput, RegExp]>([
    ['scene over 32 characters', { kind: 'UNLIMITED', scene: 'x'.repeat(33) }, /input\.scene: must be at most 32 characters/],
    ['scene with a character WeChat refuses', { kind: 'UNLIMITED', scene: 'id=1 2' }, /input\.scene: may contain only 0-9, a-z, A-Z/],
    ['scene with non-ASCII', { kind: 'UNLIMITED', scene: '商品=1' }, /input\.scene: may contain only/],
    ['empty scene', { kind: 'UNLIMITED', scene: '' }, /input\.scene: must not be empty/],
    ['unlimited code without scene', { kind: 'UNLIMITED', page: 'pages/index/index' }, /input\.scene: UNLIMITED codes need a scene/],
    ['page with a leading slash', { kind: 'UNLIMITED', scene: 'a=1', page: '/pages/index/index' }, /input\.page: must not start with "\/"/],
    ['page with a query', { kind: 'UNLIMITED', scene: 'a=1', page: 'pages/index/index?a=1' }, /input\.page: takes no query/],
    ['path over 128 bytes', { kind: 'LIMITED', path: `pages/index/index?q=${'商'.repeat(40)}` }, /input\.path: must be at most 128 bytes/],
    ['path with a leading slash', { kind: 'LEGACY', path: '/pages/index/index' }, /input\.path: must not start with "\/"/],
    ['path with scancode_time', { kind: 'LIMITED', path: 'pages/index/index?scancode_time=1' }, /input\.path: must not carry scancode_time/],
    ['limited code without path', { kind: 'LIMITED' }, /input\.path: LIMITED codes need a path/],
    ['width under 280', { kind: 'LIMITED', path: 'pages/index/index', width: 279 }, /input\.width: must be at least 280 pixels/],
    ['width over 1280', { kind: 'UNLIMITED', scene: 'a=1', width: 1281 }, /input\.width: must be at most 1280 pixels/],
    ['colour channel over 255', { kind: 'LIMITED', path: 'pages/index/index', lineColor: { r: 0, g: 256, b: 0 } }, /input\.lineColor\.g: must be 0\.\.255/],
    ['negative colour channel', { kind: 'UNLIMITED', scene: 'a=1', lineColor: { r: -1, g: 0, b: 0 } }, /input\.lineColor\.r: must be 0\.\.255/],
    ['lineColor with autoColor', { kind: 'UNLIMITED', scene: 'a=1', autoColor: true, lineColor: { r: 1, g: 2, b: 3 } }, /input\.lineColor: applies only when autoColor is false/],
    ['scene on a limited code', { kind: 'LIMITED', path: 'pages/index/index', scene: 'a=1' }, /input: LIMITED codes do not take scene/],
    ['colours on a legacy code', { kind: 'LEGACY', path: 'pages/index/index', isHyaline: true, envVersion: 'TRIAL' }, /input: LEGACY codes do not take envVersion, isHyaline/],
    ['path on an unlimited code', { kind: 'UNLIMITED', scene: 'a=1', path: 'pages/index/index' }, /input: UNLIMITED codes do not take path/],
  ])('refuses %s before calling WeChat', async (_name, input, message) => {
    stack = await startStack();
    const response = await create(stack, input);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(message);
    expect(response.data).toBeNull();
    expect(qrCalls(stack)).toEqual({ 'wxa/getwxacodeunlimit': 0, 'wxa/getwxacode': 0, 'cgi-bin/wxaapp/createwxaqrcode': 0 });
    expect(stack.emulator.calls()['cgi-bin/stable_token']).toBeUndefined();
  });

  it('refuses an unknown envVersion at the schema, before any call', async () => {
    stack = await startStack();
    const response = await create(stack, { kind: 'UNLIMITED', scene: 'a=1', envVersion: 'release_error' as never });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(/"release_error" does not exist in "MiniProgramEnvVersion"/);
    expect(qrCalls(stack)['wxa/getwxacodeunlimit']).toBe(0);
  });

  it("turns WeChat's JSON answer into a typed error, never an image, and does not keep it", async () => {
    stack = await startStack();
    for (let i = 1; i <= 2; i++) {
      const response = await create(stack, { kind: 'UNLIMITED', scene: 'a=1', page: 'pages/missing/page' });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions).toMatchObject({ errcode: 41030, errmsg: 'invalid page', endpoint: 'wxa/getwxacodeunlimit' });
      expect(response.errors?.[0]?.extensions?.rid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
      expect(response.data).toBeNull();
      expect(qrCalls(stack)['wxa/getwxacodeunlimit']).toBe(i);
    }
    // check_path: false lets an unreleased page through, as WeChat does.
    const unchecked = await created(stack, { kind: 'UNLIMITED', scene: 'a=1', page: 'pages/missing/page', checkPath: false });
    expect((await readCode(stack, unchecked.url)).content.searchParams.get('page')).toBe('pages/missing/page');
  });

  it('stops at 45029, then refuses new limited codes itself while still serving stored ones', async () => {
    stack = await startStack();
    const kept = await created(stack, { kind: 'LEGACY', path: 'pages/index/index' });
    const appid = stack.config.apps[0]!.appid;
    const admin = await fetch(`${stack.emulator.url}/__emulator/qrcode/quota`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appid, used: 100_000 }),
    });
    expect(admin.status).toBe(200);

    const spent = await create(stack, { kind: 'LIMITED', path: 'pages/index/index?new=1' });
    expect(errorCodes(spent)).toEqual(['QUOTA_EXHAUSTED']);
    expect(spent.errors?.[0]?.extensions).toMatchObject({ errcode: 45029, endpoint: 'wxa/getwxacode' });
    expect(qrCalls(stack)['wxa/getwxacode']).toBe(1);
    expect((await stack.request(QrCodeQuotaDocument, {})).data?.qrCodeQuota).toMatchObject({ limitedUsed: 100_000, limitedRemaining: 0 });

    const refused = await create(stack, { kind: 'LEGACY', path: 'pages/index/index?new=2' });
    expect(errorCodes(refused)).toEqual(['QUOTA_EXHAUSTED']);
    expect(refused.errors?.[0]?.message).toMatch(/used all 100000 limited codes.*UNLIMITED/);
    expect(qrCalls(stack)).toEqual({ 'wxa/getwxacodeunlimit': 0, 'wxa/getwxacode': 1, 'cgi-bin/wxaapp/createwxaqrcode': 1 });

    expect(await created(stack, { kind: 'LEGACY', path: 'pages/index/index' })).toMatchObject({ id: kept.id, reused: true });
    expect((await created(stack, { kind: 'UNLIMITED', scene: 'still=ok' })).reused).toBe(false);
  });

  it('keeps unlimited codes for QRCODE_UNLIMITED_CACHE_SECONDS, then asks WeChat again', async () => {
    stack = await startStack({ env: { QRCODE_UNLIMITED_CACHE_SECONDS: '120' } });
    const first = await created(stack, { kind: 'UNLIMITED', scene: 'ttl=1' });
    expect(new Date(first.expiresAt!).getTime() - new Date(first.createdAt).getTime()).toBe(120_000);
    expect((await created(stack, { kind: 'UNLIMITED', scene: 'ttl=1' })).id).toBe(first.id);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 121_000);
    const second = await created(stack, { kind: 'UNLIMITED', scene: 'ttl=1' });
    expect(second).toMatchObject({ reused: false });
    expect(second.id).not.toBe(first.id);
    expect(qrCalls(stack)['wxa/getwxacodeunlimit']).toBe(2);
    expect((await fetch(`${stack.instances[0]!.url}${first.url}`)).status).toBe(404);
  });

  it('gives the image inline as a data URL when asked', async () => {
    stack = await startStack();
    const response = await stack.request(CreateQrCodeWithDataDocument, { input: { kind: 'UNLIMITED', scene: 'inline=1' } });
    expect(response.errors).toBeUndefined();
    const { dataUrl, id } = response.data!.createQRCode;
    expect(dataUrl).toMatch(/^data:image\/png;base64,/);
    const served = Buffer.from(await (await fetch(`${stack.instances[0]!.url}/media/${id}`)).arrayBuffer());
    expect(Buffer.from(dataUrl.split(',')[1]!, 'base64').equals(served)).toBe(true);
  });

  itFixtures('feeds the fixture requests through', async () => {
    stack = await startStack();
    const unlimited = fixture('wxa/getwxacodeunlimit.json').request.body;
    const a = await created(stack, {
      kind: 'UNLIMITED',
      scene: unlimited.scene as string,
      page: unlimited.page as string,
      checkPath: unlimited.check_path as boolean,
      envVersion: 'RELEASE',
    });
    expect((await readCode(stack, a.url)).content.searchParams.get('scene')).toBe('a=1');
    const limited = fixture('wxa/getwxacode.json').request.body;
    const b = await created(stack, { kind: 'LIMITED', path: limited.path as string, width: limited.width as number, envVersion: 'RELEASE' });
    expect((await readCode(stack, b.url)).content.searchParams.get('path')).toBe('funpackage/questionsWall/questionInfo?question_id=22579');
    const legacy = fixture('cgi-bin/wxaapp/createwxaqrcode.json').request.body;
    const c = await created(stack, { kind: 'LEGACY', path: legacy.path as string, width: legacy.width as number });
    expect((await readCode(stack, c.url)).png.width).toBe(430);
  });

  it('needs qrcode:create and a mini program', async () => {
    stack = await startStack();
    const forbidden = await create(stack, { kind: 'UNLIMITED', scene: 'a=1' }, { key: stack.keys.logs });
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
    expect(forbidden.errors?.[0]?.message).toMatch(/qrcode:create/);
    const anonymous = await stack.request(QrCodeQuotaDocument, {}, { key: null });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const account = await create(stack, { kind: 'UNLIMITED', scene: 'a=1' }, { app: 'officialAccount' });
    expect(errorCodes(account)).toEqual(['BAD_USER_INPUT']);
    expect(qrCalls(stack)['wxa/getwxacodeunlimit']).toBe(0);
  });
});

describe('/media/:id', () => {
  it('answers 404 for unknown or malformed ids and 405 for other methods', async () => {
    stack = await startStack();
    const base = stack.instances[0]!.url;
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'nope', '%2e%2e%2fgraphql', '']) {
      const response = await fetch(`${base}/media/${id}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    const code = await created(stack, { kind: 'UNLIMITED', scene: 'm=1' });
    const post = await fetch(`${base}${code.url}`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});

describe.runIf(hasRedis)('QR codes across instances (Redis)', () => {
  it('one upstream call for identical requests spread over two instances, and one quota count', async () => {
    stack = await startStack({ instances: 2, redis: true });
    const input: CreateQrCodeInput = { kind: 'LIMITED', path: 'pages/product/detail?id=99' };
    const burst = await Promise.all(Array.from({ length: 60 }, (_, i) => create(stack!, input, { instance: i % 2 })));
    expect(burst.flatMap((response) => response.errors ?? [])).toEqual([]);
    expect(new Set(burst.map((response) => response.data!.createQRCode.id)).size).toBe(1);
    expect(qrCalls(stack)['wxa/getwxacode']).toBe(1);

    const id = burst[0]!.data!.createQRCode.id;
    expect((await readCode(stack, `/media/${id}`, 1)).content.searchParams.get('path')).toBe('pages/product/detail?id=99');
    expect((await stack.request(QrCodeQuotaDocument, {}, { instance: 1 })).data?.qrCodeQuota.limitedUsed).toBe(1);

    // Different codes from both instances at once: no count is lost.
    await Promise.all(Array.from({ length: 10 }, (_, i) => created(stack!, { kind: 'LEGACY', path: `pages/index/index?n=${i}` }, i % 2)));
    expect((await stack.request(QrCodeQuotaDocument, {})).data?.qrCodeQuota.limitedUsed).toBe(11);
  });
});
