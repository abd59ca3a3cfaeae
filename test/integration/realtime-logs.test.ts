import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TZDate } from '@date-fns/tz';
import { addDays, format, subDays } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.ts';
import { parseRealtimeLogs, searchRealtimeLogs, type RealtimeLogSearch } from '../../src/wechat/api/ops.ts';
import type { AppCall, AppClient } from '../../src/wechat/client.ts';
import { RealtimeLogsDocument, type RealtimeLogsQuery, type RealtimeLogsQueryVariables } from '../gql/graphql.ts';
import { describeFixtures, fixtureIfPresent, itFixtures } from '../helpers/fixtures.ts';
import { errorCodes, startStack, type Stack } from '../helpers/stack.ts';

const ENDPOINT = 'wxaapi/userlog/userlog_search';
const fixture = fixtureIfPresent('wxaapi/userlog/userlog_search.json') as {
  response: { data: { list: Record<string, unknown>[]; total: number } };
};

/** A China-time day relative to today, `YYYY-MM-DD`. */
const chinaDay = (daysAgo: number) => format(subDays(TZDate.tz('Asia/Shanghai', Date.now()), daysAgo), 'yyyy-MM-dd');
const chinaMidnight = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
// Three days back: far from both ends of the 7-day window, and wholly in the past.
const DAY = chinaDay(3);

type Entry = RealtimeLogsQuery['realtimeLogs']['entries'][number];

let stack: Stack | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await stack?.close();
  stack = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const searches = (s: Stack) => s.emulator.calls()[ENDPOINT] ?? 0;

async function search(s: Stack, variables: Partial<RealtimeLogsQueryVariables>, key?: string | null) {
  return s.request(RealtimeLogsDocument, { date: DAY, ...variables }, { key });
}

/** Every entry matching `variables`, page by page through nextOffset. */
async function everyPage(s: Stack, variables: Partial<RealtimeLogsQueryVariables>, limit: number) {
  const entries: Entry[] = [];
  const totals = new Set<number>();
  let offset: number | null = 0;
  let pages = 0;
  while (offset !== null) {
    const response = await search(s, { ...variables, offset, limit });
    expect(response.errors).toBeUndefined();
    const page = response.data!.realtimeLogs;
    expect(page.entries.length).toBeLessThanOrEqual(limit);
    entries.push(...page.entries);
    totals.add(page.total);
    offset = page.nextOffset ?? null;
    pages++;
  }
  expect(totals.size).toBe(1);
  return { entries, total: [...totals][0]!, pages };
}

/** The whole day, in one call (a day holds fewer than 100 entries). */
async function wholeDay(s: Stack) {
  const response = await search(s, { limit: 100 });
  expect(response.errors).toBeUndefined();
  const page = response.data!.realtimeLogs;
  expect(page.entries).toHaveLength(page.total);
  expect(page.nextOffset).toBeNull();
  return page.entries;
}

// ---------------------------------------------------------------------------------------------

