import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { print } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.ts';
import { AppUsers } from '../../src/emulator/users-state.ts';
import { connectEmulatorPush } from '../../src/server/dev.ts';
import {
  CreateOfficialAccountQrCodeDocument,
  OfficialAccountEventsDocument,
  OfficialAccountQrCodeQuotaDocument,
  SendTemplateMessageDocument,
  type SendTemplateMessageMutationVariables,
} from '../gql/graphql.ts';
import { describeFixtures, fixture } from '../helpers/fixtures.ts';
import { recordText } from '../helpers/leak-scan.ts';
import { redisAvailable, REDIS_URL, uniquePrefix } from '../helpers/redis.ts';
import { errorCodes, startStack, type Stack } from '../helpers/stack.ts';

const hasRedis = await redisAvailable();
const OA = 'officialAccount';
const OA_APPID = 'wxfedcba9876543210';
const MODERN = 'Emu7OrderShipped0000000000000000000000000AB';
const LEGACY = 'Emu7LegacyPurchase000000000000000000000000C';

let stacks: Stack[] = [];
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const s of stacks.splice(0)) await s.close();
});

async function stackWith(options: Parameters<typeof startStack>[0] = {}) {
  const s = await startStack(options);
  stacks.push(s);
  return s;
}

/** Followers of the emulated account (generated population), not blacklisted. */
function followers(count: number): string[] {
  const users = new AppUsers(OA_APPID);
  const found: string[] = [];
  for (let i = 0; found.length < count; i++) if (users.isFollower(i)) found.push(users.openid(i));
  return found;
}
function notFollowing(): string {
  const users = new AppUsers(OA_APPID);
  for (let i = 0; ; i++) if (!users.isFollower(i)) return users.openid(i);
}

