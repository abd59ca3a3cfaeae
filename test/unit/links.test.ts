import { describe, expect, it } from 'vitest';
import { generateShortLink, generateUrlLink, generateUrlScheme, queryUrlLink, queryUrlScheme } from '../../src/wechat/api/links.ts';
import type { AppClient } from '../../src/wechat/client.ts';
import { WeChatApiError } from '../../src/wechat/errors.ts';
import { describeFixtures, fixture as wechatFixture } from '../helpers/fixtures.ts';

interface Sample {
  response?: Record<string, unknown>;
  raw_body?: string;
}
interface Fixture extends Sample {
  more_samples: Sample[];
}

const fixture = (path: string) =>
  wechatFixture<Fixture>(path);
/** Every parsed (valid JSON) response of a fixture: the primary one and the variants. */
const responses = (f: Fixture) => [f, ...f.more_samples].flatMap((sample) => (sample.response ? [sample.response] : []));

/** An AppClient that answers every call with `body` and records what was sent. */
function answering(body: unknown) {
  const sent: { endpoint: string; json?: unknown; retry: string }[] = [];
  const wx = {
    app: { id: 'mp', kind: 'miniprogram', appid: 'wx0123456789abcdef', secret: 'x' },
    json: async (call: { endpoint: string; json?: unknown; retry: string }) => {
      sent.push(call);
      if (body instanceof Error) throw body;
      return body;
    },
    image: async () => {
      throw new Error('not an image endpoint');
    },
  } as unknown as AppClient;
  return { wx, sent };
}

const target = { path: 'pages/index/index', envVersion: 'release' as const, expiry: { type: 'interval' as const, days: 1 } };

describeFixtures('links: fixture bodies parse', () => {
  it.each(responses(fixture('wxa/generatescheme.json')))('generatescheme %#', async (body) => {
    const { wx, sent } = answering(body);
    expect(await generateUrlScheme(wx, target)).toBe(body.openlink);
    expect(sent[0]).toMatchObject({
      endpoint: 'wxa/generatescheme',
      retry: 'unsent',
      json: { jump_wxa: { path: 'pages/index/index', query: '', env_version: 'release' }, is_expire: true, expire_type: 1, expire_interval: 1 },
    });
  });

  it('generate_urllink and genwxashortlink', async () => {
    for (const body of responses(fixture('wxa/generate_urllink.json'))) expect(await generateUrlLink(answering(body).wx, target)).toBe('URL Link');
    for (const body of responses(fixture('wxa/genwxashortlink.json')))
      expect(await generateShortLink(answering(body).wx, { pageUrl: 'pages/index/index', permanent: false })).toBe('Short Link');
  });

  it('queryscheme: with times, without them (plain-text scheme), and with quota_info beside', async () => {
    const [withTimes, plain, , withQuota] = responses(fixture('wxa/queryscheme.json'));
    expect(await queryUrlScheme(answering(withTimes).wx, 'weixin://dl/business/?t=XTSkBZlzqmn')).toEqual({
      appid: 'appid',
      path: '',
      query: 'a=hello',
      createdAt: new Date(611928113 * 1000),
      expiresAt: undefined,
      envVersion: 'release',
      visitOpenid: undefined,
    });
    expect(await queryUrlScheme(answering(plain).wx, 'weixin://dl/business/?appid=xxx')).toMatchObject({
      path: 'xxx',
      query: 'a=1&b=2',
      createdAt: undefined,
      expiresAt: undefined,
    });
    expect(await queryUrlScheme(answering(withQuota).wx, 'weixin://dl/business/?t=XTSkBZlzqmn')).toMatchObject({ path: '', query: '' });
  });

  it('query_urllink: cloud_base spelled doamin or domain, numbers as strings', async () => {
    const [doc, , skit] = responses(fixture('wxa/query_urllink.json'));
    expect(await queryUrlLink(answering(doc).wx, 'https://wxaurl.cn/BQZRrcFCPvg')).toMatchObject({ query: 'a=hello', envVersion: 'release' });
    expect(await queryUrlLink(answering(skit).wx, 'https://wxaurl.cn/BQZRrcFCPvg')).toMatchObject({ query: '' });
    const stringy = { url_link_info: { path: 'p', query: '', create_time: '1700000000', expire_time: '1700086400' }, visit_openid: 'oABC' };
    expect(await queryUrlLink(answering(stringy).wx, 'https://wxaurl.cn/x')).toMatchObject({
      createdAt: new Date(1_700_000_000_000),
      expiresAt: new Date(1_700_086_400_000),
      visitOpenid: 'oABC',
    });
  });

  it('85403 means unknown: undefined, not an error; other errcodes stay errors', async () => {
    expect(await queryUrlScheme(answering(new WeChatApiError('wxa/queryscheme', 85403, 'not found')).wx, 'weixin://dl/business/?t=x')).toBeUndefined();
    await expect(queryUrlLink(answering(new WeChatApiError('wxa/query_urllink', 40097, 'invalid args')).wx, 'https://wxaurl.cn/x')).rejects.toThrow(
      /40097/,
    );
  });

  it('a success body without the expected key is a bad response, not an empty link', async () => {
    await expect(generateUrlScheme(answering({ errcode: 0, errmsg: 'ok' }).wx, target)).rejects.toMatchObject({ failure: 'bad_response' });
  });
});