describeFixtures('userlog_search body (fixture wxaapi/userlog/userlog_search.json)', () => {
  it('parses every field of the doc example, decoding the level mask and the nested msg', () => {
    const page = parseRealtimeLogs(fixture.response);
    const [item] = fixture.response.data.list as [Record<string, unknown>];
    // data.total is the whole match count, larger than this page.
    expect(page.total).toBe(1000);
    expect(page.entries).toHaveLength(1);
    const [entry] = page.entries;
    expect(entry).toEqual({
      levels: ['info', 'warn'], // 6 = 2 | 4
      levelMask: item.level,
      platform: 'android', // doc: 1 安卓 2 IOS
      platformCode: item.platform,
      libraryVersion: item.libraryVersion,
      clientVersion: item.clientVersion,
      openid: item.id,
      loggedAt: new Date((item.timestamp as number) * 1000),
      page: item.url,
      traceId: item.traceid,
      filterMessage: item.filterMsg,
      messages: [
        { loggedAt: new Date(1570852795_000), level: 'info', texts: ['hello world'] },
        { loggedAt: new Date(1570852795_000), level: 'warn', texts: ['get msg list mig 10006'] },
      ],
    });
  });

  it('tolerates absent keys, numbers as strings, one object where a list is usual, and unknown values', () => {
    expect(parseRealtimeLogs({ errcode: 0, errmsg: '' })).toEqual({ total: 0, entries: [] });
    const page = parseRealtimeLogs({
      errcode: 0,
      errmsg: '',
      data: {
        list: {
          level: '10',
          platform: 7,
          id: 'oXu034-Kl5Et2U0vsexKDsFaon0Q',
          timestamp: '1570852796',
          msg: { time: 1570852790, level: 16, msg: ['count', 3, { ok: false }] },
          url: 'pages/index/index',
          traceid: 't1',
        },
      },
    });
    expect(page.total).toBe(1);
    expect(page.entries[0]).toMatchObject({
      levels: ['info', 'error'],
      platform: 'other',
      platformCode: 7,
      libraryVersion: '',
      clientVersion: '',
      filterMessage: null,
      loggedAt: new Date(1570852796_000),
      messages: [{ level: null, texts: ['count', '3', '{"ok":false}'] }],
    });
  });

  it('sends date as YYYYMMDD, times in unix seconds inside it, paging and each filter under its WeChat name', async () => {
    const calls: AppCall[] = [];
    const wx = { json: async (call: AppCall) => (calls.push(call), fixture.response) } as unknown as AppClient;
    const base: RealtimeLogSearch = { day: '2019-10-12', offset: 0, limit: 20 };
    await searchRealtimeLogs(wx, base);
    const midnight = chinaMidnight('2019-10-12') / 1000;
    expect(calls[0]).toMatchObject({ endpoint: ENDPOINT, method: 'GET', retry: 'read' });
    expect(calls[0]!.query).toEqual({
      date: '20191012',
      begintime: midnight,
      endtime: midnight + 86_399,
      start: 0,
      limit: 20,
      traceId: undefined,
      url: undefined,
      id: undefined,
      filterMsg: undefined,
      level: undefined,
    });
    await searchRealtimeLogs(wx, {
      ...base,
      from: new Date('2019-10-12T04:00:00.900Z'),
      to: new Date('2019-10-12T05:00:00Z'),
      offset: 40,
      limit: 10,
      traceId: 'trace',
      page: 'pages/chat/chat',
      openid: 'oXu034-Kl5Et2U0vsexKDsFaon0Q',
      filterMessage: 'NetworkExceed08',
      minLevel: 'warn',
    });
    expect(calls[1]!.query).toEqual({
      date: '20191012',
      begintime: Date.parse('2019-10-12T04:00:00Z') / 1000,
      endtime: Date.parse('2019-10-12T05:00:00Z') / 1000,
      start: 40,
      limit: 10,
      traceId: 'trace',
      url: 'pages/chat/chat',
      id: 'oXu034-Kl5Et2U0vsexKDsFaon0Q',
      filterMsg: 'NetworkExceed08',
      level: 4,
    });
  });
});