async function admin<T = Record<string, unknown>>(s: Stack, method: string, path: string, body?: object): Promise<T> {
  const response = await fetch(`${s.emulator.url}/__emulator/${path}`, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}
const templateDeliveries = async (s: Stack) => (await admin<{ messages: { touser: string; msgid: string }[] }>(s, 'GET', 'oa/template-messages')).messages;

const permanent = (sceneStr: string) => ({ app: OA, input: { permanent: true, sceneStr } });

describe('Official Account QR codes', () => {
  it('100 identical permanent requests make one qrcode/create call; the image is served at /media/:id', async () => {
    const s = await stackWith();
    const results = await Promise.all(Array.from({ length: 100 }, () => s.request(CreateOfficialAccountQrCodeDocument, permanent('campaign-spring'))));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(s.emulator.calls()['cgi-bin/qrcode/create']).toBe(1);
    expect(s.emulator.calls()['cgi-bin/showqrcode']).toBe(1);
    const codes = results.map((r) => r.data!.createOfficialAccountQRCode);
    expect(new Set(codes.map((c) => c.ticket)).size).toBe(1);
    expect(codes.filter((c) => !c.reused)).toHaveLength(1);
    const code = codes[0]!;
    expect(code).toMatchObject({ permanent: true, sceneStr: 'campaign-spring', sceneId: null, expiresAt: null, contentType: 'image/png' });
    expect(code.contentUrl).toMatch(/^http:\/\/weixin\.qq\.com\/q\/02/);
    const image = await fetch(`${s.instances[0]!.url}${code.imageUrl}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect((await image.arrayBuffer()).byteLength).toBe(code.byteSize);
    const quota = await s.request(OfficialAccountQrCodeQuotaDocument, { app: OA });
    expect(quota.data?.officialAccountQRCodeQuota).toEqual({ permanentUsed: 1, permanentTotal: 100_000, permanentRemaining: 99_999 });
  });

  it.skipIf(!hasRedis)('a gateway started again on the same durable store makes no call for a stored permanent code', async () => {
    // Stands for "after a restart on a durable store": the second gateway shares only the store (Redis prefix).
    const prefix = uniquePrefix();
    const emulator = await startEmulator();
    cleanups.push(() => emulator.close());
    const first = await startStack({ emulator, env: { REDIS_URL, REDIS_PREFIX: prefix } });
    const made = await first.request(CreateOfficialAccountQrCodeDocument, { app: OA, input: { permanent: true, sceneId: 42 } });
    expect(made.errors).toBeUndefined();
    await first.close();
    emulator.reset();
    // reset() forgets tickets too: the image must come from the gateway's store, not WeChat.
    const second = await stackWith({ emulator, env: { REDIS_URL, REDIS_PREFIX: prefix } });
    const again = await second.request(CreateOfficialAccountQrCodeDocument, { app: OA, input: { permanent: true, sceneId: 42 } });
    expect(again.errors).toBeUndefined();
    expect(again.data?.createOfficialAccountQRCode).toMatchObject({ ticket: made.data!.createOfficialAccountQRCode.ticket, reused: true });
    expect(emulator.calls()['cgi-bin/qrcode/create'] ?? 0).toBe(0);
    expect(emulator.calls()['cgi-bin/showqrcode'] ?? 0).toBe(0);
  });

  it('reuses a temporary code with more than a minute left; URL-encodes tickets for showqrcode', async () => {
    const s = await stackWith();
    const tickets: string[] = [];
    for (let scene = 1; scene <= 12; scene++) {
      const first = await s.request(CreateOfficialAccountQrCodeDocument, { app: OA, input: { permanent: false, sceneId: scene, expireSeconds: 3600 } });
      expect(first.errors).toBeUndefined();
      const code = first.data!.createOfficialAccountQRCode;
      tickets.push(code.ticket);
      expect(code.permanent).toBe(false);
      expect(Date.parse(code.expiresAt!) - Date.parse(code.createdAt)).toBe(3_600_000);
    }
    // Real tickets carry '+', '/' and '='; every one of them fetched its image (emulator matched it exactly).
    expect(tickets.some((t) => /[+/=]/.test(t))).toBe(true);
    expect(s.emulator.calls()['cgi-bin/showqrcode']).toBe(12);
    const again = await s.request(CreateOfficialAccountQrCodeDocument, { app: OA, input: { permanent: false, sceneId: 1, expireSeconds: 3600 } });
    expect(again.data?.createOfficialAccountQRCode).toMatchObject({ ticket: tickets[0], reused: true });
    // A code with a minute or less to live is not handed out again.
    const short = { app: OA, input: { permanent: false, sceneStr: 'short', expireSeconds: 60 } };
    const a = await s.request(CreateOfficialAccountQrCodeDocument, short);
    const b = await s.request(CreateOfficialAccountQrCodeDocument, short);
    expect(b.data?.createOfficialAccountQRCode.ticket).not.toBe(a.data?.createOfficialAccountQRCode.ticket);
    expect(s.emulator.calls()['cgi-bin/qrcode/create']).toBe(14);
  });

  it('refuses bad scenes before calling WeChat', async () => {
    const s = await stackWith();
    const cases = [
      { permanent: false, sceneId: 0 },
      { permanent: true, sceneId: 100_001 },
      { permanent: true, sceneStr: 'x'.repeat(65) },
      { permanent: true, sceneId: 1, sceneStr: 'both' },
      { permanent: true, sceneId: 1, expireSeconds: 60 },
      { permanent: false, sceneId: 1, expireSeconds: 2_592_001 },
    ];
    for (const input of cases) expect(errorCodes(await s.request(CreateOfficialAccountQrCodeDocument, { app: OA, input })), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
    const mini = await s.request(CreateOfficialAccountQrCodeDocument, { app: 'miniprogram', input: { permanent: true, sceneId: 1 } });
    expect(errorCodes(mini)).toEqual(['BAD_USER_INPUT']);
    expect(s.emulator.calls()['cgi-bin/qrcode/create'] ?? 0).toBe(0);
  });

  it('QUOTA_EXHAUSTED on 45029, and then without calling WeChat', async () => {
    const s = await stackWith();
    await admin(s, 'PUT', 'oa/qrcode/quota', { appid: OA_APPID, used: 100_000 });
    const refused = await s.request(CreateOfficialAccountQrCodeDocument, permanent('one-too-many'));
    expect(errorCodes(refused)).toEqual(['QUOTA_EXHAUSTED']);
    expect(refused.errors?.[0]?.extensions?.errcode).toBe(45029);
    const quota = await s.request(OfficialAccountQrCodeQuotaDocument, { app: OA });
    expect(quota.data?.officialAccountQRCodeQuota.permanentRemaining).toBe(0);
    const next = await s.request(CreateOfficialAccountQrCodeDocument, permanent('another'));
    expect(errorCodes(next)).toEqual(['QUOTA_EXHAUSTED']);
    expect(s.emulator.calls()['cgi-bin/qrcode/create']).toBe(1);
    // Temporary codes are not part of that quota.
    expect((await s.request(CreateOfficialAccountQrCodeDocument, { app: OA, input: { permanent: false, sceneStr: 'temp' } })).errors).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------

const sendArgs = (toOpenid: string, extra: Partial<SendTemplateMessageMutationVariables> = {}): SendTemplateMessageMutationVariables => ({
  app: OA,
  toOpenid,
  templateId: MODERN,
  data: [
    { key: 'character_string1', value: '20231001123' },
    { key: 'thing2', value: '保温杯' },
    { key: 'time3', value: '2023年10月1日 10:00' },
  ],
  ...extra,
});

describe('template messages', () => {
  it('sends once per idempotency key; a repeat replays without a call; msgid is a 64-bit string', async () => {
    const s = await stackWith();
    const [openid] = followers(1);
    const key = randomUUID();
    const first = await s.request(SendTemplateMessageDocument, sendArgs(openid!, { idempotencyKey: key }));
    expect(first.errors).toBeUndefined();
    const sent = first.data!.sendTemplateMessage;
    expect(sent).toMatchObject({ replayed: false, idempotencyKey: key, warnings: [] });
    expect(sent.msgId).toMatch(/^\d{19}$/);
    expect(BigInt(sent.msgId) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const deliveries = await templateDeliveries(s);
    expect(deliveries.map((d) => d.msgid)).toEqual([sent.msgId]);
    const again = await s.request(SendTemplateMessageDocument, sendArgs(openid!, { idempotencyKey: key }));
    expect(again.data?.sendTemplateMessage).toMatchObject({ msgId: sent.msgId, replayed: true });
    expect(s.emulator.calls()['cgi-bin/message/template/send']).toBe(1);
    const reused = await s.request(SendTemplateMessageDocument, sendArgs(openid!, { idempotencyKey: key, url: 'https://example.com/' }));
    expect(errorCodes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  for (const kind of ['busy', 'http5xx', 'reset'] as const) {
    it(`under ${kind} faults a keyed send is delivered exactly once`, async () => {
      const s = await stackWith({ faults: [{ kind, endpoints: ['cgi-bin/message/template/send'], times: 2 }] });
      const [openid] = followers(1);
      const key = randomUUID();
      const result = await s.request(SendTemplateMessageDocument, sendArgs(openid!, { idempotencyKey: key }));
      expect(result.errors).toBeUndefined();
      expect(s.emulator.calls()['cgi-bin/message/template/send']).toBe(3);
      const repeat = await s.request(SendTemplateMessageDocument, sendArgs(openid!, { idempotencyKey: key }));
      expect(repeat.data?.sendTemplateMessage).toMatchObject({ msgId: result.data!.sendTemplateMessage.msgId, replayed: true });
      expect(await templateDeliveries(s)).toHaveLength(1);
      expect(s.emulator.calls()['cgi-bin/message/template/send']).toBe(3);
    });
  }

  it('a send WeChat received but answered too late is retried under the same client_msg_id and delivered once', async () => {
    // UPSTREAM_TIMEOUT_MS is 2000 in tests: the first attempt times out, arrives later, and the retry is deduped by WeChat.
    const s = await stackWith({ faults: [{ kind: 'latency', latencyMs: 2_600, endpoints: ['cgi-bin/message/template/send'], times: 1 }] });
    const [openid] = followers(1);
    const result = await s.request(SendTemplateMessageDocument, sendArgs(openid!, { idempotencyKey: randomUUID() }));
    expect(result.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(s.emulator.calls()['cgi-bin/message/template/send']).toBe(2);
    const deliveries = await templateDeliveries(s);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.msgid).toBe(result.data!.sendTemplateMessage.msgId);
  }, 15_000);

  it('without a key, a send that may have arrived is not repeated', async () => {
    const s = await stackWith({ faults: [{ kind: 'http5xx', endpoints: ['cgi-bin/message/template/send'], times: 1 }] });
    const [openid] = followers(1);
    const result = await s.request(SendTemplateMessageDocument, sendArgs(openid!));
    expect(errorCodes(result)).toEqual(['UPSTREAM_OUTCOME_UNKNOWN']);
    expect(s.emulator.calls()['cgi-bin/message/template/send']).toBe(1);
  });

  it('checks data against the template and the 2023 rules before any send', async () => {
    const s = await stackWith();
    const [openid] = followers(1);
    const legacy = (data: SendTemplateMessageMutationVariables['data']) => sendArgs(openid!, { templateId: LEGACY, data });
    const cases: [SendTemplateMessageMutationVariables, RegExp][] = [
      [legacy([{ key: 'first', value: '您好' }, { key: 'keyword1', value: 'a' }, { key: 'keyword2', value: 'b' }, { key: 'keyword3', value: 'c' }]), /first.*2023-05-04/],
      [legacy([{ key: 'keyword1', value: 'a' }, { key: 'keyword2', value: 'b' }, { key: 'keyword3', value: 'c' }, { key: 'remark', value: '欢迎' }]), /remark/],
      [sendArgs(openid!, { data: [{ key: 'character_string1', value: '1' }, { key: 'thing2', value: 'x'.repeat(21) }, { key: 'time3', value: 't' }] }), /at most 20/],
      [sendArgs(openid!, { data: [{ key: 'character_string1', value: '1' }, { key: 'thing2', value: 'a\nb' }, { key: 'time3', value: 't' }] }), /line breaks/],
      [sendArgs(openid!, { data: [{ key: 'character_string1', value: '1' }, { key: 'thing2', value: 'x' }] }), /also needs time3/],
      [sendArgs(openid!, { data: [{ key: 'character_string1', value: '1' }, { key: 'thing2', value: 'x' }, { key: 'time3', value: 't' }, { key: 'thing9', value: 'y' }] }), /not a placeholder/],
      [sendArgs(openid!, { templateId: 'NoSuchTemplate' }), /not one of this account's templates/],
    ];
    for (const [variables, message] of cases) {
      const result = await s.request(SendTemplateMessageDocument, variables);
      expect(errorCodes(result), JSON.stringify(variables.data)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    expect(s.emulator.calls()['cgi-bin/message/template/send'] ?? 0).toBe(0);
    // The template list was read once (a miss reads it fresh once more) and then served from the cache.
    expect(s.emulator.calls()['cgi-bin/template/get_all_private_template']).toBeLessThanOrEqual(2);
    // Old-style templates still send without first/remark; a colour is only a warning.
    const ok = await s.request(SendTemplateMessageDocument, legacy([{ key: 'keyword1', value: '保温杯' }, { key: 'keyword2', value: '39.8元', color: '#173177' }, { key: 'keyword3', value: '2023年10月1日' }]));
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.sendTemplateMessage.warnings).toEqual([expect.stringMatching(/colours/)]);
  });

  it('recipient errors are WECHAT_RECIPIENT_UNAVAILABLE (43004 not following)', async () => {
    const s = await stackWith();
    const result = await s.request(SendTemplateMessageDocument, sendArgs(notFollowing()));
    expect(errorCodes(result)).toEqual(['WECHAT_RECIPIENT_UNAVAILABLE']);
    expect(result.errors?.[0]?.extensions?.errcode).toBe(43004);
  });
});

// ---------------------------------------------------------------------------------------------
// Push: TEMPLATESENDJOBFINISH and scans reach a wechatEvents subscriber

interface Sub {
  take(ms?: number): Promise<Record<string, any> | undefined>;
}

async function subscribeEvents(s: Stack): Promise<Sub> {
  const controller = new AbortController();
  cleanups.push(() => controller.abort());
  const response = await fetch(`${s.instances[0]!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-api-key': s.keys.admin },
    body: JSON.stringify({ query: print(OfficialAccountEventsDocument), variables: { app: OA } }),
    signal: controller.signal,
  });
  const events: Record<string, any>[] = [];
  let wake: (() => void) | undefined;
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
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (!data || !block.includes('event: next')) continue;
          recordText(data);
          events.push(JSON.parse(data).data.wechatEvents);
          wake?.();
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    async take(ms = 5_000) {
      const deadline = performance.now() + ms;
      while (!events.length) {
        const left = deadline - performance.now();
        if (left <= 0) return undefined;
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, left);
        });
      }
      return events.shift();
    },
  };
}

