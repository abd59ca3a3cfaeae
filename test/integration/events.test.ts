import { randomInt } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { print } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../../src/config/index.ts';
import { buildPushRequest, pushStamp, type PushMode, type PushResult, type PushTarget } from '../../src/emulator/push.ts';
import { createMessageCipher, signature } from '../../src/wechat/crypto.ts';
import { pushEnvelope, sniffFormat, type PushFormat } from '../../src/wechat/push.ts';
import {
  CheckMediaAsyncDocument,
  LoginDocument,
  WeChatEventsDocument,
  type WeChatEventsSubscription,
  type WeChatEventsSubscriptionVariables,
} from '../gql/graphql.ts';
import { recordText, registerSecret } from '../helpers/leak-scan.ts';
import { describeFixtures, fixture as wechatFixture, fixtureFiles } from '../helpers/fixtures.ts';
import { redisAvailable } from '../helpers/redis.ts';
import { mintCode, startStack as startAnyStack, type Stack, type StackOptions } from '../helpers/stack.ts';

type Event = WeChatEventsSubscription['wechatEvents'];
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const hasRedis = await redisAvailable();

/**
 * These tests push plaintext and encrypted messages to the same dev apps, so the apps are set to
 * compatible mode (兼容模式) here; apps a test adds keep their own default (safe with a key).
 * Safe and plain modes' refusals are in hostile-input.test.ts.
 */
const startStack = (options: StackOptions = {}) =>
  startAnyStack({ ...options, apps: (apps) => (options.apps ?? ((a: AppConfig[]) => a))(apps.map((a) => ({ ...a, pushMode: 'compatible' as const }))) });
const pushFixtures = ['json', 'xml'].flatMap((sub) =>
  fixtureFiles(`push/${sub}`)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: `${sub}/${file}`, fixture: wechatFixture<Json>(`push/${sub}/${file}`) })),
);
const cryptoFixture = (name: string): Json => wechatFixture(`crypto/${name}`);

let stack: Stack | undefined;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await stack?.close();
  stack = undefined;
});

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

/** The dev apps' push settings (src/server/dev.ts); never to be seen in a response or a log. */
function devApp(s: Stack, id: 'miniprogram' | 'officialAccount' = 'miniprogram'): AppConfig & { token: string; encodingAesKey: string } {
  const app = s.config.apps.find((a) => a.id === id)!;
  registerSecret(app.token!);
  registerSecret(app.encodingAesKey!);
  return app as AppConfig & { token: string; encodingAesKey: string };
}

const webhookUrl = (s: Stack, app: string, instance = 0) => `${s.instances[instance]!.url}/wechat/${app}`;

function targetFor(s: Stack, app: AppConfig, mode: PushMode = 'safe', format: PushFormat = 'xml', instance = 0): PushTarget {
  return { url: webhookUrl(s, app.id, instance), appid: app.appid, token: app.token!, encodingAesKey: app.encodingAesKey, mode, format };
}

/** WeChat pushes an event (the emulator's push client, through its admin route). */
async function emulatorPush(s: Stack, target: PushTarget, event: Json, extra: Json = {}): Promise<PushResult> {
  const response = await fetch(`${s.emulator.url}/__emulator/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...target, event, ...extra }),
  });
  const text = await response.text();
  recordText(text);
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as PushResult;
}

let seq = 0;
/** A text message with a fresh MsgId, so it is never a duplicate. */
const textMessage = (content: string): Json => ({ MsgType: 'text', Content: content, MsgId: String(1_000_000_000 + ++seq) });

interface RawResponse {
  status: number;
  body: string;
}

/** Sends a crafted push: `plaintext` is the message body WeChat would sign (and encrypt). */
async function craftedPush(
  target: PushTarget,
  plaintext: string,
  options: { timestamp?: string; nonce?: string; tamper?: (url: URL) => void; body?: (body: string) => string } = {},
): Promise<RawResponse> {
  const stamp = { ...pushStamp(Date.now()), ...(options.timestamp ? { timestamp: options.timestamp } : {}), ...(options.nonce ? { nonce: options.nonce } : {}) };
  const request = buildPushRequest(target, { plaintext, toUserName: 'gh_0123456789ab' }, stamp);
  options.tamper?.(request.url);
  return post(request.url, options.body ? options.body(request.body) : request.body, request.contentType);
}

async function post(url: URL | string, body: string, contentType = 'text/xml'): Promise<RawResponse> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await response.text();
  recordText(text);
  return { status: response.status, body: text };
}

interface Subscription {
  /** The next event, or undefined when none arrives within `ms`. */
  take(ms?: number): Promise<Event | undefined>;
  /** The next SSE message as sent (`next` with data or errors, `complete`). */
  message(ms?: number): Promise<{ event: string; data: Json | null } | undefined>;
  close(): void;
}

/** A GraphQL subscription over SSE, read with fetch, as a browser's EventSource-less client would. */
async function subscribe(
  s: Stack,
  variables: WeChatEventsSubscriptionVariables = {},
  options: { instance?: number; key?: string | null } = {},
): Promise<Subscription> {
  const controller = new AbortController();
  const key = options.key === undefined ? s.keys.admin : options.key;
  const response = await fetch(`${s.instances[options.instance ?? 0]!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(key ? { 'x-api-key': key } : {}) },
    body: JSON.stringify({ query: print(WeChatEventsDocument), variables }),
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const messages: { event: string; data: Json | null }[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  void (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const lines = block.split('\n');
          const event = lines.find((line) => line.startsWith('event:'))?.slice(6).trim();
          const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
          if (!event) continue; // keep-alive comment
          recordText(data);
          messages.push({ event, data: data ? (JSON.parse(data) as Json) : null });
          wake?.();
        }
      }
    } catch {
      // aborted
    }
    ended = true;
    wake?.();
  })();
  // Date may be faked in a test: wait on the monotonic clock.
  async function message(ms = 5_000) {
    const deadline = performance.now() + ms;
    while (!messages.length && !ended) {
      const left = deadline - performance.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, left);
      });
    }
    return messages.shift();
  }
  const sub: Subscription = {
    message,
    async take(ms) {
      const next = await message(ms);
      if (!next) return undefined;
      expect(next.event).toBe('next');
      expect(next.data?.errors).toBeUndefined();
      return next.data!.data.wechatEvents as Event;
    },
    close: () => controller.abort(),
  };
  cleanups.push(sub.close);
  return sub;
}