describe('realtimeLogs through the gateway', () => {
  itFixtures('maps the fixture body to the schema (errmsg "" is success)', async () => {
    const emulator = await startEmulator();
    const seen: URLSearchParams[] = [];
    // Stands in for WeChat: the fixture body for the search, the emulator for everything else (tokens).
    const wechat = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://wechat.local');
      if (url.pathname === `/${ENDPOINT}`) {
        seen.push(url.searchParams);
        res.setHeader('content-type', 'application/json').end(JSON.stringify(fixture.response));
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const upstream = await fetch(`${emulator.url}${req.url}`, {
        method: req.method,
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
      });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(await upstream.text());
    });
    await new Promise<void>((resolve) => wechat.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => closeServer(wechat), () => emulator.close());
    stack = await startStack({ emulator, env: { WECHAT_API_BASE: `http://127.0.0.1:${(wechat.address() as AddressInfo).port}` } });

    const response = await search(stack, { limit: 1, minLevel: 'WARN' }, stack.keys.logs);
    expect(response.errors).toBeUndefined();
    const [item] = fixture.response.data.list as [Record<string, unknown>];
    expect(response.data?.realtimeLogs).toEqual({
      total: 1000,
      nextOffset: 1,
      entries: [
        {
          levels: ['INFO', 'WARN'],
          platform: 'ANDROID',
          platformCode: 1,
          libraryVersion: '2.8.3',
          clientVersion: '7.0.7',
          openid: item.id,
          loggedAt: '2019-10-12T03:59:56.000Z',
          page: 'pages/chat/chat',
          traceId: item.traceid,
          filterMessage: 'NetworkExceed08 ReportTimeTotal',
          messages: [
            { loggedAt: '2019-10-12T03:59:55.000Z', level: 'INFO', texts: ['hello world'] },
            { loggedAt: '2019-10-12T03:59:55.000Z', level: 'WARN', texts: ['get msg list mig 10006'] },
          ],
        },
      ],
    });
    expect(seen).toHaveLength(1);
    expect(Object.fromEntries([...seen[0]!].filter(([key]) => key !== 'access_token'))).toEqual({
      date: DAY.replaceAll('-', ''),
      begintime: String(chinaMidnight(DAY) / 1000),
      endtime: String(chinaMidnight(DAY) / 1000 + 86_399),
      start: '0',
      limit: '1',
      level: '4',
    });
  });

  it('returns a whole day of the emulator: entries inside the date, levels decoded from their messages', async () => {
    stack = await startStack();
    const entries = await wholeDay(stack);
    expect(entries.length).toBeGreaterThan(10);
    const start = chinaMidnight(DAY);
    for (const entry of entries) {
      const at = Date.parse(entry.loggedAt);
      expect(at).toBeGreaterThanOrEqual(start);
      expect(at).toBeLessThan(start + 86_400_000);
      expect(entry.platform).toBe(entry.platformCode === 1 ? 'ANDROID' : 'IOS');
      expect(entry.traceId).toMatch(new RegExp(`^${entry.openid}_\\d+$`));
      const levels = new Set(entry.messages.map((message) => message.level));
      expect(entry.levels).toEqual(['INFO', 'WARN', 'ERROR'].filter((level) => levels.has(level as Entry['levels'][number])));
      for (const message of entry.messages) expect(Date.parse(message.loggedAt)).toBeLessThanOrEqual(at);
    }
    // Newest first, and the same on a second call: the population is fixed per app and day.
    expect(entries.map((e) => e.loggedAt)).toEqual(entries.map((e) => e.loggedAt).sort().reverse());
    expect(await wholeDay(stack)).toEqual(entries);
    expect(searches(stack)).toBe(2);
  });

  it('pages with offset and limit until total, one upstream call per page', async () => {
    stack = await startStack();
    const all = await wholeDay(stack);
    const paged = await everyPage(stack, {}, 7);
    expect(paged.total).toBe(all.length);
    expect(paged.entries).toEqual(all);
    expect(paged.pages).toBe(Math.ceil(all.length / 7));
    expect(searches(stack)).toBe(1 + paged.pages);

    const past = await search(stack, { offset: all.length, limit: 5 });
    expect(past.data?.realtimeLogs).toEqual({ total: all.length, nextOffset: null, entries: [] });
    const defaults = await search(stack, {});
    expect(defaults.data?.realtimeLogs.entries).toEqual(all.slice(0, 20));
    expect(defaults.data?.realtimeLogs.nextOffset).toBe(all.length > 20 ? 20 : null);
  });

  it('filters by launch, page, user, filter keyword, level and time inside the date', async () => {
    stack = await startStack();
    const all = await wholeDay(stack);
    const perLaunch = new Map<string, number>();
    for (const entry of all) perLaunch.set(entry.traceId, (perLaunch.get(entry.traceId) ?? 0) + 1);
    const longest = [...perLaunch].sort((a, b) => b[1] - a[1])[0]![0];
    const failed = all.find((e) => e.levels.includes('ERROR'))!;
    const keyword = all.find((e) => e.filterMessage)!.filterMessage!.split(' ')[0]!;
    const middle = all[Math.floor(all.length / 2)]!;
    const from = new Date(Date.parse(middle.loggedAt) - 3 * 3_600_000).toISOString();
    const cases: [Partial<RealtimeLogsQueryVariables>, (e: Entry) => boolean][] = [
      [{ traceId: longest }, (e) => e.traceId === longest],
      [{ page: middle.page }, (e) => e.page === middle.page],
      [{ openid: middle.openid }, (e) => e.openid === middle.openid],
      [{ filterMessage: keyword }, (e) => (e.filterMessage ?? '').includes(keyword)],
      [{ minLevel: 'WARN' }, (e) => e.levels.includes('WARN') || e.levels.includes('ERROR')],
      [{ minLevel: 'ERROR' }, (e) => e.levels.includes('ERROR')],
      [{ minLevel: 'INFO' }, () => true],
      [{ from, to: middle.loggedAt }, (e) => e.loggedAt >= from && e.loggedAt <= middle.loggedAt],
      [{ from: middle.loggedAt }, (e) => e.loggedAt >= middle.loggedAt],
      [{ to: middle.loggedAt }, (e) => e.loggedAt <= middle.loggedAt],
      [{ openid: failed.openid, minLevel: 'WARN' }, (e) => e.openid === failed.openid && (e.levels.includes('WARN') || e.levels.includes('ERROR'))],
    ];
    for (const [filter, keep] of cases) {
      const expected = all.filter(keep);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const paged = await everyPage(stack, filter, 4);
      expect(paged.total, JSON.stringify(filter)).toBe(expected.length);
      expect(paged.entries, JSON.stringify(filter)).toEqual(expected);
    }
    // A launch is a part of the day, not all of it: the filter did narrow.
    expect(perLaunch.get(longest)).toBeGreaterThan(1);
    expect(perLaunch.get(longest)).toBeLessThan(all.length);
    const none = await search(stack, { openid: 'oNobodyNobodyNobodyNobody000', limit: 100 });
    expect(none.data?.realtimeLogs).toEqual({ total: 0, nextOffset: null, entries: [] });
  });

  it("searches today without entries from the future, and each of the last 7 days", async () => {
    stack = await startStack();
    const today = await search(stack, { date: chinaDay(0), limit: 100 });
    expect(today.errors).toBeUndefined();
    for (const entry of today.data!.realtimeLogs.entries) expect(Date.parse(entry.loggedAt)).toBeLessThanOrEqual(Date.now());
    const oldest = await search(stack, { date: chinaDay(6), limit: 1 });
    expect(oldest.errors).toBeUndefined();
    expect(oldest.data!.realtimeLogs.total).toBeGreaterThan(0);
  });

  it('refuses each invalid input, naming the rule, before any upstream call', async () => {
    stack = await startStack();
    const next = format(addDays(new Date(`${DAY}T00:00:00Z`), 1), 'yyyy-MM-dd');
    const start = chinaMidnight(DAY);
    const cases: [Partial<RealtimeLogsQueryVariables>, RegExp][] = [
      [{ date: chinaDay(7) }, /outside the last 7 days/],
      [{ date: chinaDay(-1) }, /outside the last 7 days/],
      [{ date: '2024-02-30' }, /Date/],
      [{ from: new Date(start - 1000).toISOString() }, /from .* is not on/],
      [{ to: new Date(start + 86_400_000).toISOString() }, /to .* is not on/],
      [{ to: `${next}T00:00:00+08:00` }, /to .* is not on/],
      [{ from: new Date(start + 7_200_000).toISOString(), to: new Date(start + 3_600_000).toISOString() }, /from .* is after to/],
      [{ offset: -1 }, /offset: must be 0 or more/],
      [{ limit: 0 }, /limit: must be 1 or more/],
      [{ limit: 101 }, /limit: must be at most 100/],
      [{ traceId: '  ' }, /traceId: must not be empty/],
      [{ page: '' }, /page: must not be empty/],
      [{ openid: '' }, /openid: must not be empty/],
      [{ filterMessage: 'x'.repeat(257) }, /filterMessage: must be at most 256/],
      [{ minLevel: 'DEBUG' as never }, /RealtimeLogLevel/],
      [{ app: 'officialAccount' }, /needs a mini program/],
      [{ app: 'nope' }, /Unknown app/],
    ];
    for (const [variables, message] of cases) {
      const response = await search(stack, variables);
      expect(errorCodes(response), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message, JSON.stringify(variables)).toMatch(message);
    }
    expect(stack.emulator.calls()).toEqual({});
  });

  it('needs an API key with logs:read', async () => {
    stack = await startStack();
    const anonymous = await search(stack, {}, null);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const other = await search(stack, {}, stack.keys.analytics);
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    expect(other.errors?.[0]?.extensions?.requiredScopes).toEqual(['logs:read']);
    expect(searches(stack)).toBe(0);
    const allowed = await search(stack, { limit: 1 }, stack.keys.logs);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.realtimeLogs.entries).toHaveLength(1);
    expect(searches(stack)).toBe(1);
  });
});

