import { readFileSync } from 'node:fs';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { recordText } from '../helpers/leak-scan.ts';
import { REDIS_URL, redisAvailable, uniquePrefix } from '../helpers/redis.ts';
import { startDevStack, type DevStack } from '../helpers/dev-stack.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const hasRedis = await redisAvailable();

const stacks: DevStack[] = [];
afterEach(async () => {
  for (const stack of stacks.splice(0)) await stack.close();
});

async function dev(env: Record<string, string> = {}) {
  const stack = await startDevStack(env);
  stacks.push(stack);
  return stack;
}

async function run(stack: DevStack, query: string, headers: Record<string, string>, variables?: unknown): Promise<Json> {
  const response = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  recordText(text);
  return JSON.parse(text) as Json;
}

/** A subscription over SSE, as GraphiQL runs it; `next()` is the next event's payload. */
async function subscribe(stack: DevStack, query: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query }),
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let pending: Promise<ReadableStreamReadResult<string>> | undefined;
  /** The next `next` event within `ms`, or undefined. */
  async function next(ms: number): Promise<Json | undefined> {
    const deadline = Date.now() + ms;
    for (;;) {
      const cut = buffer.indexOf('\n\n');
      if (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (!/^event: next$/m.test(block)) continue;
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('\n');
        return JSON.parse(data) as Json;
      }
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      pending ??= reader.read();
      const read = await Promise.race([pending, new Promise<undefined>((resolve) => setTimeout(resolve, left))]);
      if (!read) return undefined;
      pending = undefined;
      if (read.done) return undefined;
      buffer += read.value;
    }
  }
  return { next, close: () => controller.abort() };
}

/** The tab's curl command, run as fetch (so the instructions are tested too). */
async function pushAsTabSays(comment: string, content: string, appid?: string) {
  const url = /curl -X POST (\S+)/.exec(comment)?.[1];
  const body = /-d '([^']+)'/.exec(comment)?.[1];
  expect(comment).toContain("-H 'content-type: application/json'");
  const json = JSON.parse(body!) as { appid: string; event: { Content: string } };
  json.event.Content = content;
  if (appid) json.appid = appid;
  const response = await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
  expect(response.status).toBe(200);
}

const operations = (query: string) =>
  parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

