import { afterEach, describe, expect, it } from 'vitest';
import {
  GenerateShortLinkDocument,
  GenerateUrlLinkDocument,
  GenerateUrlSchemeDocument,
  UrlLinkDocument,
  UrlSchemeDocument,
  type GenerateUrlSchemeInput,
} from '../gql/graphql.ts';
import { fixture as wechatFixture, itFixtures } from '../helpers/fixtures.ts';
import { errorCodes, startStack, type Stack } from '../helpers/stack.ts';

const LINK_ENDPOINTS = ['wxa/generatescheme', 'wxa/queryscheme', 'wxa/generate_urllink', 'wxa/query_urllink', 'wxa/genwxashortlink'];
const DAY = 86_400_000;

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const fixture = (path: string) =>
  wechatFixture(path) as {
    request: { body: Record<string, unknown> };
  };

const linkCalls = (s: Stack) => LINK_ENDPOINTS.reduce((sum, endpoint) => sum + (s.emulator.calls()[endpoint] ?? 0), 0);
const near = (iso: string | null | undefined, expected: number, slackMs = 5_000) =>
  expect(Math.abs(new Date(iso!).getTime() - expected)).toBeLessThan(slackMs);

describe('URL schemes', () => {
  it('generates a scheme and reads back what was generated', async () => {
    stack = await startStack();
    const generated = await stack.request(GenerateUrlSchemeDocument, {
      input: { path: 'pages/product/detail', query: 'id=7&from=sms', envVersion: 'TRIAL', expireInDays: 7 },
    });
    expect(generated.errors).toBeUndefined();
    const { openlink, expiresAt } = generated.data!.generateUrlScheme;
    expect(openlink).toMatch(/^weixin:\/\/dl\/business\/\?t=[A-Za-z0-9]{11}$/);
    near(expiresAt, Date.now() + 7 * DAY);

    const read = await stack.request(UrlSchemeDocument, { scheme: openlink });
    expect(read.errors).toBeUndefined();
    expect(read.data?.urlScheme).toMatchObject({
      appid: stack.config.apps[0]!.appid,
      path: 'pages/product/detail',
      query: 'id=7&from=sms',
      envVersion: 'TRIAL',
      visitOpenid: null,
    });
    near(read.data?.urlScheme?.createdAt, Date.now());
    near(read.data?.urlScheme?.expiresAt, new Date(expiresAt).getTime(), 2_000);

    // Query appended by the developer (`cq`) is what WeChat reports (fixture queryscheme §5.1).
    const appended = await stack.request(UrlSchemeDocument, { scheme: `${openlink}&cq=a=hello` });
    expect(appended.data?.urlScheme?.query).toBe('a=hello');
    expect(stack.emulator.calls()).toMatchObject({ 'wxa/generatescheme': 1, 'wxa/queryscheme': 2 });
  });

  it('defaults to the home page, release and 30 days; an exact expiry is kept to the second', async () => {
    stack = await startStack();
    const plain = await stack.request(GenerateUrlSchemeDocument, {});
    near(plain.data?.generateUrlScheme.expiresAt, Date.now() + 30 * DAY);
    const read = await stack.request(UrlSchemeDocument, { scheme: plain.data!.generateUrlScheme.openlink });
    expect(read.data?.urlScheme).toMatchObject({ path: '', query: '', envVersion: 'RELEASE' });
    near(read.data?.urlScheme?.expiresAt, Date.now() + 30 * DAY);

    const at = new Date(Math.floor((Date.now() + 2 * DAY) / 1000) * 1000).toISOString();
    const exact = await stack.request(GenerateUrlSchemeDocument, { input: { path: '/pages/order/list', expireAt: at } });
    expect(exact.data?.generateUrlScheme.expiresAt).toBe(at);
    const back = await stack.request(UrlSchemeDocument, { scheme: exact.data!.generateUrlScheme.openlink });
    expect(back.data?.urlScheme).toMatchObject({ path: 'pages/order/list', expiresAt: at });
  });

  it('answers null for a scheme WeChat does not know (85403)', async () => {
    stack = await startStack();
    const response = await stack.request(UrlSchemeDocument, { scheme: 'weixin://dl/business/?t=XTSkBZlzqmn' });
    expect(response.errors).toBeUndefined();
    expect(response.data?.urlScheme).toBeNull();
    expect(stack.emulator.calls()['wxa/queryscheme']).toBe(1);
  });

  it("reports WeChat's refusal of an unreleased page as bad input (40165)", async () => {
    stack = await startStack();
    const response = await stack.request(GenerateUrlSchemeDocument, { input: { path: 'pages/secret/draft' } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions).toMatchObject({ errcode: 40165, endpoint: 'wxa/generatescheme' });
  });

  it.each<[string, GenerateUrlSchemeInput, RegExp]>([
    ['an expiry in the past', { expireAt: new Date(Date.now() - 1_000).toISOString() }, /input\.expireAt: must be at least 1 minute in the future/],
    ['an expiry under a minute away', { expireAt: new Date(Date.now() + 30_000).toISOString() }, /at least 1 minute/],
    ['an expiry over 30 days away', { expireAt: new Date(Date.now() + 31 * DAY).toISOString() }, /input\.expireAt: must be at most 30 days from now/],
    ['an interval of 0 days', { expireInDays: 0 }, /input\.expireInDays: must be 1\.\.30 days/],
    ['an interval of 31 days', { expireInDays: 31 }, /input\.expireInDays: must be 1\.\.30 days/],
    ['both expiry forms', { expireInDays: 3, expireAt: new Date(Date.now() + DAY).toISOString() }, /give expireAt or expireInDays, not both/],
    ['a path with a query', { path: 'pages/index/index?a=1' }, /input\.path: takes no query/],
    ['a path with spaces', { path: 'pages/my page' }, /input\.path: must be a page path/],
    ['a query with characters WeChat refuses', { query: 'name=张三' }, /input\.query: may contain only/],
    ['a query over 1024 characters', { query: 'a'.repeat(1025) }, /input\.query: must be at most 1024 characters/],
  ])('refuses %s before calling WeChat (scheme and URL link)', async (_name, input, message) => {
    stack = await startStack();
    for (const response of [
      await stack.request(GenerateUrlSchemeDocument, { input }),
      await stack.request(GenerateUrlLinkDocument, { input }),
    ]) {
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toMatch(message);
    }
    expect(linkCalls(stack)).toBe(0);
  });

  it('refuses something that is not a scheme or URL link before calling WeChat', async () => {
    stack = await startStack();
    const scheme = await stack.request(UrlSchemeDocument, { scheme: 'https://example.com/?t=1' });
    expect(errorCodes(scheme)).toEqual(['BAD_USER_INPUT']);
    expect(scheme.errors?.[0]?.message).toMatch(/scheme: must be a URL scheme such as weixin:\/\/dl\/business/);
    const link = await stack.request(UrlLinkDocument, { urlLink: 'weixin://dl/business/?t=XTSkBZlzqmn' });
    expect(errorCodes(link)).toEqual(['BAD_USER_INPUT']);
    expect(link.errors?.[0]?.message).toMatch(/urlLink: must be a URL link such as https:\/\/wxaurl\.cn/);
    expect(linkCalls(stack)).toBe(0);
  });
});

describe('URL links', () => {
  it('generates a link and reads back what was generated', async () => {
    stack = await startStack();
    const at = new Date(Math.floor((Date.now() + 10 * DAY) / 1000) * 1000).toISOString();
    const generated = await stack.request(GenerateUrlLinkDocument, { input: { path: 'pages/order/detail', query: 'id=9', expireAt: at } });
    expect(generated.errors).toBeUndefined();
    const { urlLink, expiresAt } = generated.data!.generateUrlLink;
    expect(urlLink).toMatch(/^https:\/\/wxaurl\.cn\/[A-Za-z0-9]{11}$/);
    expect(expiresAt).toBe(at);

    const read = await stack.request(UrlLinkDocument, { urlLink });
    expect(read.errors).toBeUndefined();
    expect(read.data?.urlLink).toMatchObject({
      appid: stack.config.apps[0]!.appid,
      path: 'pages/order/detail',
      query: 'id=9',
      envVersion: 'RELEASE',
      expiresAt: at,
    });
    near(read.data?.urlLink?.createdAt, Date.now());

    const unknown = await stack.request(UrlLinkDocument, { urlLink: 'https://wxaurl.cn/BQZRrcFCPvg' });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data?.urlLink).toBeNull();
  });

  itFixtures('takes the fixture requests', async () => {
    stack = await startStack();
    const scheme = fixture('wxa/generatescheme.json').request.body as { jump_wxa: { path: string; query: string }; expire_interval: number };
    const s = await stack.request(GenerateUrlSchemeDocument, {
      input: { path: scheme.jump_wxa.path, query: scheme.jump_wxa.query, envVersion: 'RELEASE', expireInDays: scheme.expire_interval },
    });
    expect(s.errors).toBeUndefined();
    const link = fixture('wxa/generate_urllink.json').request.body as { path: string; query: string; expire_interval: number };
    const l = await stack.request(GenerateUrlLinkDocument, { input: { path: link.path, query: link.query, expireInDays: link.expire_interval } });
    expect(l.errors).toBeUndefined();
    const back = await stack.request(UrlLinkDocument, { urlLink: l.data!.generateUrlLink.urlLink });
    expect(back.data?.urlLink?.path).toBe('pages/publishHomework/publishHomework');
    near(back.data?.urlLink?.expiresAt, Date.now() + DAY);
    const short = fixture('wxa/genwxashortlink.json').request.body as { page_url: string; page_title: string; is_permanent: boolean };
    const sl = await stack.request(GenerateShortLinkDocument, {
      input: { pageUrl: short.page_url, pageTitle: short.page_title, permanent: short.is_permanent },
    });
    expect(sl.errors).toBeUndefined();
  });
});