async function push(s: Stack, event: Record<string, unknown>) {
  const response = await fetch(`${s.emulator.url}/__emulator/push`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appid: OA_APPID, event }) });
  expect(response.status).toBe(200);
}

/** Pushes text until the subscription shows it is listening, then drains the warm-up. */
async function listening(s: Stack, sub: Sub) {
  for (let i = 0; i < 50; i++) {
    await push(s, { MsgType: 'text', Content: `warm-up ${i}`, MsgId: String(9_000_000 + i) });
    if (await sub.take(200)) break;
  }
  await push(s, { MsgType: 'text', Content: 'listening', MsgId: '9999999' });
  for (let next = await sub.take(); next?.content !== 'listening'; next = await sub.take()) expect(next).toBeDefined();
}

describe('Official Account pushes', () => {
  it('the TEMPLATESENDJOBFINISH of a send reaches a wechatEvents subscriber once, even under faults', async () => {
    const s = await stackWith({ faults: [{ kind: 'reset', endpoints: ['cgi-bin/message/template/send'], times: 1 }] });
    await connectEmulatorPush(s.emulator, s.instances[0]!.url, s.config.apps);
    const sub = await subscribeEvents(s);
    await listening(s, sub);
    const [openid, blocked] = followers(2);
    await admin(s, 'PUT', 'oa/template-receipts', { openid: blocked, status: 'failed:user block' });
    const key = randomUUID();
    const sent = await s.request(SendTemplateMessageDocument, sendArgs(openid!, { idempotencyKey: key }));
    expect(sent.errors).toBeUndefined();
    await s.request(SendTemplateMessageDocument, sendArgs(openid!, { idempotencyKey: key }));
    const receipt = await sub.take();
    expect(receipt).toMatchObject({ __typename: 'TemplateSendJobFinishEvent', type: 'TEMPLATE_SEND_JOB_FINISH', msgId: sent.data!.sendTemplateMessage.msgId, status: 'SUCCESS', statusText: 'success', fromUser: openid });
    const other = await s.request(SendTemplateMessageDocument, sendArgs(blocked!));
    const blockedReceipt = await sub.take();
    expect(blockedReceipt).toMatchObject({ msgId: other.data!.sendTemplateMessage.msgId, status: 'USER_BLOCK', statusText: 'failed:user block' });
    // Nothing else: the first send's receipt came once.
    await push(s, { MsgType: 'text', Content: 'sentinel', MsgId: '9999998' });
    expect((await sub.take())?.content).toBe('sentinel');
  });

  it('a follow or scan through a code this gateway made is traced back to it', async () => {
    const s = await stackWith();
    await connectEmulatorPush(s.emulator, s.instances[0]!.url, s.config.apps);
    const sub = await subscribeEvents(s);
    await listening(s, sub);
    const code = (await s.request(CreateOfficialAccountQrCodeDocument, permanent('campaign-autumn'))).data!.createOfficialAccountQRCode;
    await push(s, { MsgType: 'event', Event: 'subscribe', EventKey: 'qrscene_campaign-autumn', Ticket: code.ticket, FromUserName: followers(1)[0] });
    expect(await sub.take()).toMatchObject({ __typename: 'SubscribeEvent', scene: 'campaign-autumn', qrCode: { ticket: code.ticket, permanent: true, sceneStr: 'campaign-autumn', sceneId: null } });
    await push(s, { MsgType: 'event', Event: 'SCAN', EventKey: 'campaign-autumn', Ticket: code.ticket, FromUserName: followers(2)[1] });
    expect(await sub.take()).toMatchObject({ __typename: 'ScanEvent', qrCode: { ticket: code.ticket } });
    await push(s, { MsgType: 'event', Event: 'SCAN', EventKey: '7', Ticket: 'made-elsewhere', FromUserName: followers(3)[2] });
    expect(await sub.take()).toMatchObject({ __typename: 'ScanEvent', scene: '7', qrCode: null });
  });
});

