import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { print } from 'graphql';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckImageDocument, CheckMediaAsyncDocument, CheckTextDocument, LoginDocument, type CheckImageMutation, type TextCheckInput } from '../gql/graphql.ts';
import { recordText } from '../helpers/leak-scan.ts';
import { redisAvailable } from '../helpers/redis.ts';
import { fixtureIfPresent, itFixtures } from '../helpers/fixtures.ts';
import { bearer, errorCodes, mintCode, startStack, type GraphQLResponse, type Stack } from '../helpers/stack.ts';

const hasRedis = await redisAvailable();
let stack: Stack | undefined;
const servers: Server[] = [];
afterEach(async () => {
  await stack?.close();
  stack = undefined;
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const TEXT_CHECK = 'wxa/msg_sec_check';
const IMAGE_CHECK = 'wxa/img_sec_check';
const MEDIA_CHECK = 'wxa/media_check_async';

const msgSecCheck = fixtureIfPresent('wxa/msg_sec_check.json');
const mediaCheckEvent = JSON.parse(fixtureIfPresent('push/json/wxa_media_check_event.json')?.body ?? 'null');

async function login(s: Stack, user: string, instance = 0) {
  const response = await s.request(LoginDocument, { code: await mintCode(s, 'login', user) }, { key: null, instance });
  expect(response.errors).toBeUndefined();
  return response.data!.login;
}

const text = (openid: string, content: string, extra: Partial<TextCheckInput> = {}): TextCheckInput => ({ content, scene: 'COMMENT', openid, ...extra });

function png(width: number, height: number, trailer = ''): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(120);
  return Buffer.concat([PNG.sync.write(image), Buffer.from(trailer)]);
}

async function checkImage(s: Stack, bytes: Buffer, name = 'a.png', key = s.keys.admin): Promise<GraphQLResponse<CheckImageMutation>> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: print(CheckImageDocument), variables: { image: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.image'] }));
  form.append('0', new Blob([new Uint8Array(bytes)]), name);
  const response = await fetch(`${s.instances[0]!.url}/graphql`, { method: 'POST', headers: { 'x-api-key': key }, body: form });
  const body = await response.text();
  recordText(body);
  return JSON.parse(body);
}

describe('checkText', () => {
  itFixtures('types pass, review and risky verdicts, keeping unknown labels reachable', async () => {
    stack = await startStack();
    const { viewer } = await login(stack, 'alice');
    const check = (content: string) => stack!.request(CheckTextDocument, { input: text(viewer.openid, content) });

    const pass = await check(msgSecCheck.request.body.content);
    expect(pass.errors).toBeUndefined();
    expect(pass.data?.checkText).toMatchObject({ suggest: 'PASS', label: 'NORMAL', labelCode: 100 });
    expect(pass.data?.checkText.traceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    // A keyword strategy without a hit carries only strategy and errcode (real v2 body).
    expect(pass.data?.checkText.details).toEqual([
      { strategy: 'keyword', errcode: 0, suggest: null, label: null, labelCode: null, keyword: null, level: null, probability: null },
      { strategy: 'content_model', errcode: 0, suggest: 'PASS', label: 'NORMAL', labelCode: 100, keyword: null, level: null, probability: 90 },
    ]);

    const risky = await check(`看看这个 ${msgSecCheck.test_inputs.v1_known_risky_strings[0]}`);
    expect(risky.data?.checkText).toMatchObject({ suggest: 'RISKY', label: 'POLITICS', labelCode: 20001 });
    expect(risky.data?.checkText.details[0]).toMatchObject({ strategy: 'keyword', suggest: 'RISKY', keyword: msgSecCheck.test_inputs.v1_known_risky_strings[0] });

    const fraud = await check('专业代开发票');
    expect(fraud.data?.checkText).toMatchObject({ suggest: 'RISKY', label: 'FRAUD', labelCode: 20008 });
    const review = await check('想要优惠请加微信');
    expect(review.data?.checkText).toMatchObject({ suggest: 'REVIEW', label: 'ADVERTISING', labelCode: 10001 });
    const unknownLabel = await check('emu-review-29999');
    expect(unknownLabel.data?.checkText).toMatchObject({ suggest: 'REVIEW', label: 'OTHER', labelCode: 29999 });
    expect(stack.emulator.calls()[TEXT_CHECK]).toBe(5);
  });

  it('checks title, nickname and a profile signature too', async () => {
    stack = await startStack();
    const { viewer } = await login(stack, 'bob');
    const response = await stack.request(CheckTextDocument, {
      input: text(viewer.openid, 'hello world!', { scene: 'PROFILE', nickname: '小明', signature: '欢迎加微信' }),
    });
    expect(response.data?.checkText).toMatchObject({ suggest: 'REVIEW', labelCode: 10001 });
  });

  it('lets a signed-in user check their own text, and only their own', async () => {
    stack = await startStack();
    const session = await login(stack, 'carol');
    const other = await login(stack, 'dave');
    const own = await stack.request(CheckTextDocument, { input: { content: '赌博网站', scene: 'FORUM' } }, bearer(session.token));
    expect(own.data?.checkText).toMatchObject({ suggest: 'RISKY', label: 'ILLEGAL' });
    const same = await stack.request(CheckTextDocument, { input: text(session.viewer.openid, 'hi') }, bearer(session.token));
    expect(same.errors).toBeUndefined();
    const foreign = await stack.request(CheckTextDocument, { input: text(other.viewer.openid, 'hi') }, bearer(session.token));
    expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
    expect(foreign.errors?.[0]?.message).toMatch(/only their own text/);
    const otherApp = await stack.request(CheckTextDocument, { app: 'officialAccount', input: { content: 'hi', scene: 'FORUM' } }, bearer(session.token));
    expect(errorCodes(otherApp)).toEqual(['FORBIDDEN']);
    expect(stack.emulator.calls()[TEXT_CHECK]).toBe(2);
  });

  it('validates before calling WeChat and needs security:check or a session', async () => {
    stack = await startStack();
    const { viewer } = await login(stack, 'erin');
    for (const input of [
      { content: 'no author', scene: 'COMMENT' as const },
      text(viewer.openid, '   '),
      text(viewer.openid, '字'.repeat(2501)),
      text(viewer.openid, 'x', { signature: 'only for profiles' }),
      text('not an openid!', 'x'),
    ]) {
      const response = await stack.request(CheckTextDocument, { input });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toMatch(/^input\./);
    }
    expect(errorCodes(await stack.request(CheckTextDocument, { input: text(viewer.openid, 'x') }, { key: stack.keys.logs }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.request(CheckTextDocument, { input: text(viewer.openid, 'x') }, { key: null }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await stack.request(CheckTextDocument, { app: 'officialAccount', input: text(viewer.openid, 'x') }))).toEqual(['BAD_USER_INPUT']);
    expect(stack.emulator.calls()[TEXT_CHECK]).toBeUndefined();
  });

  it("stops calling WeChat on every instance once it answers 45009, and says when to come back", async () => {
    stack = await startStack({ faults: [{ endpoints: [TEXT_CHECK], kind: 'quota', times: 1 }] });
    const { viewer } = await login(stack, 'frank');
    const first = await stack.request(CheckTextDocument, { input: text(viewer.openid, 'hi') });
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', errcode: 45009 });
    const second = await stack.request(CheckTextDocument, { input: text(viewer.openid, 'hi') });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', endpoint: TEXT_CHECK });
    expect(second.errors?.[0]?.extensions?.retryAfter).toBeGreaterThanOrEqual(60);
    expect(stack.emulator.calls()[TEXT_CHECK]).toBe(1);
  });

  it.skipIf(!hasRedis)('holds 5000 checks in a minute across two instances to 4000 upstream', { timeout: 120_000 }, async () => {
    // The windows' clock stands still, so the burst stays in one window however long it takes here.
    const clock = () => 28_333_334 * 60_000;
    stack = await startStack({ instances: 2, redis: true, env: { LOG_LEVEL: 'warn' }, gateway: { clock } });
    const { viewer } = await login(stack, 'grace');
    let next = 0;
    const codes: Record<string, number> = {};
    const retryAfter = new Set<number>();
    // 5000 calls, 64 at a time, alternating instances.
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < 5000) {
          const i = next++;
          const response = await stack!.request(CheckTextDocument, { input: text(viewer.openid, `message ${i}`) }, { instance: i % 2 });
          const code = response.errors ? String(response.errors[0]?.extensions?.code) : 'OK';
          codes[code] = (codes[code] ?? 0) + 1;
          if (code === 'RATE_LIMITED') retryAfter.add(Number(response.errors![0]!.extensions!.retryAfter));
        }
      }),
    );
    const upstream = stack.emulator.calls()[TEXT_CHECK] ?? 0;
    expect(upstream).toBeLessThanOrEqual(4000);
    expect(codes).toEqual({ OK: upstream, RATE_LIMITED: 5000 - upstream });
    expect(upstream).toBe(4000);
    expect([...retryAfter].every((seconds) => seconds > 0 && seconds <= 60)).toBe(true);
  });
});