describe('GraphiQL in development', () => {
  it('opens with example tabs that each run as they are, with the headers they open with', async () => {
    const stack = await dev();
    const tabs = stack.graphiql.defaultTabs!;
    const names = tabs.flatMap((tab) => operations(tab.query!).map((op) => op.name?.value));
    expect(names).toEqual(['AppsAndServerIps', 'Login', 'Me', 'QRCode', 'SevenDayTrend', 'SendWithIdempotencyKey', 'LiveEvents']);
    const ran: string[] = [];

    for (const tab of tabs) {
      const headers = JSON.parse(tab.headers!) as Record<string, string>;
      expect(headers).toEqual({ 'x-api-key': stack.apiKey });
      const variables = tab.variables ? JSON.parse(tab.variables) : undefined;
      const ops = operations(tab.query!);
      const byName = Object.fromEntries(ops.map((op) => [op.name!.value, print(op)]));

      if (byName.Login) {
        const login = await run(stack, byName.Login, headers);
        expect(login.errors).toBeUndefined();
        const token = login.data.login.token as string;
        // The tab's instructions: replace the headers with the session token, run Me.
        const me = await run(stack, byName.Me!, { authorization: `Bearer ${token}` });
        expect(me.errors).toBeUndefined();
        expect(me.data.me.openid).toBe(login.data.login.viewer.openid);
        // Signing in as the same user again, as the tab says: a suffix after a dash.
        const again = await run(stack, byName.Login.replace('"dev_alice"', '"dev_alice-2"'), headers);
        expect(again.data?.login.viewer.openid).toBe(login.data.login.viewer.openid);
        ran.push('Login', 'Me');
        continue;
      }

      const [op] = ops;
      if (op!.operation === 'subscription') {
        // No `app`: pushes to every app arrive, the Official Account's included.
        const sub = await subscribe(stack, tab.query!, headers);
        let event: Json | undefined;
        for (let i = 0; i < 50 && !event; i++) {
          await pushAsTabSays(tab.query!, `warm-up ${i}`);
          event = await sub.next(200);
        }
        expect(event?.errors).toBeUndefined();
        expect(event?.data.wechatEvents).toMatchObject({ __typename: 'TextMessageEvent', app: { id: 'miniprogram' } });
        const officialAccount = stack.gateway.services.config.apps.find((app) => app.kind === 'officialAccount')!;
        await pushAsTabSays(tab.query!, 'to the official account', officialAccount.appid);
        for (let next = await sub.next(5_000); ; next = await sub.next(5_000)) {
          expect(next).toBeDefined();
          if (next!.data.wechatEvents.content === 'to the official account') {
            expect(next!.data.wechatEvents.app).toEqual({ id: officialAccount.id });
            break;
          }
        }
        sub.close();
        ran.push(op!.name!.value);
        continue;
      }

      const result = await run(stack, tab.query!, headers, variables);
      expect(result.errors, op!.name!.value).toBeUndefined();
      expect(Object.values(result.data).every((value) => value !== null)).toBe(true);
      ran.push(op!.name!.value);

      if (op!.name!.value === 'SendWithIdempotencyKey') {
        expect(result.data.sendSubscribeMessage).toMatchObject({ replayed: false, idempotencyKey: variables.idempotencyKey });
        const repeat = await run(stack, tab.query!, headers, variables);
        expect(repeat.data.sendSubscribeMessage).toMatchObject({ replayed: true, sentAt: result.data.sendSubscribeMessage.sentAt });
        expect(stack.emulator.calls()['cgi-bin/message/subscribe/send']).toBe(1);
      }
      if (op!.name!.value === 'SevenDayTrend') expect(result.data.miniProgramAnalytics.dailyVisitTrend).toHaveLength(7);
      if (op!.name!.value === 'QRCode') {
        const image = await fetch(new URL(result.data.createQRCode.url as string, stack.url));
        expect(image.headers.get('content-type')).toBe('image/png');
      }
    }
    expect(ran).toEqual(names);
  });

  it('serves the page with its assets, the tabs and the key, and nothing from a CDN', async () => {
    const stack = await dev();
    const response = await fetch(`${stack.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet[^>]+href=["']?https?:/);
    expect(html).not.toContain('unpkg.com');
    expect(html).toContain(stack.apiKey);
    expect(html).toContain('SendWithIdempotencyKey');
  });

  it("runs the README's live-events curl as written (headers and body), and delivers a push", async () => {
    const stack = await dev();
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const command = /`(curl -N [^`]+\.\.\.\/graphql)`/.exec(readme)?.[1];
    expect(command).toBeDefined();
    const headers = Object.fromEntries([...command!.matchAll(/-H '([^:]+): ([^']+)'/g)].map(([, name, value]) => [name!, value!]));
    expect(headers).toMatchObject({ accept: 'text/event-stream', 'content-type': 'application/json', 'x-api-key': '...' });
    headers['x-api-key'] = stack.apiKey;
    const body = JSON.parse(/-d '([^']+)'/.exec(command!)![1]!) as { query: string };
    const sub = await subscribe(stack, body.query, headers);
    const tab = stack.graphiql.defaultTabs!.at(-1)!.query!;
    let event: Json | undefined;
    for (let i = 0; i < 50 && !event; i++) {
      await pushAsTabSays(tab, `readme ${i}`);
      event = await sub.next(200);
    }
    expect(event?.data.wechatEvents).toMatchObject({ __typename: 'TextMessageEvent', raw: { MsgType: 'text' } });
    sub.close();
  });

  it.skipIf(!hasRedis)('keeps the development API key in the store, so it survives a restart', async () => {
    const env = { REDIS_URL, REDIS_PREFIX: uniquePrefix() };
    const first = await dev(env);
    const key = first.apiKey;
    await first.close();
    stacks.splice(stacks.indexOf(first), 1);
    const second = await dev(env);
    expect(second.apiKey).toBe(key);
    const result = await run(second, '{ apps { id } }', { 'x-api-key': key });
    expect(result.errors).toBeUndefined();
    // Another store (another deployment) gets its own key.
    const other = await dev({ REDIS_URL, REDIS_PREFIX: uniquePrefix() });
    expect(other.apiKey).not.toBe(key);
  });
});