describe('short links', () => {
  it('generates temporary and permanent links', async () => {
    stack = await startStack();
    const temporary = await stack.request(GenerateShortLinkDocument, { input: { pageUrl: 'pages/product/detail?id=7', pageTitle: 'Spring sale' } });
    expect(temporary.errors).toBeUndefined();
    expect(temporary.data?.generateShortLink).toMatchObject({ permanent: false });
    expect(temporary.data?.generateShortLink.link).toMatch(/^#小程序:\/\/[^/]+\/[A-Za-z0-9]{15}$/);
    near(temporary.data?.generateShortLink.expiresAt, Date.now() + 30 * DAY);
    const permanent = await stack.request(GenerateShortLinkDocument, { input: { pageUrl: 'pages/index/index', permanent: true } });
    expect(permanent.data?.generateShortLink).toMatchObject({ permanent: true, expiresAt: null });
  });

  it('refuses a malformed page before calling WeChat, and reports an unreleased one (40066)', async () => {
    stack = await startStack();
    for (const pageUrl of ['', 'pages/index/index?name=张三', 'https://example.com/']) {
      const response = await stack.request(GenerateShortLinkDocument, { input: { pageUrl } });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toMatch(/input\.pageUrl: /);
    }
    expect(linkCalls(stack)).toBe(0);
    const unknown = await stack.request(GenerateShortLinkDocument, { input: { pageUrl: 'pages/secret/draft' } });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ errcode: 40066, endpoint: 'wxa/genwxashortlink' });
  });
});

describe('link scopes', () => {
  it('needs links:create to generate and links:read to query, and a mini program', async () => {
    stack = await startStack();
    const generate = await stack.request(GenerateUrlSchemeDocument, {}, { key: stack.keys.logs });
    expect(errorCodes(generate)).toEqual(['FORBIDDEN']);
    expect(generate.errors?.[0]?.message).toMatch(/links:create/);
    const query = await stack.request(UrlLinkDocument, { urlLink: 'https://wxaurl.cn/BQZRrcFCPvg' }, { key: stack.keys.analytics });
    expect(errorCodes(query)).toEqual(['FORBIDDEN']);
    expect(query.errors?.[0]?.message).toMatch(/links:read/);
    const account = await stack.request(GenerateShortLinkDocument, { app: 'officialAccount', input: { pageUrl: 'pages/index/index' } });
    expect(errorCodes(account)).toEqual(['BAD_USER_INPUT']);
    expect(linkCalls(stack)).toBe(0);
  });
});
