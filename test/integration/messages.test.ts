import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type FaultRule } from '../../src/emulator/server.ts';
import {
  SendCustomerServiceMessageDocument,
  SendSubscribeMessageDocument,
  SetCustomerServiceTypingDocument,
  SubscribeMessageTemplatesDocument,
  type SubscribeMessageInput,
} from '../gql/graphql.ts';
import { recordText } from '../helpers/leak-scan.ts';
import { redisAvailable } from '../helpers/redis.ts';
import { fixtureIfPresent, itFixtures } from '../helpers/fixtures.ts';
import { errorCodes, startStack, type GraphQLResponse, type Stack } from '../helpers/stack.ts';

const hasRedis = await redisAvailable();
let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const SEND = 'cgi-bin/message/subscribe/send';
const CS_SEND = 'cgi-bin/message/custom/send';
const UPLOAD = 'cgi-bin/media/upload';
const TEMPLATES = 'wxaapi/newtmpl/gettemplate';

const subscribeFixture = fixtureIfPresent('cgi-bin/message/subscribe/send.json');
const customFixture = fixtureIfPresent('cgi-bin/message/custom/send.json');

/** The real request of the fixture (WxJava#1387) as GraphQL input. */
const FIXTURE_TEMPLATE: string = subscribeFixture?.request.body.template_id;
const fixtureMessage = (): SubscribeMessageInput => ({
  templateId: FIXTURE_TEMPLATE,
  page: subscribeFixture.request.body.page,
  data: Object.entries(subscribeFixture.request.body.data as Record<string, { value: string }>).map(([key, { value }]) => ({ key, value })),
});
/** The doc example template: 会议时间 {{date2}}, 会议地点 {{thing1}} (one-time). */
const MEETING_TEMPLATE = '9Aw5ZV1j9xdWTFEkqCpZ7mIBbSC34khK55OtzUPl0rU';
const meeting = (place = 'TIT会议室'): SubscribeMessageInput => ({
  templateId: MEETING_TEMPLATE,
  data: [
    { key: 'date2', value: '2016年8月8日' },
    { key: 'thing1', value: place },
  ],
});