// ---------------------------------------------------------------------------------------------
// Real bodies through the gateway

/** Stands in for WeChat: a fixture body for the given paths, the emulator for everything else (tokens). */
async function wechatWith(emulator: Emulator, bodies: Record<string, string | (() => string)>, seen: Record<string, unknown[]> = {}): Promise<string> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://wechat.local');
    const path = url.pathname.slice(1);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = bodies[path];
    if (body !== undefined) {
      (seen[path] ??= []).push(chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : Object.fromEntries(url.searchParams));
      res.setHeader('content-type', 'application/json').end(typeof body === 'function' ? body() : body);
      return;
    }
    const upstream = await fetch(`${emulator.url}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json' }, body: req.method === 'POST' ? Buffer.concat(chunks) : undefined });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describeFixtures('fixture bodies of the Official Account family', () => {
  it('qrcode/create: a permanent body without expire_seconds; a temporary one with it', async () => {
    const f = fixture('cgi-bin/qrcode/create.json');
    const permanentSample = f.more_samples.find((m: any) => m.request?.body?.action_name === 'QR_LIMIT_STR_SCENE');
    const emulator = await startEmulator();
    cleanups.push(() => emulator.close());
    let body = permanentSample.raw_body as string;
    const seen: Record<string, unknown[]> = {};
    const base = await wechatWith(emulator, { 'cgi-bin/qrcode/create': () => body, 'cgi-bin/showqrcode': '' }, seen);
    // showqrcode answers JSON '' here, so serve images from a second fake: simpler to let the image fail and check the ticket is kept.
    const s = await stackWith({ emulator, env: { WECHAT_API_BASE: base, WECHAT_MP_BASE: emulator.url } });
    const made = await s.request(CreateOfficialAccountQrCodeDocument, permanent('fixture'));
    // The emulator does not know the fixture's ticket: the image fetch fails (404), the ticket is kept.
    expect(errorCodes(made)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(seen['cgi-bin/qrcode/create']).toEqual([{ action_name: 'QR_LIMIT_STR_SCENE', action_info: { scene: { scene_str: 'fixture' } } }]);
    const again = await s.request(CreateOfficialAccountQrCodeDocument, permanent('fixture'));
    expect(errorCodes(again)).toEqual(['UPSTREAM_UNAVAILABLE']);
    // Never made twice: the stored ticket is reused and only its image is asked for again.
    expect(seen['cgi-bin/qrcode/create']).toHaveLength(1);
    expect(emulator.calls()['cgi-bin/showqrcode']).toBeGreaterThanOrEqual(2);

    body = f.raw_body;
    const temporary = await s.request(CreateOfficialAccountQrCodeDocument, { app: OA, input: { permanent: false, sceneId: 123, expireSeconds: 604_800 } });
    expect(seen['cgi-bin/qrcode/create']![1]).toEqual(f.request.body);
    expect(errorCodes(temporary)).toEqual(['UPSTREAM_UNAVAILABLE']);
  });

  it('template/send: the real msgid above 2^53 arrives digit for digit; 43004 and 43019 bodies are recipient errors', async () => {
    const f = fixture('cgi-bin/message/template/send.json');
    const emulator = await startEmulator();
    cleanups.push(() => emulator.close());
    let body: string = f.raw_body;
    const seen: Record<string, unknown[]> = {};
    const base = await wechatWith(emulator, { 'cgi-bin/message/template/send': () => body }, seen);
    const s = await stackWith({ emulator, env: { WECHAT_API_BASE: base } });
    const [openid] = followers(1);
    const sent = await s.request(SendTemplateMessageDocument, sendArgs(openid!, { url: f.request.body.url, miniProgram: { appId: 'wx0123456789abcdef', pagePath: f.request.body.miniprogram.pagepath } }));
    expect(sent.errors).toBeUndefined();
    expect(sent.data?.sendTemplateMessage.msgId).toBe('1226691075109289985');
    expect(seen['cgi-bin/message/template/send']![0]).toMatchObject({ touser: openid, template_id: MODERN, url: f.request.body.url, miniprogram: { appid: 'wx0123456789abcdef', pagepath: 'index?foo=bar' }, data: { thing2: { value: '保温杯' } } });
    for (const sample of [f.error_response, ...f.more_samples.flatMap((m: any) => m.responses ?? []).filter((r: any) => r.errcode === 43019)]) {
      body = JSON.stringify(sample);
      const failed = await s.request(SendTemplateMessageDocument, sendArgs(openid!));
      expect(errorCodes(failed)).toEqual(['WECHAT_RECIPIENT_UNAVAILABLE']);
      expect(failed.errors?.[0]?.extensions).toMatchObject({ errcode: sample.errcode, rid: expect.any(String) });
    }
    for (const sample of f.more_samples.filter((m: any) => m.response?.msgid)) {
      body = JSON.stringify(sample.response);
      const ok = await s.request(SendTemplateMessageDocument, sendArgs(openid!));
      expect(ok.data?.sendTemplateMessage.msgId).toBe(String(sample.response.msgid));
    }
  });
});