describe('checkImage', () => {
  it('gives PASS or RISKY for an uploaded image', async () => {
    stack = await startStack();
    const clean = await checkImage(stack, png(750, 1334));
    expect(clean.errors).toBeUndefined();
    expect(clean.data?.checkImage).toEqual({ suggest: 'PASS', format: 'png', width: 750, height: 1334 });
    // The emulator calls an image risky when it carries its marker (here after the PNG's end).
    const risky = await checkImage(stack, png(100, 80, 'emu-risky'), 'b.png');
    expect(risky.data?.checkImage).toMatchObject({ suggest: 'RISKY' });
    expect(stack.emulator.calls()[IMAGE_CHECK]).toBe(2);
  });

  it('checks format, pixel size and bytes before calling WeChat', async () => {
    stack = await startStack();
    const tooWide = await checkImage(stack, png(751, 100));
    expect(tooWide.errors?.[0]?.message).toContain('751x100 pixels is over WeChat\'s limit of 750x1334');
    const tooBig = await checkImage(stack, png(100, 100, 'x'.repeat(1024 * 1024)));
    expect(tooBig.errors?.[0]?.message).toMatch(/bytes is over WeChat's limit of 1048576 bytes/);
    const notImage = await checkImage(stack, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg');
    expect(notImage.errors?.[0]?.message).toMatch(/not a PNG, JPEG or GIF/);
    for (const response of [tooWide, tooBig, notImage]) expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await checkImage(stack, png(10, 10), 'a.png', stack.keys.logs))).toEqual(['FORBIDDEN']);
    expect(stack.emulator.calls()[IMAGE_CHECK]).toBeUndefined();
  });
});