describe('emulator userlog_search', () => {
  let emulator: Emulator;
  async function call(query: Record<string, string | number>, appIndex = 0) {
    const app = emulator.apps[appIndex]!;
    const token = await fetch(`${emulator.url}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: app.appid, secret: app.secret }),
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const params = new URLSearchParams(Object.entries({ access_token: token.access_token, ...query }).map(([k, v]) => [k, String(v)]));
    return (await fetch(`${emulator.url}/${ENDPOINT}?${params}`).then((r) => r.json())) as { errcode: number; errmsg: string; data?: unknown };
  }

  it('answers like WeChat: errmsg "" on success, date and time rules, mini programs only', async () => {
    emulator = await startEmulator();
    cleanups.push(() => emulator.close());
    const begin = chinaMidnight(DAY) / 1000;
    const day = DAY.replaceAll('-', '');
    const ok = await call({ date: day, begintime: begin, endtime: begin + 86_399 });
    expect(ok).toMatchObject({ errcode: 0, errmsg: '', data: { total: expect.any(Number) } });
    expect((ok.data as { list: unknown[] }).list).toHaveLength(20);
    expect((await call({ date: DAY, begintime: begin, endtime: begin + 60 })).errcode).toBe(61500);
    expect((await call({ date: chinaDay(7).replaceAll('-', ''), begintime: begin, endtime: begin + 60 })).errcode).toBe(61501);
    expect((await call({ date: day, begintime: begin - 1, endtime: begin + 60 })).errcode).toBe(61501);
    expect((await call({ date: day, begintime: begin + 60, endtime: begin })).errcode).toBe(61501);
    expect((await call({ date: day, begintime: begin })).errcode).toBe(47001);
    expect((await call({ date: day, begintime: begin, endtime: begin + 60, level: 3 })).errcode).toBe(47001);
    expect((await call({ date: day, begintime: begin, endtime: begin + 60 }, 1)).errcode).toBe(48001);
  });
});

const closeServer = (server: Server) =>
  new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
