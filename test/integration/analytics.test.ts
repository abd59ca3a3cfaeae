import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/server.ts';
import {
  AnalyticsDailySummaryDocument,
  AnalyticsDailyRetentionDocument,
  AnalyticsDailyVisitsDocument,
  AnalyticsDailyVisitTrendDocument,
  AnalyticsMonthlyRetentionDocument,
  AnalyticsMonthlyVisitTrendDocument,
  AnalyticsUserCumulateDocument,
  AnalyticsUserPortraitDocument,
  AnalyticsUserSummaryDocument,
  AnalyticsVisitDistributionDocument,
  AnalyticsVisitPagesDocument,
  AnalyticsWeeklyRetentionDocument,
  AnalyticsWeeklyVisitTrendDocument,
} from '../gql/graphql.ts';
import { MAPPINGS, mismatches } from '../helpers/datacube.ts';
import { redisAvailable } from '../helpers/redis.ts';
import { errorCodes, startStack, type Stack } from '../helpers/stack.ts';

const hasRedis = await redisAvailable();
const DAY_MS = 86_400_000;

// WeChat's days are China time (UTC+8, no DST).
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const ago = (days: number) => shift(chinaToday(), -days);
const yesterday = () => ago(1);
const compact = (day: string) => day.replaceAll('-', '');
/** The Monday of the last complete week. */
function lastMonday(): string {
  const today = chinaToday();
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return shift(today, -weekday - 7);
}
/** First and last day of the month `back` months before this one. */
function month(back: number) {
  const today = new Date(`${chinaToday()}T00:00:00Z`);
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back + 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

const datacubeCalls = (stack: Stack) =>
  Object.fromEntries(Object.entries(stack.emulator.calls()).filter(([path]) => path.startsWith('datacube/')));
const callsTo = (stack: Stack, report: string) => stack.emulator.calls()[`datacube/${report}`] ?? 0;

/** Asks the emulator directly, as WeChat would be asked, for the body the gateway should have seen. */
async function wire(stack: Stack, report: string, begin: string, end: string, kind: 'miniprogram' | 'officialAccount' = 'miniprogram') {
  const app = stack.config.apps.find((a) => a.kind === kind)!;
  const token = (await (
    await fetch(`${stack.emulator.url}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: app.appid, secret: app.secret }),
    })
  ).json()) as { access_token: string };
  const format = kind === 'miniprogram' ? compact : (day: string) => day;
  const response = await fetch(`${stack.emulator.url}/datacube/${report}?access_token=${token.access_token}`, {
    method: 'POST',
    body: JSON.stringify({ begin_date: format(begin), end_date: format(end) }),
  });
  return (await response.json()) as Record<string, unknown> & { list?: Record<string, unknown>[] };
}

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('fan-out and cache', () => {
  it('makes 30 upstream calls for a cold 30-day daily trend and none warm, rows in order', async () => {
    stack = await startStack();
    const vars = { from: ago(30), to: yesterday() };
    const cold = await stack.request(AnalyticsDailyVisitTrendDocument, vars, { key: stack.keys.analytics });
    expect(cold.errors).toBeUndefined();
    const rows = cold.data!.miniProgramAnalytics.dailyVisitTrend;
    expect(rows.map((row) => row.from)).toEqual(Array.from({ length: 30 }, (_, i) => ago(30 - i)));
    expect(rows.map((row) => row.refDate)).toEqual(rows.map((row) => compact(row.from)));
    expect(datacubeCalls(stack)).toEqual({ 'datacube/getweanalysisappiddailyvisittrend': 30 });

    const warm = await stack.request(AnalyticsDailyVisitTrendDocument, vars, { key: stack.keys.analytics });
    expect(warm.data).toEqual(cold.data);
    expect(datacubeCalls(stack)).toEqual({ 'datacube/getweanalysisappiddailyvisittrend': 30 });

    // An overlapping range only fetches the days not seen yet.
    const wider = await stack.request(AnalyticsDailyVisitsDocument, { from: ago(35), to: ago(20) });
    expect(wider.data?.miniProgramAnalytics.dailyVisitTrend).toHaveLength(16);
    expect(callsTo(stack, 'getweanalysisappiddailyvisittrend')).toBe(35);
  });

  it('makes 30 calls, not 60, for two concurrent identical queries and for two different queries over the same days', async () => {
    // Latency keeps the first fan-out in flight while the second request arrives.
    const emulator = await startEmulator({ latencyMs: 20 });
    stack = await startStack({ emulator });
    try {
      const vars = { from: ago(45), to: ago(16) };
      const [a, b] = await Promise.all([stack.request(AnalyticsDailyVisitTrendDocument, vars), stack.request(AnalyticsDailyVisitTrendDocument, vars)]);
      expect(a.errors).toBeUndefined();
      expect(b.data).toEqual(a.data);
      expect(callsTo(stack, 'getweanalysisappiddailyvisittrend')).toBe(30);

      const other = { from: ago(75), to: ago(46) };
      const [c, d] = await Promise.all([stack.request(AnalyticsDailyVisitTrendDocument, other), stack.request(AnalyticsDailyVisitsDocument, other)]);
      expect(d.data?.miniProgramAnalytics.dailyVisitTrend).toEqual(
        c.data?.miniProgramAnalytics.dailyVisitTrend.map((row) => ({ from: row.from, visitUv: row.visitUv })),
      );
      expect(callsTo(stack, 'getweanalysisappiddailyvisittrend')).toBe(60);
    } finally {
      await stack.close();
      stack = undefined;
      await emulator.close();
    }
  });

  it('fans weeks and months out one call each, merged in order', async () => {
    stack = await startStack();
    const to = shift(lastMonday(), 6);
    const from = shift(lastMonday(), -7 * 7);
    const weekly = await stack.request(AnalyticsWeeklyVisitTrendDocument, { from, to });
    expect(weekly.errors).toBeUndefined();
    expect(weekly.data!.miniProgramAnalytics.weeklyVisitTrend.map((row) => [row.from, row.to, row.refDate])).toEqual(
      Array.from({ length: 8 }, (_, i) => {
        const monday = shift(from, 7 * i);
        return [monday, shift(monday, 6), `${compact(monday)}-${compact(shift(monday, 6))}`];
      }),
    );
    expect(callsTo(stack, 'getweanalysisappidweeklyvisittrend')).toBe(8);

    const monthly = await stack.request(AnalyticsMonthlyVisitTrendDocument, { from: month(12).from, to: month(1).to });
    expect(monthly.errors).toBeUndefined();
    expect(monthly.data!.miniProgramAnalytics.monthlyVisitTrend.map((row) => row.refDate)).toEqual(
      Array.from({ length: 12 }, (_, i) => compact(month(12 - i).from).slice(0, 6)),
    );
    expect(callsTo(stack, 'getweanalysisappidmonthlyvisittrend')).toBe(12);
  });

  it('asks for a 40-day Official Account summary in 7-day spans and caches it per day', async () => {
    stack = await startStack();
    const vars = { from: ago(50), to: ago(11) };
    const summary = await stack.request(AnalyticsUserSummaryDocument, vars);
    expect(summary.errors).toBeUndefined();
    expect(callsTo(stack, 'getusersummary')).toBe(6);
    const dates = summary.data!.officialAccountAnalytics.userSummary.map((row) => row.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(40);

    const cumulate = await stack.request(AnalyticsUserCumulateDocument, vars);
    expect(cumulate.data!.officialAccountAnalytics.userCumulate.map((row) => row.date)).toEqual(Array.from({ length: 40 }, (_, i) => ago(50 - i)));
    expect(callsTo(stack, 'getusercumulate')).toBe(6);

    await stack.request(AnalyticsUserSummaryDocument, { from: ago(55), to: ago(41) });
    expect(callsTo(stack, 'getusersummary')).toBe(7);
  });

  it('does not cache a failed day: the query fails typed and the retry fetches that day only', async () => {
    stack = await startStack({ faults: [{ endpoints: ['datacube/getweanalysisappiddailyvisittrend'], kind: 'quota', times: 1 }] });
    const vars = { from: ago(12), to: ago(3) };
    const failed = await stack.request(AnalyticsDailyVisitTrendDocument, vars);
    expect(errorCodes(failed)).toEqual(['RATE_LIMITED']);
    expect(failed.errors?.[0]?.extensions).toMatchObject({ errcode: 45009, endpoint: 'datacube/getweanalysisappiddailyvisittrend' });
    expect(callsTo(stack, 'getweanalysisappiddailyvisittrend')).toBe(10);
    const retried = await stack.request(AnalyticsDailyVisitTrendDocument, vars);
    expect(retried.data?.miniProgramAnalytics.dailyVisitTrend).toHaveLength(10);
    expect(callsTo(stack, 'getweanalysisappiddailyvisittrend')).toBe(11);
  });

  it.skipIf(!hasRedis)('shares cached days across instances through Redis', async () => {
    stack = await startStack({ redis: true, instances: 2 });
    const vars = { from: ago(31), to: ago(2) };
    const first = await stack.request(AnalyticsDailyVisitTrendDocument, vars, { instance: 0 });
    expect(callsTo(stack, 'getweanalysisappiddailyvisittrend')).toBe(30);
    const second = await stack.request(AnalyticsDailyVisitTrendDocument, vars, { instance: 1 });
    expect(second.data).toEqual(first.data);
    expect(callsTo(stack, 'getweanalysisappiddailyvisittrend')).toBe(30);
  });
});

describe('validation before any upstream call', () => {
  const wednesday = () => shift(lastMonday(), 2);
  const cases: [string, () => Promise<{ errors?: { message: string; extensions?: Record<string, unknown> }[] }>, RegExp, string][] = [
    ['weekly range not starting on a Monday', () => checker.request(AnalyticsWeeklyVisitTrendDocument, { from: wednesday(), to: shift(lastMonday(), 6) }), /is a Wednesday: weekly reports cover whole weeks, Monday to Sunday/, 'from'],
    ['weekly range not ending on a Sunday', () => checker.request(AnalyticsWeeklyRetentionDocument, { from: lastMonday(), to: wednesday() }), /Monday to Sunday; that week ends on/, 'to'],
    ['month not whole', () => checker.request(AnalyticsMonthlyVisitTrendDocument, { from: shift(month(2).from, 1), to: month(2).to }), /monthly reports cover whole months/, 'from'],
    ['month not ending on its last day', () => checker.request(AnalyticsMonthlyRetentionDocument, { from: month(2).from, to: shift(month(2).to, -1) }), /not the last day of a month/, 'to'],
    ['today (not over in China yet)', () => checker.request(AnalyticsDailyVisitTrendDocument, { from: ago(3), to: chinaToday() }), /not over yet: WeChat has data up to yesterday at the latest/, 'to'],
    ['a future day', () => checker.request(AnalyticsVisitPagesDocument, { date: shift(chinaToday(), 30) }), /date \(.*\) is not over yet/, 'date'],
    ['a portrait ending today', () => checker.request(AnalyticsUserPortraitDocument, { span: 'SEVEN_DAYS', endDate: chinaToday() }), /endDate .* yesterday at the latest/, 'endDate'],
    ['an empty (reversed) range', () => checker.request(AnalyticsDailySummaryDocument, { from: ago(3), to: ago(5) }), /is empty: from must not be after to/, 'from'],
    ['a range over 92 days', () => checker.request(AnalyticsDailyRetentionDocument, { from: ago(100), to: ago(1) }), /covers 100 days; one query covers at most 92 days/, 'from'],
    ['Official Account days before 2014-12-01', () => checker.request(AnalyticsUserCumulateDocument, { from: '2014-11-28', to: '2014-12-03' }), /before 2014-12-01/, 'from'],
    ['an Official Account report on a mini program', () => checker.request(AnalyticsUserSummaryDocument, { from: ago(3), to: ago(2), app: 'miniprogram' }), /needs an Official Account/, 'app'],
  ];

  let checker: Stack;
  beforeAll(async () => {
    checker = await startStack();
  });
  afterAll(async () => {
    await checker.close();
  });

  it.each(cases)('refuses %s, naming the rule', async (_name, run, message, field) => {
    const response = await run();
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(message);
    expect(response.errors?.[0]?.extensions?.field).toBe(field);
    expect(datacubeCalls(checker)).toEqual({});
  });
});

describe('values as WeChat sent them', () => {
  let shared: Stack;
  beforeAll(async () => {
    shared = await startStack();
  });
  afterAll(async () => {
    await shared.close();
  });

  it('daily summary', async () => {
    const response = await shared.request(AnalyticsDailySummaryDocument, { from: ago(4), to: yesterday() }, { key: shared.keys.analytics });
    const rows = response.data!.miniProgramAnalytics.dailySummary;
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const body = await wire(shared, 'getweanalysisappiddailysummarytrend', row.date, row.date);
      expect(mismatches(body.list, [row], MAPPINGS.dailySummary)).toEqual([]);
      expect(row.raw).toEqual(body.list![0]);
    }
    // visit_total is cumulative: it never goes down.
    expect(rows.map((r) => r.visitTotal)).toEqual([...rows.map((r) => r.visitTotal)].sort((a, b) => a - b));
  });

  it.each([
    ['daily', AnalyticsDailyVisitTrendDocument, 'getweanalysisappiddailyvisittrend', () => ({ from: ago(3), to: yesterday() })],
    ['weekly', AnalyticsWeeklyVisitTrendDocument, 'getweanalysisappidweeklyvisittrend', () => ({ from: shift(lastMonday(), -7), to: shift(lastMonday(), 6) })],
    ['monthly', AnalyticsMonthlyVisitTrendDocument, 'getweanalysisappidmonthlyvisittrend', () => ({ from: month(2).from, to: month(1).to })],
  ] as const)('%s visit trend', async (_period, document, report, vars) => {
    const response = await shared.request(document as typeof AnalyticsDailyVisitTrendDocument, vars());
    expect(response.errors).toBeUndefined();
    const data = response.data!.miniProgramAnalytics as unknown as Record<string, { from: string; to: string; raw: unknown }[]>;
    const rows = Object.values(data)[0]!;
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      const body = await wire(shared, report, row.from, row.to);
      expect(mismatches(body.list, [row], MAPPINGS.visitTrend)).toEqual([]);
      expect(row.raw).toEqual(body.list![0]);
      expect(body.list![0]).toHaveProperty('stay_time_uv');
    }
  });

  it.each([
    ['daily', AnalyticsDailyRetentionDocument, 'getweanalysisappiddailyretaininfo', () => ({ from: ago(40), to: ago(39) })],
    ['weekly', AnalyticsWeeklyRetentionDocument, 'getweanalysisappidweeklyretaininfo', () => ({ from: shift(lastMonday(), -21), to: shift(lastMonday(), 6) })],
    ['monthly', AnalyticsMonthlyRetentionDocument, 'getweanalysisappidmonthlyretaininfo', () => ({ from: month(3).from, to: month(1).to })],
  ] as const)('%s retention', async (_period, document, report, vars) => {
    const response = await shared.request(document as typeof AnalyticsDailyRetentionDocument, vars());
    expect(response.errors).toBeUndefined();
    const rows = Object.values(response.data!.miniProgramAnalytics)[0] as { from: string; to: string; raw: unknown; visitUv: unknown[] }[];
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      const body = await wire(shared, report, row.from, row.to);
      expect(mismatches(body, row, MAPPINGS.retain)).toEqual([]);
      expect(row.raw).toEqual(body);
    }
    // Older periods have more later periods to report; the most recent has fewer.
    expect(rows[0]!.visitUv.length).toBeGreaterThanOrEqual(rows.at(-1)!.visitUv.length);
  });

  it.each([
    ['ONE_DAY', 1],
    ['SEVEN_DAYS', 7],
    ['THIRTY_DAYS', 30],
  ] as const)('user portrait over %s ending yesterday', async (span, days) => {
    const response = await shared.request(AnalyticsUserPortraitDocument, { span });
    expect(response.errors).toBeUndefined();
    const portrait = response.data!.miniProgramAnalytics.userPortrait;
    expect([portrait.from, portrait.to]).toEqual([ago(days), yesterday()]);
    const body = await wire(shared, 'getweanalysisappiduserportrait', portrait.from, portrait.to);
    expect(mismatches(body, portrait, MAPPINGS.portrait)).toEqual([]);
    expect(portrait.refDate).toBe(compact(portrait.from));
    expect(portrait.visitUv.devices.every((device) => device.id === null)).toBe(true);
  });

  it('visit distribution, with enums for documented keys and the raw index kept', async () => {
    const response = await shared.request(AnalyticsVisitDistributionDocument, { from: ago(2), to: yesterday() });
    expect(response.errors).toBeUndefined();
    const days = response.data!.miniProgramAnalytics.visitDistribution;
    expect(days.map((d) => d.date)).toEqual([ago(2), yesterday()]);
    for (const day of days) {
      const body = await wire(shared, 'getweanalysisappidvisitdistribution', day.date, day.date);
      expect(mismatches(body, day, MAPPINGS.distribution)).toEqual([]);
      expect(day.distributions.map((d) => [d.index, d.rawIndex])).toEqual([
        ['SOURCE_SESSIONS', 'access_source_session_cnt'],
        ['SOURCE_VISITORS', 'access_source_visit_uv'],
        ['STAY_TIME', 'access_staytime_info'],
        ['DEPTH', 'access_depth_info'],
      ]);
    }
    const items = days[0]!.distributions.flatMap((d) => d.items.map((item) => ({ index: d.index, ...item })));
    expect(items.find((i) => i.index === 'SOURCE_VISITORS' && i.key === 22)).toMatchObject({ source: 'OTHER_MINI_PROGRAM', label: '其他小程序', stayTime: null, depth: null });
    expect(items.find((i) => i.index === 'SOURCE_SESSIONS' && i.key === 1)).toMatchObject({ source: 'HISTORY_LIST', label: '小程序历史列表' });
    expect(items.find((i) => i.index === 'STAY_TIME' && i.key === 8)).toMatchObject({ stayTime: 'OVER_100_SECONDS', label: '>100s', source: null });
    expect(items.find((i) => i.index === 'DEPTH' && i.key === 6)).toMatchObject({ depth: 'PAGES_6_10', source: null });
  });

  it('visit pages, with the escaped slashes of the wire undone', async () => {
    const date = ago(6);
    const response = await shared.request(AnalyticsVisitPagesDocument, { date });
    expect(response.errors).toBeUndefined();
    const pages = response.data!.miniProgramAnalytics.visitPages;
    const body = await wire(shared, 'getweanalysisappidvisitpage', date, date);
    expect(mismatches(body, pages, MAPPINGS.visitPage)).toEqual([]);
    expect(pages.pages[0]!.pagePath).toBe('pages/index/index');
    expect(pages.pages.map((p) => p.pageVisitPv)).toEqual([...pages.pages.map((p) => p.pageVisitPv)].sort((a, b) => b - a));
  });

  it('Official Account user summary and cumulative users', async () => {
    const vars = { from: ago(5), to: ago(3) };
    const summary = await shared.request(AnalyticsUserSummaryDocument, vars);
    expect(summary.errors).toBeUndefined();
    const summaryBody = await wire(shared, 'getusersummary', vars.from, vars.to, 'officialAccount');
    const rows = summary.data!.officialAccountAnalytics.userSummary;
    expect(mismatches(summaryBody.list, rows, MAPPINGS.userSummary)).toEqual([]);
    expect(rows.map((row) => row.raw)).toEqual(summaryBody.list);
    for (const row of rows) expect(row.netUser).toBe(row.newUser - row.cancelUser);
    expect(rows.find((row) => row.userSource === 30)?.source).toBe('SCAN_QR_CODE');

    const cumulate = await shared.request(AnalyticsUserCumulateDocument, vars);
    const cumulateBody = await wire(shared, 'getusercumulate', vars.from, vars.to, 'officialAccount');
    expect(mismatches(cumulateBody.list, cumulate.data!.officialAccountAnalytics.userCumulate, MAPPINGS.userCumulate)).toEqual([]);
  });

  it('answers only keys with analytics:read', async () => {
    const vars = { from: ago(3), to: ago(2) };
    const forbidden = await shared.request(AnalyticsDailySummaryDocument, vars, { key: shared.keys.logs });
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
    expect(forbidden.errors?.[0]?.message).toContain('analytics:read');
    const anonymous = await shared.request(AnalyticsUserCumulateDocument, vars, { key: null });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});