/** A stand-in for the gateway's webhook: collects what the emulator pushes. */
async function pushReceiver() {
  const received: { query: URLSearchParams; body: Record<string, unknown> }[] = [];
  let notify = () => {};
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ query: new URL(req.url ?? '/', 'http://x').searchParams, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.end('success');
      notify();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat/miniprogram`;
  const next = (count: number) =>
    new Promise<void>((resolve) => {
      notify = () => received.length >= count && resolve();
      notify();
    });
  return { url, received, next };
}

describe('checkMediaAsync', () => {
  itFixtures('returns the trace id and the verdict is pushed later with the same trace id', async () => {
    stack = await startStack();
    const { viewer } = await login(stack, 'heidi');
    const receiver = await pushReceiver();
    await fetch(`${stack.emulator.url}/__emulator/security/push-target`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appid: stack.config.apps[0]!.appid, url: receiver.url, delayMs: 20 }),
    });
    const submit = (mediaUrl: string, mediaType: 'IMAGE' | 'AUDIO') =>
      stack!.request(CheckMediaAsyncDocument, { input: { mediaUrl, mediaType, scene: 'SOCIAL_LOG', openid: viewer.openid } });

    const clean = await submit('https://cdn.example.com/a.png', 'IMAGE');
    const risky = await submit('https://cdn.example.com/emu-risky-20002.jpg', 'IMAGE');
    expect(clean.errors).toBeUndefined();
    const traces = [clean.data!.checkMediaAsync.traceId, risky.data!.checkMediaAsync.traceId];
    await receiver.next(2);

    const byTrace = new Map(receiver.received.map(({ body }) => [body.trace_id, body]));
    expect(Object.keys(byTrace.get(traces[0])!).sort()).toEqual(Object.keys(mediaCheckEvent).sort());
    expect(byTrace.get(traces[0])).toMatchObject({ MsgType: 'event', Event: 'wxa_media_check', FromUserName: viewer.openid, appid: stack.config.apps[0]!.appid, version: 2, result: { suggest: 'pass', label: 100 } });
    expect(byTrace.get(traces[1])).toMatchObject({ result: { suggest: 'risky', label: 20002 } });
    expect(receiver.received[0]!.query.get('timestamp')).toMatch(/^\d+$/);
    expect(stack.emulator.calls()[MEDIA_CHECK]).toBe(2);

    const pushes = (await (await fetch(`${stack.emulator.url}/__emulator/security/pushes`)).json()) as { pushes: { traceId: string; outcome: unknown }[] };
    expect(pushes.pushes.map((p) => [p.traceId, p.outcome])).toEqual(expect.arrayContaining([[traces[0], 200], [traces[1], 200]]));
  });

  it('validates the URL and author first, and never repeats a submission whose outcome is unknown', async () => {
    stack = await startStack({ faults: [{ endpoints: [MEDIA_CHECK], kind: 'reset', times: 1 }] });
    const { viewer } = await login(stack, 'ivan');
    for (const mediaUrl of ['ftp://cdn.example.com/a.png', 'not a url'])
      expect(errorCodes(await stack.request(CheckMediaAsyncDocument, { input: { mediaUrl, mediaType: 'IMAGE', scene: 'COMMENT', openid: viewer.openid } }))).toEqual([
        'BAD_USER_INPUT',
      ]);
    const lost = await stack.request(CheckMediaAsyncDocument, { input: { mediaUrl: 'https://e.com/a.mp3', mediaType: 'AUDIO', scene: 'COMMENT', openid: viewer.openid } });
    expect(errorCodes(lost)).toEqual(['UPSTREAM_OUTCOME_UNKNOWN']);
    expect(stack.emulator.calls()[MEDIA_CHECK]).toBe(1);
  });
});