async function emulatorAdmin<T = Record<string, unknown>>(s: Stack, path: string, body?: object, method = body ? 'POST' : 'GET'): Promise<T> {
  const response = await fetch(`${s.emulator.url}/__emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const appid = (s: Stack, app = 0) => s.config.apps[app]!.appid;

/** A user who accepted `templateId` `count` times in wx.requestSubscribeMessage; returns their openid. */
async function subscriber(s: Stack, user: string, templateId: string, count = 1): Promise<string> {
  return (await emulatorAdmin<{ openid: string }>(s, 'messages/subscriptions', { appid: appid(s), user, templateId, count })).openid;
}

/** A user who just wrote to customer service (the 48-hour window is open). */
async function correspondent(s: Stack, user: string, app = 0): Promise<string> {
  return (await emulatorAdmin<{ openid: string }>(s, 'messages/user-message', { appid: appid(s, app), user })).openid;
}

interface Delivery {
  kind: string;
  touser: string;
  body: Record<string, any>;
}
const deliveries = async (s: Stack, kind?: string) =>
  (await emulatorAdmin<{ messages: Delivery[] }>(s, 'messages')).messages.filter((d) => !kind || d.kind === kind);

function png(width: number, height: number, trailer = ''): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return Buffer.concat([PNG.sync.write(image), Buffer.from(trailer)]);
}

/** A GraphQL multipart request (the spec yoga implements): `files` maps variable paths to files. */
async function multipart<T, V>(
  s: Stack,
  document: TypedDocumentNode<T, V>,
  variables: V,
  files: Record<string, { bytes: Buffer; name: string; type: string }>,
  key = s.keys.admin,
): Promise<GraphQLResponse<T>> {
  const form = new FormData();
  const paths = Object.keys(files);
  form.append('operations', JSON.stringify({ query: print(document), variables }));
  form.append('map', JSON.stringify(Object.fromEntries(paths.map((path, i) => [String(i), [`variables.${path}`]]))));
  paths.forEach((path, i) => form.append(String(i), new Blob([new Uint8Array(files[path]!.bytes)], { type: files[path]!.type }), files[path]!.name));
  const response = await fetch(`${s.instances[0]!.url}/graphql`, { method: 'POST', headers: { 'x-api-key': key }, body: form });
  const text = await response.text();
  recordText(text);
  return JSON.parse(text);
}

describe('subscribe messages', () => {
  itFixtures('sends the real request of the fixture and uses up the subscription (43101 after)', async () => {
    stack = await startStack();
    const openid = await subscriber(stack, 'alice', FIXTURE_TEMPLATE);
    const sent = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: { ...fixtureMessage(), miniprogramState: 'FORMAL', lang: 'ZH_CN' } });
    expect(sent.errors).toBeUndefined();
    expect(sent.data?.sendSubscribeMessage).toMatchObject({ replayed: false, idempotencyKey: null, mediaId: null });
    const [delivery] = await deliveries(stack, 'subscribe');
    expect(delivery).toMatchObject({
      touser: openid,
      body: {
        template_id: FIXTURE_TEMPLATE,
        page: subscribeFixture.request.body.page,
        data: subscribeFixture.request.body.data,
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      },
    });

    // The fixture's everyday error: no subscription left.
    const again = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: fixtureMessage() });
    expect(errorCodes(again)).toEqual(['WECHAT_RECIPIENT_UNAVAILABLE']);
    expect(again.errors?.[0]?.extensions).toMatchObject({ errcode: subscribeFixture.error_response.errcode, endpoint: SEND });
    expect(stack.emulator.calls()[SEND]).toBe(2);
    expect(await deliveries(stack, 'subscribe')).toHaveLength(1);
  });

  it('lists the templates with their keywords', async () => {
    stack = await startStack();
    const response = await stack.request(SubscribeMessageTemplatesDocument, {});
    expect(response.errors).toBeUndefined();
    const templates = response.data!.subscribeMessageTemplates;
    expect(templates.find((t) => t.id === MEETING_TEMPLATE)).toMatchObject({
      title: '报名结果通知',
      kind: 'ONE_TIME',
      typeCode: 2,
      keywords: [
        { key: 'date2', name: '会议时间', valueType: 'date', allowedValues: null },
        { key: 'thing1', name: '会议地点', valueType: 'thing', allowedValues: null },
      ],
    });
    const washer = templates.find((t) => t.kind === 'LONG_TERM')!;
    expect(washer.keywords.find((k) => k.key === 'enum_string2')).toMatchObject({ name: '所在位置', allowedValues: ['客厅', '厨房', '卧室', '阳台'] });
  });

  it('refuses bad template data before the send: syntax without any call, keys against the template', async () => {
    stack = await startStack();
    const openid = await subscriber(stack, 'bob', MEETING_TEMPLATE, 5);
    const send = (message: SubscribeMessageInput) => stack!.request(SendSubscribeMessageDocument, { toOpenid: openid, message });
    const [date, place] = meeting().data;

    for (const data of [
      [date!, { key: 'Thing 1', value: 'x' }],
      [date!, { key: 'thing1', value: '这是一个超过二十个字符长度的会议地点名称用来测试' }],
      [date!, { key: 'thing1', value: '' }],
      [date!, { key: 'thing1', value: 'two\nlines' }],
      [date!, place!, { key: 'thing1', value: 'twice' }],
      [{ key: 'phrase3', value: 'ok' }],
    ]) {
      const response = await send({ templateId: MEETING_TEMPLATE, data });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toMatch(/^message\.data/);
    }
    expect(stack.emulator.calls()).not.toHaveProperty(TEMPLATES);

    const unknownKey = await send({ templateId: MEETING_TEMPLATE, data: [date!, place!, { key: 'thing99', value: '多余' }] });
    expect(errorCodes(unknownKey)).toEqual(['BAD_USER_INPUT']);
    expect(unknownKey.errors?.[0]?.message).toContain('"thing99" is not a keyword of template "报名结果通知"; its keywords are date2, thing1');
    const missing = await send({ templateId: MEETING_TEMPLATE, data: [date!] });
    expect(missing.errors?.[0]?.message).toContain('also needs thing1 (会议地点)');
    const notATemplate = await send({ templateId: 'NoSuchTemplate123', data: [date!] });
    expect(notATemplate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'message.templateId' });

    expect(stack.emulator.calls()[SEND]).toBeUndefined();
    // One list, then one fresh look for the unknown template id; the rest came from the store.
    expect(stack.emulator.calls()[TEMPLATES]).toBe(2);
    expect((await send(meeting())).errors).toBeUndefined();
    expect(stack.emulator.calls()[SEND]).toBe(1);
  });

  it('checks enumerated values against the template', async () => {
    stack = await startStack();
    const templateId = 'cy_DfOZL7lypxHh3ja3DyAUbn1GYQRGwezuy5LBTFME';
    const openid = await subscriber(stack, 'carol', templateId);
    const message = (where: string) => ({
      templateId,
      data: [
        { key: 'time1', value: '2021年10月21日 12:00' },
        { key: 'enum_string2', value: where },
        { key: 'thing3', value: '设备发生故障' },
      ],
    });
    const bad = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: message('车库') });
    expect(bad.errors?.[0]?.message).toContain('enum_string2 must be one of 客厅, 厨房, 卧室, 阳台');
    expect(stack.emulator.calls()[SEND]).toBeUndefined();
    // A long-term template is not used up.
    for (let i = 0; i < 3; i++) expect((await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: message('厨房') })).errors).toBeUndefined();
    expect(await deliveries(stack, 'subscribe')).toHaveLength(3);
  });
});

describe('idempotent sends', () => {
  it('sends once per key: a repeat returns the first result, other arguments under the same key are refused', async () => {
    stack = await startStack();
    const openid = await subscriber(stack, 'dave', MEETING_TEMPLATE, 5);
    const first = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting(), idempotencyKey: 'order-1001-paid' });
    const repeat = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting(), idempotencyKey: 'order-1001-paid' });
    expect(first.data?.sendSubscribeMessage).toMatchObject({ replayed: false, idempotencyKey: 'order-1001-paid' });
    expect(repeat.data?.sendSubscribeMessage).toEqual({ ...first.data!.sendSubscribeMessage, replayed: true });

    const reused = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting('另一个地点'), idempotencyKey: 'order-1001-paid' });
    expect(errorCodes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    const badKey = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting(), idempotencyKey: 'has spaces' });
    expect(errorCodes(badKey)).toEqual(['BAD_USER_INPUT']);

    expect(stack.emulator.calls()[SEND]).toBe(1);
    expect(await deliveries(stack, 'subscribe')).toHaveLength(1);
  });

  it("replays WeChat's refusal for the same key, and a new key sends", async () => {
    stack = await startStack();
    const openid = await correspondent(stack, 'erin'); // known to WeChat, no subscription yet
    const refused = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting(), idempotencyKey: 'k-refused' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'WECHAT_RECIPIENT_UNAVAILABLE', errcode: 43101 });
    await subscriber(stack, 'erin', MEETING_TEMPLATE, 1);
    const replay = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting(), idempotencyKey: 'k-refused' });
    expect(replay.errors?.[0]?.extensions).toMatchObject({ code: 'WECHAT_RECIPIENT_UNAVAILABLE', errcode: 43101, replayed: true });
    expect(stack.emulator.calls()[SEND]).toBe(1);
    expect((await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting(), idempotencyKey: 'k-new' })).errors).toBeUndefined();
    expect(await deliveries(stack, 'subscribe')).toHaveLength(1);
  });

  it('lets concurrent duplicates wait for the first outcome instead of sending again', async () => {
    const emulator = await startEmulator({ faults: [{ endpoints: [SEND], kind: 'latency', latencyMs: 300 }] });
    stack = await startStack({ emulator });
    try {
      const openid = await subscriber(stack, 'frank', MEETING_TEMPLATE, 20);
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => stack!.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting(), idempotencyKey: 'burst-1' })),
      );
      expect(responses.map((r) => r.errors)).toEqual(Array(8).fill(undefined));
      expect(responses.filter((r) => r.data?.sendSubscribeMessage.replayed === false)).toHaveLength(1);
      expect(new Set(responses.map((r) => r.data?.sendSubscribeMessage.sentAt)).size).toBe(1);
      expect(emulator.calls()[SEND]).toBe(1);
    } finally {
      await emulator.close();
    }
  });

  it.skipIf(!hasRedis)('sends once across two instances sharing Redis', async () => {
    const emulator = await startEmulator({ faults: [{ endpoints: [SEND], kind: 'latency', latencyMs: 200 }] });
    stack = await startStack({ emulator, instances: 2, redis: true });
    try {
      const openid = await subscriber(stack, 'grace', MEETING_TEMPLATE, 20);
      for (const key of ['redis-a', 'redis-b', 'redis-c']) {
        const responses = await Promise.all(
          [0, 1, 0, 1].map((instance) => stack!.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting(), idempotencyKey: key }, { instance })),
        );
        expect(responses.map((r) => r.errors)).toEqual(Array(4).fill(undefined));
        expect(responses.filter((r) => !r.data?.sendSubscribeMessage.replayed)).toHaveLength(1);
        // A later retry on either instance is a replay too.
        const later = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting(), idempotencyKey: key }, { instance: 1 });
        expect(later.data?.sendSubscribeMessage.replayed).toBe(true);
      }
      expect(emulator.calls()[SEND]).toBe(3);
      expect(await deliveries(stack, 'subscribe')).toHaveLength(3);
    } finally {
      await emulator.close();
    }
  });
});

describe('sends under injected faults', () => {
  it.each([
    ['reset', 'UPSTREAM_OUTCOME_UNKNOWN'],
    ['http5xx', 'UPSTREAM_OUTCOME_UNKNOWN'],
    ['busy', 'WECHAT_BUSY'],
  ] as const)('a send that meets %s is neither retried nor sent again under its key', async (kind, code) => {
    stack = await startStack({ faults: [{ endpoints: [SEND, CS_SEND], kind, times: 2 }] });
    const openid = await subscriber(stack, 'heidi', MEETING_TEMPLATE, 5);
    await correspondent(stack, 'heidi');
    const first = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting(), idempotencyKey: `fault-${kind}` });
    expect(errorCodes(first)).toEqual([code]);
    const replay = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting(), idempotencyKey: `fault-${kind}` });
    expect(replay.errors?.[0]?.extensions).toMatchObject({ code, replayed: true });
    expect(stack.emulator.calls()[SEND]).toBe(1);

    // Without a key the send is still made once: the client decides what to do about it.
    const unkeyed = await stack.request(SendCustomerServiceMessageDocument, { toOpenid: openid, message: { text: 'hello' } });
    expect(errorCodes(unkeyed)).toEqual([code]);
    expect(stack.emulator.calls()[CS_SEND]).toBe(1);

    const fresh = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting(), idempotencyKey: `fault-${kind}-2` });
    expect(fresh.errors).toBeUndefined();
    expect(await deliveries(stack)).toHaveLength(1);
  });

  it('reports a send that timed out after going out as unknown, and never delivers it twice', async () => {
    // The emulator acts on the send after 1.5 s; the gateway stops waiting at 400 ms.
    const log: string[] = [];
    const emulator = await startEmulator({ faults: [{ endpoints: [SEND], kind: 'latency', latencyMs: 1_500, times: 1 }], log: (line) => log.push(line) });
    stack = await startStack({ emulator, env: { UPSTREAM_TIMEOUT_MS: '400' } });
    try {
      const openid = await subscriber(stack, 'ivan', MEETING_TEMPLATE, 5);
      const first = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting(), idempotencyKey: 'slow-1' });
      expect(errorCodes(first)).toEqual(['UPSTREAM_OUTCOME_UNKNOWN']);
      expect(first.errors?.[0]?.message).toMatch(/may or may not have taken effect/);
      const retry = await stack.request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting(), idempotencyKey: 'slow-1' });
      expect(retry.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_OUTCOME_UNKNOWN', replayed: true });
      await expect.poll(() => log.filter((line) => line.includes(`/${SEND} ->`)).length, { timeout: 5_000 }).toBe(1);
      expect(emulator.calls()[SEND]).toBe(1);
      // It did arrive: exactly once.
      expect(await deliveries(stack, 'subscribe')).toHaveLength(1);
    } finally {
      await emulator.close();
    }
  });

  it('delivers every message at most once when clients retry through random resets, 5xx and timeouts', async () => {
    const log: string[] = [];
    const faults: FaultRule[] = [
      { endpoints: [CS_SEND], kind: 'reset', rate: 0.15, seed: 7 },
      { endpoints: [CS_SEND], kind: 'http5xx', rate: 0.15, seed: 11 },
      { endpoints: [CS_SEND], kind: 'latency', latencyMs: 800, rate: 0.15, seed: 13 },
    ];
    const emulator = await startEmulator({ faults, log: (line) => log.push(line) });
    stack = await startStack({ emulator, env: { UPSTREAM_TIMEOUT_MS: '300' } });
    try {
      const openid = await correspondent(stack, 'judy');
      const outcomes = new Map<string, string>();
      for (let i = 0; i < 40; i++) {
        const key = `retry-${i}`;
        const codes = [];
        // A client that retries each message three times with the same key.
        for (let attempt = 0; attempt < 3; attempt++) {
          const response = await stack.request(SendCustomerServiceMessageDocument, { toOpenid: openid, message: { text: `message ${i}` }, idempotencyKey: key });
          codes.push(response.errors ? String(response.errors[0]?.extensions?.code) : 'OK');
          if (attempt > 0) expect(response.errors?.[0]?.extensions?.replayed ?? response.data?.sendCustomerServiceMessage.replayed).toBe(true);
        }
        expect(new Set(codes).size).toBe(1);
        outcomes.set(`message ${i}`, codes[0]!);
      }
      // Every message went upstream exactly once; wait for the slow ones to be handled.
      expect(emulator.calls()[CS_SEND]).toBe(40);
      await expect.poll(() => log.filter((line) => line.includes(`/${CS_SEND} ->`)).length, { timeout: 5_000 }).toBe(40);
      const delivered = (await deliveries(stack, 'customerService')).map((d) => d.body.text.content as string);
      expect(new Set(delivered).size).toBe(delivered.length);
      for (const [text, code] of outcomes) {
        if (code === 'OK') expect(delivered).toContain(text);
        else expect(code).toBe('UPSTREAM_OUTCOME_UNKNOWN');
      }
      expect([...outcomes.values()].filter((code) => code !== 'OK').length).toBeGreaterThan(5);
      // Some of the unknown ones did arrive (the slow answers): still once each, never resent.
      expect(delivered.filter((text) => outcomes.get(text) !== 'OK').length).toBeGreaterThan(0);
    } finally {
      await emulator.close();
    }
  });
});

describe('customer-service messages', () => {
  itFixtures('sends text within the 48-hour window and refuses outside it (45015)', async () => {
    stack = await startStack();
    const outside = (await emulatorAdmin<{ openid: string }>(stack, 'messages/subscriptions', { appid: appid(stack), user: 'kim', templateId: MEETING_TEMPLATE })).openid;
    const refused = await stack.request(SendCustomerServiceMessageDocument, { toOpenid: outside, message: { text: 'hi' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'WECHAT_RECIPIENT_UNAVAILABLE', errcode: customFixture.error_response.errcode });

    const openid = await correspondent(stack, 'kim');
    const sent = await stack.request(SendCustomerServiceMessageDocument, { toOpenid: openid, message: { text: '文本内容 <a href="http://www.qq.com">点击</a>' } });
    expect(sent.errors).toBeUndefined();
    const [delivery] = await deliveries(stack, 'customerService');
    expect(delivery?.body).toEqual({ touser: openid, msgtype: 'text', text: { content: '文本内容 <a href="http://www.qq.com">点击</a>' } });

    for (const message of [{ text: '' }, { text: 'x'.repeat(2049) }, { link: { title: 't', description: 'd', url: 'ftp://x', thumbUrl: 'https://x/y.png' } }]) {
      expect(errorCodes(await stack.request(SendCustomerServiceMessageDocument, { toOpenid: openid, message }))).toEqual(['BAD_USER_INPUT']);
    }
    const two = await stack.request(SendCustomerServiceMessageDocument, { toOpenid: openid, message: { text: 'a', image: { mediaId: 'x' } } as never });
    expect(two.errors).toHaveLength(1);
    expect(stack.emulator.calls()[CS_SEND]).toBe(2);
  });

  it('uploads an image once, sends it by media id, and replays without uploading again', async () => {
    stack = await startStack();
    const openid = await correspondent(stack, 'leo');
    const image = { bytes: png(64, 48), name: 'photo.png', type: 'image/png' };
    const variables = { toOpenid: openid, message: { image: { file: null } }, idempotencyKey: 'img-1' };
    const first = await multipart(stack, SendCustomerServiceMessageDocument, variables, { 'message.image.file': image });
    expect(first.errors).toBeUndefined();
    const mediaId = first.data!.sendCustomerServiceMessage.mediaId!;
    expect(mediaId).toMatch(/^[A-Za-z0-9]{64}$/);
    const repeat = await multipart(stack, SendCustomerServiceMessageDocument, variables, { 'message.image.file': image });
    expect(repeat.data?.sendCustomerServiceMessage).toMatchObject({ replayed: true, mediaId });
    const other = await multipart(stack, SendCustomerServiceMessageDocument, variables, { 'message.image.file': { ...image, bytes: png(64, 49) } });
    expect(errorCodes(other)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(stack.emulator.calls()[UPLOAD]).toBe(1);

    // The media id serves again, for an image and as a card thumbnail; a link card too.
    for (const message of [
      { image: { mediaId } },
      { miniProgramPage: { title: '订单详情', pagePath: 'pages/order/detail?id=1', thumbnail: { mediaId } } },
      { link: { title: 'TITLE', description: 'DESCRIPTION', url: 'https://example.com/a', thumbUrl: 'https://example.com/a.png' } },
    ])
      expect((await stack.request(SendCustomerServiceMessageDocument, { toOpenid: openid, message })).errors).toBeUndefined();
    const sent = await deliveries(stack, 'customerService');
    expect(sent.map((d) => d.body.msgtype)).toEqual(['image', 'image', 'miniprogrampage', 'link']);
    expect(sent[0]!.body).toEqual({ touser: openid, msgtype: 'image', image: { media_id: mediaId } });
    expect(sent[2]!.body.miniprogrampage).toEqual({ title: '订单详情', pagepath: 'pages/order/detail?id=1', thumb_media_id: mediaId });
    expect(sent[3]!.body.link).toEqual({ title: 'TITLE', description: 'DESCRIPTION', url: 'https://example.com/a', thumb_url: 'https://example.com/a.png' });
  });

  it('checks an uploaded image before anything goes to WeChat', async () => {
    stack = await startStack();
    const openid = await correspondent(stack, 'mia');
    const variables = { toOpenid: openid, message: { image: { file: null } } };
    const notImage = await multipart(stack, SendCustomerServiceMessageDocument, variables, {
      'message.image.file': { bytes: Buffer.from('GIF? no, plain text'), name: 'fake.png', type: 'image/png' },
    });
    expect(notImage.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'message.image.file' });
    const empty = await multipart(stack, SendCustomerServiceMessageDocument, variables, { 'message.image.file': { bytes: Buffer.alloc(0), name: 'a.png', type: 'image/png' } });
    expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
    const unknownMedia = await stack.request(SendCustomerServiceMessageDocument, { toOpenid: openid, message: { image: { mediaId: 'notAnUploadedMediaId' } } });
    expect(unknownMedia.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', errcode: 40007 });
    expect(stack.emulator.calls()[UPLOAD]).toBeUndefined();
  });

  it('keeps link cards to mini programs and asks an official account for the card appId', async () => {
    stack = await startStack();
    const openid = await correspondent(stack, 'nina', 1);
    const link = await stack.request(SendCustomerServiceMessageDocument, {
      app: 'officialAccount',
      toOpenid: openid,
      message: { link: { title: 't', description: 'd', url: 'https://e.com', thumbUrl: 'https://e.com/t.png' } },
    });
    expect(link.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'message.link' });
    const card = await stack.request(SendCustomerServiceMessageDocument, {
      app: 'officialAccount',
      toOpenid: openid,
      message: { miniProgramPage: { title: 't', pagePath: 'pages/index/index', thumbnail: { mediaId: 'abc' } } },
    });
    expect(card.errors?.[0]?.extensions).toMatchObject({ field: 'message.miniProgramPage.appId' });
    const text = await stack.request(SendCustomerServiceMessageDocument, { app: 'officialAccount', toOpenid: openid, message: { text: 'hi' } });
    expect(text.errors).toBeUndefined();
    expect(stack.emulator.calls()[CS_SEND]).toBe(1);
  });

  it('shows and hides typing within the window', async () => {
    stack = await startStack();
    const openid = await correspondent(stack, 'olga');
    expect((await stack.request(SetCustomerServiceTypingDocument, { toOpenid: openid, typing: true })).data?.setCustomerServiceTyping).toBe(true);
    expect((await stack.request(SetCustomerServiceTypingDocument, { toOpenid: openid, typing: false })).data?.setCustomerServiceTyping).toBe(true);
    expect((await deliveries(stack, 'typing')).map((d) => d.body.command)).toEqual(['Typing', 'CancelTyping']);
    const stranger = (await emulatorAdmin<{ openid: string }>(stack, 'messages/subscriptions', { appid: appid(stack), user: 'pat', templateId: MEETING_TEMPLATE })).openid;
    expect((await stack.request(SetCustomerServiceTypingDocument, { toOpenid: stranger, typing: true })).errors?.[0]?.extensions).toMatchObject({ errcode: 45015 });
  });

  it('needs messages:send', async () => {
    stack = await startStack();
    const response = await stack.request(SendCustomerServiceMessageDocument, { toOpenid: 'oAAAAAAAAAAAAAAAAAAAAAAAAAAA', message: { text: 'hi' } }, { key: stack.keys.logs });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors?.[0]?.message).toContain('messages:send');
    const templates = await stack.request(SubscribeMessageTemplatesDocument, {}, { key: null });
    expect(errorCodes(templates)).toEqual(['UNAUTHENTICATED']);
    expect(stack.emulator.calls()[CS_SEND]).toBeUndefined();
  });
});