/**
 * The subscription starts listening a moment after its response headers (a Redis SUBSCRIBE
 * round trip): push markers until one arrives, then drain up to a last marker.
 */
async function whenListening(sub: Subscription, pushText: (content: string) => Promise<unknown>) {
  for (let i = 0; i < 50; i++) {
    await pushText(`warm-up ${i}`);
    if (await sub.take(200)) {
      await pushText('listening');
      for (let next = await sub.take(); ; next = await sub.take()) {
        expect(next).toBeDefined();
        if (next && 'content' in next && next.content === 'listening') return;
      }
    }
  }
  throw new Error(`the subscription never received an event (last push: ${JSON.stringify(await pushText('debug'))})`);
}

/** A sentinel pushed now must be the next event: proves nothing was published in between. */
async function expectNothingPublishedBefore(sub: Subscription, target: PushTarget, s: Stack) {
  const marker = `sentinel ${randomInt(1e9)}`;
  expect((await emulatorPush(s, target, textMessage(marker))).delivered).toBe(true);
  const next = await sub.take();
  expect(next && 'content' in next ? next.content : next).toBe(marker);
}

async function healthy(s: Stack, instance = 0) {
  const response = await fetch(`${s.instances[instance]!.url}/healthz`);
  expect(response.status).toBe(200);
}

/** A listening subscriber on `app` (default: the dev mini program), warmed up through `target`. */
async function listen(s: Stack, target: PushTarget, variables: WeChatEventsSubscriptionVariables = {}, instance = 0) {
  const sub = await subscribe(s, { app: variables.app ?? appIdOf(s, target), ...variables }, { instance });
  await whenListening(sub, (content) => emulatorPush(s, target, textMessage(content)));
  return sub;
}
const appIdOf = (s: Stack, target: PushTarget) => s.config.apps.find((a) => a.appid === target.appid)!.id;

// ---------------------------------------------------------------------------
// fixtures
// ---------------------------------------------------------------------------

const at = (seconds: number) => new Date(seconds * 1000).toISOString();

/** What each push fixture must become (keyed by file); fixtures with their own keys are below. */
const EXPECTED: Record<string, (event: Event) => void> = {
  'json/miniprogram_customer_service_text_cloud.json': (e) => {
    expect(e).toMatchObject({ __typename: 'TextMessageEvent', type: 'TEXT', content: '测试', msgType: 'text', event: null });
    expect(e.id).toBe('msg:49d72d67b16d115e7935ac386f2f0fa41535298877_1555684067');
    expect(e.createTime).toBe(at(1555684067));
  },
  'json/miniprogram_debug_demo_plain.json': (e) => {
    expect(e).toMatchObject({ __typename: 'UnknownEvent', type: 'UNKNOWN', msgType: 'event', event: 'debug_demo', fromUser: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY' });
    expect(e.raw).toMatchObject({ debug_str: 'hello world', CreateTime: 1714037059 });
  },
  'json/miniprogram_subscribe_msg_change_event.json': (e) => {
    expect(e).toMatchObject({ __typename: 'SubscribeMessageChangeEvent', type: 'SUBSCRIBE_MESSAGE_CHANGE', createTime: at(1610968440) });
    expect('changes' in e && e.changes).toEqual([{ templateId: 'BEwX0BOT3MqK3Uc5oTU3CGBqzjpndk2jzUf7VfExd8', status: 'reject', accepted: false }]);
  },
  'json/miniprogram_subscribe_msg_popup_event_list_array.json': (e) => {
    expect(e).toMatchObject({ __typename: 'SubscribeMessagePopupEvent', createTime: at(1620973045) });
    expect('subscriptions' in e && e.subscriptions).toEqual([
      { templateId: 'hD-ixGOhYmUfjOnI8MCzQMPshzGVeux_2vzyvQu7O68', status: 'accept', accepted: true, popupScene: 0 },
    ]);
  },
  'json/miniprogram_subscribe_msg_popup_event_list_object.json': (e) => {
    expect('subscriptions' in e && e.subscriptions).toEqual([
      { templateId: 'hD-ixGOhYmUfjOnI8MCzQMPshzGVeux_2vzyvQu7O68', status: 'accept', accepted: true, popupScene: 0 },
    ]);
  },
  'json/miniprogram_subscribe_msg_sent_event.json': (e) => {
    expect(e).toMatchObject({ __typename: 'SubscribeMessageSentEvent', fromUser: 'o7esq5PHRGBQYmeNyfG064wEFVpQ' });
    expect('deliveries' in e && e.deliveries).toEqual([
      { templateId: 'BEwX0BO-T3MqK3Uc5oTU3CGBqzjpndk2jzUf7VfExd8', msgId: '1864323726461255680', errorCode: 0, errorStatus: 'success', delivered: true },
    ]);
  },
  'json/miniprogram_user_enter_tempsession.json': (e) => {
    expect(e).toMatchObject({ __typename: 'UserEnterTempSessionEvent', sessionFrom: 'sessionFrom', fromUser: 'fromUser', toUser: 'toUser' });
  },
  'json/mp_text_message.json': (e) => {
    expect(e).toMatchObject({ __typename: 'TextMessageEvent', content: 'this is a test', id: 'msg:1234567890123456' });
    // Numbers stay as WeChat sent them; a MsgId of 16+ digits becomes a string.
    expect(e.raw).toMatchObject({ MsgId: '1234567890123456', BusinessId: 1, CreateTime: 1482048670 });
  },
  'json/wxa_media_check_event.json': (e) => {
    expect(e).toMatchObject({
      __typename: 'MediaCheckEvent',
      type: 'MEDIA_CHECK',
      traceId: '60f96f1d-3845297a-1976a3ae',
      checkedAppId: 'wx8f16a5be77871234',
      version: 2,
      suggest: 'PASS',
      riskLabel: 100,
      details: [{ strategy: 'content_model', errcode: 0, suggest: 'PASS', riskLabel: 100, prob: 90, keyword: null }],
    });
  },
  'xml/miniprogram_subscribe_msg_popup_event.json': (e) => {
    expect('subscriptions' in e && e.subscriptions).toEqual([
      { templateId: 'VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc', status: 'accept', accepted: true, popupScene: 2 },
      { templateId: '9nLIlbOQZC5Y89AZteFEux3WCXRRRG5Wfzkpssu4bLI', status: 'reject', accepted: false, popupScene: 2 },
    ]);
  },
  'xml/miniprogram_subscribe_msg_sent_event.json': (e) => {
    expect('deliveries' in e && e.deliveries).toEqual([
      { templateId: 'BEwX0BO-T3MqK3Uc5oTU3CGBqzjpndk2jzUf7VfExd8', msgId: '1864323726461255680', errorCode: 0, errorStatus: 'success', delivered: true },
    ]);
  },
  // --- Official Account family (issue #15) ---
  'xml/mp_event_templatesendjobfinish_success.json': (e) => {
    expect(e).toMatchObject({ __typename: 'TemplateSendJobFinishEvent', type: 'TEMPLATE_SEND_JOB_FINISH', id: 'msg:200163836', msgId: '200163836', status: 'SUCCESS', statusText: 'success' });
  },
  'xml/mp_event_templatesendjobfinish_user_block.json': (e) => {
    expect(e).toMatchObject({ __typename: 'TemplateSendJobFinishEvent', status: 'USER_BLOCK', statusText: 'failed:user block' });
  },
  'xml/mp_event_templatesendjobfinish_system_failed.json': (e) => {
    expect(e).toMatchObject({ __typename: 'TemplateSendJobFinishEvent', status: 'SYSTEM_FAILED', statusText: 'failed: system failed' });
  },
  'xml/mp_subscribe_msg_change_event.json': (e) => {
    expect(e).toMatchObject({ __typename: 'SubscribeMessageChangeEvent', type: 'SUBSCRIBE_MESSAGE_CHANGE' });
  },
  'xml/mp_subscribe_msg_sent_event.json': (e) => {
    expect('deliveries' in e && e.deliveries).toEqual([
      { templateId: 'VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc', msgId: '1700827132819554304', errorCode: 0, errorStatus: 'success', delivered: true },
    ]);
  },
  // --- end Official Account family ---
  // --- mini-program delivery family (issue #16); fields are checked in logistics/local-delivery tests ---
  'json/miniprogram_express_add_express_path.json': (e) => {
    expect(e).toMatchObject({ __typename: 'ExpressPathEvent', type: 'EXPRESS_PATH', event: 'add_express_path' });
  },
  'xml/miniprogram_express_add_express_path.json': (e) => {
    expect(e).toMatchObject({ __typename: 'ExpressPathEvent', type: 'EXPRESS_PATH', event: 'add_express_path' });
  },
  'json/miniprogram_immediate_delivery_update_waybill_status.json': (e) => {
    expect(e).toMatchObject({ __typename: 'WaybillStatusEvent', type: 'WAYBILL_STATUS', event: 'update_waybill_status' });
  },
  'xml/mp_event_scan.json': (e) => {
    expect(e).toMatchObject({ __typename: 'ScanEvent', type: 'SCAN', event: 'SCAN', scene: 'SCENE_VALUE', ticket: 'TICKET', createTime: at(123456789) });
  },
  'xml/mp_event_subscribe.json': (e) => {
    expect(e).toMatchObject({ __typename: 'SubscribeEvent', type: 'SUBSCRIBE', scene: null, eventKey: null, ticket: null, fromUser: 'FromUser' });
  },
  'xml/mp_event_subscribe_qrscene.json': (e) => {
    expect(e).toMatchObject({ __typename: 'SubscribeEvent', scene: '123123', eventKey: 'qrscene_123123', ticket: 'TICKET' });
  },
  'xml/mp_event_unsubscribe.json': (e) => {
    expect(e).toMatchObject({ __typename: 'UnsubscribeEvent', type: 'UNSUBSCRIBE', id: 'evt:FromUser:123456789:unsubscribe' });
  },
  'xml/mp_text_message.json': (e) => {
    expect(e).toMatchObject({ __typename: 'TextMessageEvent', content: 'this is a test', id: 'msg:1234567890123456' });
    expect(e.raw).toMatchObject({ MsgId: '1234567890123456', BusinessId: '1', CreateTime: '1348831860' });
  },
  'xml/mp_text_message_wechatpy.json': (e) => {
    expect(e).toMatchObject({ __typename: 'TextMessageEvent', content: 'this is a test', createTime: at(1348831860) });
  },
};

/** Pushes are answered `success`, except immediate delivery's status update, which wants a resultcode acknowledgement. */
function expectAnswered(name: string, mode: 'plain' | 'safe', answer: { status: number; body: string }) {
  expect(answer.status).toBe(200);
  if (!name.includes('update_waybill_status')) return expect(answer.body).toBe('success');
  if (mode === 'plain') return expect(JSON.parse(answer.body)).toMatchObject({ Event: 'update_waybill_status', resultcode: 0 });
  expect(JSON.parse(answer.body)).toHaveProperty('Encrypt');
}

const plainFixtures = pushFixtures.filter(({ fixture }) => typeof fixture.body === 'string' && !fixture.body.includes('Encrypt'));

describeFixtures('push fixtures through /wechat/:app', () => {
  it('covers every plain push fixture', () => {
    expect(plainFixtures.map((f) => f.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(plainFixtures)('$name: plain mode, then safe mode re-encrypted with the app key, each published once', async ({ name, fixture }) => {
    stack = await startStack();
    const body = fixture.body as string;
    const format = sniffFormat(body)!;
    // Plain into the mini program, safe into the official account: each app dedupes on its own.
    for (const [appId, mode] of [['miniprogram', 'plain'], ['officialAccount', 'safe']] as const) {
      const app = devApp(stack, appId);
      const target = targetFor(stack, app, mode, format);
      const sub = await listen(stack, target);
      const first = await craftedPush(target, body);
      expectAnswered(name, mode, first);
      const event = (await sub.take())!;
      expect(event).toBeDefined();
      expect(event.app.id).toBe(appId);
      EXPECTED[name]!(event);
      // WeChat's retry of the same message (new nonce): answered, not published again.
      expectAnswered(name, mode, await craftedPush(target, body));
      await expectNothingPublishedBefore(sub, target, stack);
      sub.close();
    }
  });

  it("decrypts WeChat's published samples with their own keys, and answers the doc's URL verification", async () => {
    const docSecure = cryptoFixture('official_miniprogram_push_json_aes.json');
    const wecom = cryptoFixture('wecom_official_sample_qdg6ek.json');
    const own = (id: string, appid: string, token: string, encodingAesKey?: string): AppConfig => ({
      id,
      kind: 'miniprogram',
      appid,
      secret: `unused-secret-${id}`,
      token,
      encodingAesKey,
    });
    stack = await startStack({
      apps: (apps) => [
        ...apps,
        own('docplain', docSecure.appid, docSecure.token),
        own('docsecure', docSecure.appid, docSecure.token, docSecure.encoding_aes_key),
        own('wecom', wecom.receive_id, wecom.token, wecom.encoding_aes_key),
      ],
    });
    const fixture = (name: string) => pushFixtures.find((f) => f.name === name)!.fixture;
    vi.useFakeTimers({ toFake: ['Date'] });

    // GET echostr verification (token AAAAA).
    const get = fixture('json/miniprogram_url_verification_get.json');
    const verify = await fetch(`${webhookUrl(stack, 'docplain')}?${new URLSearchParams(get.http.query)}`);
    expect(verify.status).toBe(200);
    expect(await verify.text()).toBe(get.expected_parse.response_body);

    const cases = [
      { app: 'docplain', name: 'json/miniprogram_debug_demo_plain.json', mode: 'plain' as const },
      { app: 'docsecure', name: 'json/miniprogram_debug_demo_secure.json', mode: 'safe' as const },
      { app: 'wecom', name: 'xml/wecom_text_message_secure.json', mode: 'safe' as const },
    ];
    for (const { app, name, mode } of cases) {
      const f = fixture(name);
      vi.setSystemTime(Number(f.http.query.timestamp) * 1000);
      const config = stack.config.apps.find((a) => a.id === app)!;
      const sub = await listen(stack, targetFor(stack, config, mode, sniffFormat(f.body)!), { app });
      const answer = await post(`${webhookUrl(stack, app)}?${new URLSearchParams(f.http.query)}`, f.body, f.http.content_type);
      expect(answer).toEqual({ status: 200, body: 'success' });
      const event = (await sub.take())!;
      if (app === 'wecom') {
        expect(event).toMatchObject({ __typename: 'TextMessageEvent', content: 'hello', fromUser: 'mycreate', id: 'msg:4561255354251345929' });
        expect(event.raw).toMatchObject({ MsgId: '4561255354251345929', AgentID: '218' });
      } else {
        // The doc's plaintext: debug_demo with debug_str (decrypted from the published ciphertext in safe mode).
        expect(event).toMatchObject({ __typename: 'UnknownEvent', event: 'debug_demo', fromUser: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY', toUser: 'gh_97417a04a28d' });
        expect(event.raw).toEqual(mode === 'safe' ? JSON.parse(docSecure.inbound.expected.msg) : JSON.parse(f.body));
      }
      sub.close();
    }
  });
});

// ---------------------------------------------------------------------------
// modes, formats, passive replies
// ---------------------------------------------------------------------------

describe('pushes from the emulator, as WeChat sends them', () => {
  it.each([
    ['plain', 'xml'],
    ['compatible', 'xml'],
    ['safe', 'xml'],
    ['plain', 'json'],
    ['safe', 'json'],
  ] as const)('%s mode, %s: signed (and encrypted), verified, published and answered', async (mode, format) => {
    stack = await startStack();
    const target = targetFor(stack, devApp(stack), mode, format);
    const sub = await listen(stack, target);
    const result = await emulatorPush(stack, target, { MsgType: 'event', Event: 'SCAN', EventKey: 'table-7', Ticket: 'T1', FromUserName: 'oScanner' });
    expect(result).toMatchObject({ delivered: true, attempts: [{ status: 200 }], reply: null });
    const event = (await sub.take())!;
    expect(event).toMatchObject({ __typename: 'ScanEvent', scene: 'table-7', ticket: 'T1', fromUser: 'oScanner', app: { id: 'miniprogram' } });
    expect(event.toUser).toBe(result.message.ToUserName);
    expect(event.createTime).toBe(at(Number(result.message.CreateTime)));
    expect(event.id).toBe(`evt:oScanner:${result.message.CreateTime}:SCAN`);
  });

  it('answers a configured keyword with a passive reply, sealed in safe mode, and `success` otherwise', async () => {
    stack = await startStack({
      apps: (apps) => apps.map((a) => (a.kind === 'officialAccount' ? { ...a, autoReplies: { ping: 'pong 🏓 <&> ]]>' } } : a)),
    });
    const app = devApp(stack, 'officialAccount');
    const sub = await listen(stack, targetFor(stack, app, 'plain'));
    for (const mode of ['safe', 'plain'] as const) {
      const target = targetFor(stack, app, mode);
      const result = await emulatorPush(stack, target, { ...textMessage('  ping '), FromUserName: 'oAsker' });
      expect(result.replyError).toBeUndefined();
      // The emulator verified the reply's MsgSignature and decrypted it in safe mode.
      const reply = parse(result.reply!);
      expect(reply).toMatchObject({ ToUserName: 'oAsker', FromUserName: result.message.ToUserName, MsgType: 'text', Content: 'pong 🏓 <&> ]]>' });
      expect(((await sub.take()) as { content: string }).content).toBe('  ping ');
      for (const content of ['something else', 'constructor', '__proto__']) {
        const other = await emulatorPush(stack, target, textMessage(content));
        expect(other.reply).toBeNull();
        expect(((await sub.take()) as { content: string }).content).toBe(content);
      }
    }
  });
});

function parse(xml: string): Json {
  return Object.fromEntries([...xml.matchAll(/<(\w+)>(?:<!\[CDATA\[([\s\S]*?)\]\]>(?:<!\[CDATA\[([\s\S]*?)\]\]>)?|([^<]*))<\/\1>/g)].map((m) => [m[1], (m[2] ?? '') + (m[3] ?? '') + (m[4] ?? '')]));
}

// ---------------------------------------------------------------------------
// refusals
// ---------------------------------------------------------------------------

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<xml><ToUserName><![CDATA[gh_x]]></ToUserName><FromUserName><![CDATA[oBomb]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>&lol9;</Content><MsgId>77</MsgId></xml>`;
const XXE = `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><ToUserName>gh_x</ToUserName><FromUserName>oXxe</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>78</MsgId></xml>`;
const textXml = (content: string, msgId: string) =>
  `<xml><ToUserName><![CDATA[gh_x]]></ToUserName><FromUserName><![CDATA[oAttacker]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId></xml>`;

describe('refused pushes publish nothing and leave the gateway healthy', () => {
  it('refuses forged signatures, a wrong appid, stale or future timestamps, replayed nonces, entity bombs, XXE and oversized bodies', async () => {
    stack = await startStack({ apps: (apps) => apps.map((a) => (a.kind === 'officialAccount' ? { ...a, token: undefined } : a)) });
    const app = devApp(stack);
    const safe = targetFor(stack, app, 'safe');
    const plain = targetFor(stack, app, 'plain');
    const sub = await listen(stack, safe);
    const now = () => Math.floor(Date.now() / 1000);
    const refusals: [string, RawResponse, number, RegExp][] = [];
    const refused = async (what: string, response: Promise<RawResponse>, status: number, message: RegExp) =>
      refusals.push([what, await response, status, message]);

    await refused('forged plain signature', craftedPush(plain, textXml('forged', '90001'), { tamper: (u) => u.searchParams.set('signature', 'f'.repeat(40)) }), 401, /signature does not match/);
    await refused('forged msg_signature', craftedPush(safe, textXml('forged', '90002'), { tamper: (u) => u.searchParams.set('msg_signature', '0'.repeat(40)) }), 401, /msg_signature does not match/);
    await refused(
      'ciphertext swapped under a valid-looking envelope',
      craftedPush(safe, textXml('forged', '90003'), { body: (b) => b.replace(/<!\[CDATA\[[A-Za-z0-9+/=]{40,}\]\]>/, `<![CDATA[${createMessageCipher({ encodingAesKey: app.encodingAesKey, appId: app.appid }).encrypt(textXml('swapped', '90004'))}]]>`) }),
      401,
      /msg_signature/,
    );
    await refused('message encrypted for another appid', craftedPush({ ...safe, appid: 'wx00000000000000ff' }, textXml('elsewhere', '90005')), 403, /another appid/);
    await refused('stale timestamp', craftedPush(safe, textXml('stale', '90006'), { timestamp: String(now() - 301) }), 403, /timestamp is 30\d s/);
    await refused('future timestamp', craftedPush(plain, textXml('future', '90007'), { timestamp: String(now() + 600) }), 403, /timestamp/);
    await refused('entity bomb', craftedPush(plain, BILLION_LAUGHS), 400, /DOCTYPE/);
    await refused('entity bomb inside the ciphertext', craftedPush(safe, BILLION_LAUGHS), 400, /DOCTYPE/);
    await refused('XXE', craftedPush(plain, XXE), 400, /DOCTYPE/);
    await refused('oversized body', craftedPush(plain, textXml('x'.repeat(70 * 1024), '90008')), 413, /exceeds 65536 bytes/);
    await refused('malformed XML', craftedPush(plain, '<xml><Content>unclosed</xml>'), 400, /not well-formed/);
    await refused('not XML nor JSON', craftedPush(plain, 'hello'), 400, /neither XML nor a JSON object/);
    await refused('encrypted body without msg_signature', post(`${webhookUrl(stack, 'miniprogram')}?${plainQuery(app.token)}`, pushEnvelope('gh_x', 'AAAA', 'xml')), 400, /msg_signature/);
    await refused('no signature at all', post(webhookUrl(stack, 'miniprogram'), textXml('anonymous', '90009')), 400, /timestamp/);
    await refused('app without a push token', post(`${webhookUrl(stack, 'officialAccount')}?${plainQuery(app.token)}`, textXml('x', '90010')), 404, /no app "officialAccount"/);
    await refused('unknown app', post(`${webhookUrl(stack, 'nosuchapp')}?${plainQuery(app.token)}`, textXml('x', '90011')), 404, /no app/);

    // A replayed nonce: the same signed query with another body.
    const stamp = pushStamp(Date.now());
    expect(await craftedPush(plain, textXml('original', '90012'), stamp)).toEqual({ status: 200, body: 'success' });
    expect(((await sub.take()) as { content: string }).content).toBe('original');
    await refused('replayed nonce with another body', craftedPush(plain, textXml('replayed', '90013'), stamp), 403, /already used/);
    // ...while the identical request again is a retry: answered, not published.
    expect(await craftedPush(plain, textXml('original', '90012'), stamp)).toEqual({ status: 200, body: 'success' });

    for (const [what, response, status, message] of refusals) {
      expect({ what, status: response.status }).toEqual({ what, status });
      expect(response.body, what).toMatch(message);
    }
    await healthy(stack);
    await expectNothingPublishedBefore(sub, safe, stack);
    // Every refusal was logged with its reason; no body content and no key in the logs.
    const refusedLines = stack.logs.filter((line) => line.includes('push refused'));
    expect(refusedLines.length).toBe(refusals.length);
    expect(stack.logs.join('\n')).not.toMatch(/lol9|etc\/passwd|forged/);
  });

  it('answers 405 to other methods and 400 to a GET without echostr', async () => {
    stack = await startStack();
    const app = devApp(stack);
    expect((await fetch(webhookUrl(stack, 'miniprogram'), { method: 'PUT', body: 'x' })).status).toBe(405);
    expect((await fetch(`${webhookUrl(stack, 'miniprogram')}?${plainQuery(app.token)}`)).status).toBe(400);
  });
});

function plainQuery(token: string, timestamp = String(Math.floor(Date.now() / 1000)), nonce = String(randomInt(1e9))) {
  return new URLSearchParams({ signature: signature(token, timestamp, nonce), timestamp, nonce });
}

describe('GET /wechat/:app URL verification', () => {
  it('echoes echostr for a valid signature and refuses a forged one', async () => {
    stack = await startStack();
    const app = devApp(stack);
    const query = plainQuery(app.token);
    query.set('echostr', '5927782489442352469');
    const ok = await fetch(`${webhookUrl(stack, 'miniprogram')}?${query}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('5927782489442352469');
    query.set('signature', signature('not-the-token', query.get('timestamp')!, query.get('nonce')!));
    const forged = await fetch(`${webhookUrl(stack, 'miniprogram')}?${query}`);
    expect(forged.status).toBe(401);
    expect(await forged.text()).not.toContain('5927782489442352469');
  });
});

// ---------------------------------------------------------------------------
// retries
// ---------------------------------------------------------------------------

/**
 * Stands between WeChat (the emulator) and the gateway: forwards every request, but withholds
 * the answer from the first `withhold` attempts, as if the gateway took longer than 5 s.
 */
async function slowNetwork(upstreams: string[], withhold: number) {
  const forwarded: Promise<number>[] = [];
  const server: Server = createServer((req, res) => {
    const attempt = forwarded.length;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<number>((resolve) =>
      req.on('end', async () => {
        const upstream = upstreams[attempt % upstreams.length]!;
        const response = await fetch(`${upstream}${req.url}`, {
          method: 'POST',
          headers: { 'content-type': req.headers['content-type'] ?? 'text/xml' },
          body: Buffer.concat(chunks),
        });
        const text = await response.text();
        if (attempt >= withhold) {
          res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'text/plain' });
          res.end(text);
        }
        resolve(response.status);
      }),
    );
    forwarded.push(done);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  cleanups.push(close);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, statuses: () => Promise.all(forwarded) };
}

describe('WeChat retries', () => {
  it('publishes a push retried three times (the gateway seemed slow) exactly once', async () => {
    stack = await startStack();
    const app = devApp(stack);
    const direct = targetFor(stack, app, 'safe');
    const sub = await listen(stack, direct);
    const network = await slowNetwork([stack.instances[0]!.url], 3);
    const viaSlowNetwork = { ...direct, url: `${network.url}/wechat/miniprogram` };
    const result = await emulatorPush(stack, viaSlowNetwork, { MsgType: 'event', Event: 'subscribe', FromUserName: 'oRetried', EventKey: 'qrscene_42' }, { timeoutMs: 750 });
    expect(result.delivered).toBe(true);
    expect(result.attempts.map((a) => a.status)).toEqual([null, null, null, 200]);
    // All four identical requests reached the gateway and were answered 200.
    expect(await network.statuses()).toEqual([200, 200, 200, 200]);
    expect(await sub.take()).toMatchObject({ __typename: 'SubscribeEvent', fromUser: 'oRetried', scene: '42' });
    await expectNothingPublishedBefore(sub, direct, stack);
  });

  it('gives up after three retries when the gateway never answers in time', async () => {
    stack = await startStack();
    const app = devApp(stack);
    const network = await slowNetwork([stack.instances[0]!.url], 10);
    const result = await emulatorPush(stack, { ...targetFor(stack, app, 'plain'), url: `${network.url}/wechat/miniprogram` }, textMessage('lost'), { timeoutMs: 200 });
    expect(result.delivered).toBe(false);
    expect(result.attempts).toHaveLength(4);
    expect(result.attempts.every((a) => a.status === null && /no answer within 200 ms/.test(a.error ?? ''))).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// subscriptions
// ---------------------------------------------------------------------------

describe('Subscription.wechatEvents', () => {
  it('delivers only the requested kinds', async () => {
    stack = await startStack();
    const target = targetFor(stack, devApp(stack), 'safe', 'json');
    const sub = await listen(stack, target, { types: ['TEXT', 'USER_ENTER_TEMPSESSION'] });
    await emulatorPush(stack, target, { MsgType: 'event', Event: 'unsubscribe', FromUserName: 'oLeaver' });
    await emulatorPush(stack, target, { MsgType: 'event', Event: 'user_enter_tempsession', SessionFrom: 'button-7', FromUserName: 'oGuest' });
    expect(await sub.take()).toMatchObject({ __typename: 'UserEnterTempSessionEvent', sessionFrom: 'button-7', type: 'USER_ENTER_TEMPSESSION' });
  });

  it('needs events:read, and a configured app with a push token', async () => {
    stack = await startStack({ apps: (apps) => apps.map((a) => (a.kind === 'officialAccount' ? { ...a, token: undefined } : a)) });
    const errorOf = async (variables: WeChatEventsSubscriptionVariables, key?: string | null) => {
      const sub = await subscribe(stack!, variables, { key });
      const first = await sub.message();
      sub.close();
      return (first?.data?.errors as { extensions: { code: string }; message: string }[] | undefined)?.[0];
    };
    expect(await errorOf({}, null)).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(await errorOf({}, stack.keys.logs)).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/events:read/) });
    expect(await errorOf({ app: 'nosuchapp' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(await errorOf({ app: 'officialAccount' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/no push token/) });
  });

  it('ends open subscriptions when the gateway closes', async () => {
    stack = await startStack();
    const sub = await listen(stack, targetFor(stack, devApp(stack), 'plain'));
    await stack.close();
    stack = undefined;
    const last = await sub.message();
    expect(last?.event ?? 'ended').toMatch(/complete|ended/);
  });
});

describe('the emulator as WeChat', () => {
  async function admin(s: Stack, method: string, path: string, body?: Json) {
    const response = await fetch(`${s.emulator.url}/__emulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    recordText(text);
    return { status: response.status, body: JSON.parse(text) as Json };
  }

  it('validates push settings and pushes, and never shows the token or key', async () => {
    stack = await startStack();
    const app = devApp(stack);
    const url = webhookUrl(stack, 'miniprogram');
    expect((await admin(stack, 'PUT', 'push/config', { appid: 'wx00000000000000ff', url, token: app.token, mode: 'plain' })).status).toBe(404);
    const noKey = await admin(stack, 'PUT', 'push/config', { appid: app.appid, url, token: app.token, mode: 'safe' });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error).toMatch(/need encodingAesKey/);
    expect((await admin(stack, 'PUT', 'push/config', { appid: app.appid, url: 'ftp://x', token: app.token, mode: 'plain' })).status).toBe(400);
    expect((await admin(stack, 'POST', 'push', { appid: app.appid, event: textMessage('nowhere') })).body.error).toMatch(/no push settings/);
    expect(await admin(stack, 'PUT', 'push/config', { appid: app.appid, url, token: app.token, encodingAesKey: app.encodingAesKey, format: 'json' })).toEqual({
      status: 200,
      body: { appid: app.appid, url, mode: 'safe', format: 'json' },
    });
    expect((await admin(stack, 'GET', 'push/config')).body).toEqual({ configs: [{ appid: app.appid, url, mode: 'safe', format: 'json' }] });
    const pushed = await admin(stack, 'POST', 'push', { appid: app.appid, event: textMessage('configured') });
    expect(pushed.body).toMatchObject({ delivered: true, attempts: [{ status: 200 }] });
  });

  it("delivers checkMediaAsync's wxa_media_check verdict, signed and encrypted, to subscribers", async () => {
    stack = await startStack();
    const app = devApp(stack);
    const target = targetFor(stack, app, 'safe', 'json');
    const sub = await listen(stack, target, { types: ['MEDIA_CHECK', 'TEXT'] });
    // The app's push settings (as in WeChat's console), and where the security family sends verdicts.
    expect((await emulatorAdminPut(stack, 'push/config', { appid: app.appid, url: target.url, token: app.token, encodingAesKey: app.encodingAesKey, mode: 'safe', format: 'json' })).status).toBe(200);
    expect((await emulatorAdminPut(stack, 'security/push-target', { appid: app.appid, url: target.url, delayMs: 10 })).status).toBe(200);
    const login = await stack.request(LoginDocument, { code: await mintCode(stack, 'login', 'mediauser') }, { key: null });
    const openid = login.data!.login.viewer.openid;
    const check = await stack.request(CheckMediaAsyncDocument, { input: { mediaUrl: 'https://cdn.example.com/emu-risky-20002.jpg', mediaType: 'IMAGE', scene: 'SOCIAL_LOG', openid } });
    expect(check.errors).toBeUndefined();
    const event = await sub.take();
    expect(event).toMatchObject({ __typename: 'MediaCheckEvent', traceId: check.data!.checkMediaAsync.traceId, fromUser: openid, suggest: 'RISKY', riskLabel: 20002, checkedAppId: app.appid });
  });
});

async function emulatorAdminPut(s: Stack, path: string, body: Json) {
  const response = await fetch(`${s.emulator.url}/__emulator/${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  recordText(await response.text());
  return response;
}

describe.skipIf(!hasRedis)('across instances with Redis', () => {
  it('delivers an event pushed into instance A to a subscriber on instance B', async () => {
    stack = await startStack({ instances: 2, redis: true });
    const app = devApp(stack);
    const intoA = targetFor(stack, app, 'safe', 'xml', 0);
    const sub = await listen(stack, intoA, {}, 1);
    await emulatorPush(stack, intoA, { ...textMessage('from A'), FromUserName: 'oCrossing' });
    expect(await sub.take()).toMatchObject({ __typename: 'TextMessageEvent', content: 'from A', fromUser: 'oCrossing', app: { id: 'miniprogram' } });
  });

  it('publishes once when WeChat retries against different instances', async () => {
    stack = await startStack({ instances: 2, redis: true });
    const app = devApp(stack);
    const intoB = targetFor(stack, app, 'safe', 'json', 1);
    const sub = await listen(stack, intoB, {}, 0);
    // Attempts alternate between A and B; the first three answers are withheld.
    const network = await slowNetwork([stack.instances[0]!.url, stack.instances[1]!.url], 3);
    const result = await emulatorPush(stack, { ...intoB, url: `${network.url}/wechat/miniprogram` }, textMessage('retried across instances'), { timeoutMs: 750 });
    expect(result.attempts.map((a) => a.status)).toEqual([null, null, null, 200]);
    expect(await network.statuses()).toEqual([200, 200, 200, 200]);
    expect(await sub.take()).toMatchObject({ content: 'retried across instances' });
    await expectNothingPublishedBefore(sub, intoB, stack);
  });

  it('refuses a nonce replayed against the other instance', async () => {
    stack = await startStack({ instances: 2, redis: true });
    const app = devApp(stack);
    const plainA = targetFor(stack, app, 'plain', 'xml', 0);
    const plainB = targetFor(stack, app, 'plain', 'xml', 1);
    const sub = await listen(stack, plainA, {}, 0);
    const stamp = pushStamp(Date.now());
    expect((await craftedPush(plainA, textXml('first', '91001'), stamp)).status).toBe(200);
    expect(await craftedPush(plainB, textXml('replayed', '91002'), stamp)).toMatchObject({ status: 403 });
    expect(await sub.take()).toMatchObject({ content: 'first' });
    await expectNothingPublishedBefore(sub, plainA, stack);
  });
});
