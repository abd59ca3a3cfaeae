import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/config/index.ts';
import { createAnalyticsReports, UPSTREAM_CONCURRENCY, type ReportLoader } from '../../src/services/analytics-reports.ts';
import { createStore, type Store } from '../../src/store/index.ts';
import {
  DatacubeRangeError,
  fetchReport,
  isFinal,
  latestDay,
  parseReport,
  periodsOf,
  rangeProblem,
  REPORTS,
  type ReportName,
} from '../../src/wechat/api/analytics.ts';
import type { AppCall, AppClient } from '../../src/wechat/client.ts';
import { WeChatTransportError } from '../../src/wechat/errors.ts';
import { datacubeFixtures, MAPPINGS, mismatches, type Mapping } from '../helpers/datacube.ts';
import { describeFixtures } from '../helpers/fixtures.ts';

const REPORT_OF: Record<string, { report: ReportName; mapping: Mapping; shape: 'list' | 'whole' }> = {
  'datacube/getweanalysisappiddailysummarytrend': { report: 'dailySummary', mapping: MAPPINGS.dailySummary, shape: 'list' },
  'datacube/getweanalysisappiddailyvisittrend': { report: 'dailyVisitTrend', mapping: MAPPINGS.visitTrend, shape: 'list' },
  'datacube/getweanalysisappidweeklyvisittrend': { report: 'weeklyVisitTrend', mapping: MAPPINGS.visitTrend, shape: 'list' },
  'datacube/getweanalysisappidmonthlyvisittrend': { report: 'monthlyVisitTrend', mapping: MAPPINGS.visitTrend, shape: 'list' },
  'datacube/getweanalysisappiddailyretaininfo': { report: 'dailyRetain', mapping: MAPPINGS.retain, shape: 'whole' },
  'datacube/getweanalysisappidweeklyretaininfo': { report: 'weeklyRetain', mapping: MAPPINGS.retain, shape: 'whole' },
  'datacube/getweanalysisappidmonthlyretaininfo': { report: 'monthlyRetain', mapping: MAPPINGS.retain, shape: 'whole' },
  'datacube/getweanalysisappiduserportrait': { report: 'userPortrait', mapping: MAPPINGS.portrait, shape: 'whole' },
  'datacube/getweanalysisappidvisitdistribution': { report: 'visitDistribution', mapping: MAPPINGS.distribution, shape: 'whole' },
  'datacube/getweanalysisappidvisitpage': { report: 'visitPage', mapping: MAPPINGS.visitPage, shape: 'whole' },
  'datacube/getusersummary': { report: 'userSummary', mapping: MAPPINGS.userSummary, shape: 'list' },
  'datacube/getusercumulate': { report: 'userCumulate', mapping: MAPPINGS.userCumulate, shape: 'list' },
};

const fixtures = datacubeFixtures();

describeFixtures('datacube fixtures through the parsers', () => {
  it('has a fixture for every report and a report for every fixture', () => {
    expect(fixtures.map((f) => f.endpoint).sort()).toEqual(Object.values(REPORTS).map((r) => r.endpoint).sort());
    expect(Object.keys(REPORT_OF).sort()).toEqual(Object.values(REPORTS).map((r) => r.endpoint).sort());
  });

  const cases = fixtures.flatMap((fixture) => fixture.bodies.map(({ label, body }) => [label, fixture.endpoint, body] as const));
  it.each(cases)('%s: every field typed, same values, raw kept', (_label, endpoint, body) => {
    const { report, mapping, shape } = REPORT_OF[endpoint]!;
    const parsed = parseReport(report, body) as unknown;
    if (shape === 'list') {
      const rows = body.list as Record<string, unknown>[];
      expect(rows.length).toBeGreaterThan(0);
      expect(mismatches(rows, parsed, mapping)).toEqual([]);
      expect((parsed as { raw: unknown }[]).map((row) => row.raw)).toEqual(rows);
    } else {
      expect(mismatches(body, parsed, mapping)).toEqual([]);
      if (report === 'visitPage') expect((parsed as { pages: { raw: unknown }[] }).pages.map((p) => p.raw)).toEqual(body.list);
      else expect((parsed as { raw: unknown }).raw).toEqual(body);
    }
  });

  it('keeps the fields the docs leave out (stay_time_uv, access_source_visit_uv) and the ones they add (.html paths)', () => {
    const trend = fixtures.find((f) => f.endpoint.endsWith('dailyvisittrend'))!;
    expect(parseReport('dailyVisitTrend', trend.bodies[0]!.body)[0]!.stayTimeUv).toBe(204.7904);
    // The doc example has no stay_time_uv: null, not 0.
    expect(parseReport('dailyVisitTrend', trend.bodies[1]!.body)[0]!.stayTimeUv).toBeNull();
    const distribution = fixtures.find((f) => f.endpoint.endsWith('visitdistribution'))!;
    expect(parseReport('visitDistribution', distribution.bodies[0]!.body).distributions.map((d) => d.rawIndex)).toEqual([
      'access_source_session_cnt',
      'access_source_visit_uv',
      'access_staytime_info',
      'access_depth_info',
    ]);
  });

  it('tolerates numbers as strings, a lone object for a list, and no list at all', () => {
    const row = { ref_date: '20200101', session_cnt: '5', visit_pv: 9, visit_uv: '3', visit_uv_new: 1, stay_time_session: '23.5', visit_depth: 2 };
    const [parsed] = parseReport('dailyVisitTrend', { list: row });
    expect(parsed).toMatchObject({ sessionCnt: 5, visitUv: 3, stayTimeSession: 23.5, stayTimeUv: null, raw: row });
    expect(parseReport('dailyVisitTrend', {})).toEqual([]);
    expect(parseReport('visitDistribution', { ref_date: '20200101', list: [{ index: 'access_new_thing', item_list: [] }] }).distributions).toEqual([
      { rawIndex: 'access_new_thing', items: [] },
    ]);
  });

  it('calls a body that does not fit a bad response', () => {
    expect(() => parseReport('dailyVisitTrend', { list: [{ ref_date: '20200101', visit_pv: 'many' }] })).toThrow(WeChatTransportError);
  });
});

describe('range rules', () => {
  // 2024-05-02 01:00 in China is still 2024-05-01 in UTC: WeChat's yesterday is 2024-05-01.
  const now = Date.parse('2024-05-01T17:00:00Z');
  const day = { period: 'day', maxPeriods: 92 } as const;
  const week = { period: 'week', maxPeriods: 53 } as const;
  const month = { period: 'month', maxPeriods: 24 } as const;

  it('computes yesterday in China time', () => {
    expect(latestDay(now)).toBe('2024-05-01');
    expect(latestDay(Date.parse('2024-05-01T15:59:00Z'))).toBe('2024-04-30');
    expect(rangeProblem(day, { begin: '2024-05-01', end: '2024-05-01' }, now)).toBeUndefined();
    expect(rangeProblem(day, { begin: '2024-05-02', end: '2024-05-02' }, now)?.message).toMatch(/yesterday at the latest \(2024-05-01/);
  });

  it('treats yesterday as final only after 08:00 China time', () => {
    expect(isFinal({ begin: '2024-05-01', end: '2024-05-01' }, now)).toBe(false);
    expect(isFinal({ begin: '2024-05-01', end: '2024-05-01' }, Date.parse('2024-05-02T00:30:00Z'))).toBe(true);
    expect(isFinal({ begin: '2024-04-30', end: '2024-04-30' }, now)).toBe(true);
  });

  it.each([
    [day, '2024-04-10', '2024-04-01', 'from', /is empty: from must not be after to/],
    [week, '2024-04-03', '2024-04-14', 'from', /Wednesday: weekly reports cover whole weeks, Monday to Sunday; that week starts on 2024-04-01/],
    [week, '2024-04-01', '2024-04-13', 'to', /Saturday: .*Monday to Sunday; that week ends on 2024-04-14/],
    [month, '2024-02-02', '2024-03-31', 'from', /not the first day of a month: monthly reports cover whole months.*2024-02-01/],
    [month, '2024-02-01', '2024-02-28', 'to', /not the last day of a month: .*2024-02-29/],
    [day, '2024-04-01', '2024-05-02', 'to', /not over yet: WeChat has data up to yesterday at the latest/],
    [day, '2024-01-01', '2024-04-30', 'from', /covers 121 days; one query covers at most 92 days/],
  ] as const)('%o %s..%s breaks a rule on %s', (rule, begin, end, field, message) => {
    const problem = rangeProblem(rule, { begin, end }, now);
    expect(problem?.field).toBe(field);
    expect(problem?.message).toMatch(message);
  });

  it('splits ranges into days, Monday-to-Sunday weeks and whole months', () => {
    expect(periodsOf('week', { begin: '2024-04-01', end: '2024-04-14' })).toEqual([
      { begin: '2024-04-01', end: '2024-04-07' },
      { begin: '2024-04-08', end: '2024-04-14' },
    ]);
    expect(periodsOf('month', { begin: '2024-01-01', end: '2024-02-29' }).map((p) => p.end)).toEqual(['2024-01-31', '2024-02-29']);
    expect(periodsOf('day', { begin: '2024-02-28', end: '2024-03-01' }).map((p) => p.begin)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });
});

// ---------------------------------------------------------------------------------------------
// A fake WeChat behind the app client: counts calls and how many run at once.

function fakeWeChat(kind: AppConfig['kind'] = 'miniprogram') {
  const calls: { endpoint: string; begin: string; end: string }[] = [];
  let active = 0;
  let maxActive = 0;
  const wx: AppClient = {
    app: { id: kind, kind, appid: kind === 'miniprogram' ? 'wx0000000000000001' : 'wx0000000000000002', secret: 's' },
    async json<T>(call: AppCall): Promise<T> {
      const { begin_date: begin, end_date: end } = call.json as { begin_date: string; end_date: string };
      calls.push({ endpoint: call.endpoint, begin, end });
      active += 1;
      maxActive = Math.max(maxActive, active);
      await sleep(5);
      active -= 1;
      if (kind === 'officialAccount') return { list: [{ ref_date: begin, cumulate_user: 7, user_source: 0 }] } as T;
      const row = { ref_date: begin, session_cnt: 1, visit_pv: 2, visit_uv: 1, visit_uv_new: 0, stay_time_uv: 1.5, stay_time_session: 1.5, visit_depth: 2 };
      return { list: [row] } as T;
    },
    image: () => Promise.reject(new Error('not used')),
  };
  return { wx, calls, maxActive: () => maxActive };
}

const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

async function contexts(count: number) {
  const store = await createStore();
  stores.push(store);
  // One service (as one gateway has), one loader per request.
  const reports = createAnalyticsReports({ store });
  return Array.from({ length: count }, () => {
    const controller = new AbortController();
    return { ctx: reports.loader(controller.signal), controller };
  });
}

const loadReports = (loader: ReportLoader, ...args: Parameters<ReportLoader['load']>) => loader.load(...args);

const past = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const days30 = periodsOf('day', { begin: past(40), end: past(11) });

describe('fetchReport', () => {
  it('refuses, before any call, a range the endpoint cannot answer (WeChat would say 61501)', async () => {
    const { wx, calls } = fakeWeChat();
    await expect(fetchReport(wx, 'weeklyVisitTrend', { begin: '2024-04-03', end: '2024-04-09' })).rejects.toThrow(/Monday to Sunday/);
    await expect(fetchReport(wx, 'dailyVisitTrend', { begin: '2024-04-03', end: '2024-04-04' })).rejects.toThrow(DatacubeRangeError);
    await expect(fetchReport(wx, 'dailyVisitTrend', { begin: '2024-04-03', end: '2024-04-04' })).rejects.toThrow(/one day/);
    await expect(fetchReport(wx, 'monthlyRetain', { begin: '2024-04-01', end: '2024-04-29' })).rejects.toThrow(/a whole month/);
    await expect(fetchReport(wx, 'userPortrait', { begin: '2024-04-01', end: '2024-04-03' })).rejects.toThrow(/1, 7 or 30 days/);
    await expect(fetchReport(wx, 'userSummary', { begin: '2024-04-01', end: '2024-04-08' })).rejects.toThrow(/at most 7 days/);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await expect(fetchReport(wx, 'dailyVisitTrend', { begin: tomorrow, end: tomorrow })).rejects.toThrow(/yesterday at the latest/);
    expect(calls).toEqual([]);
  });

  it('sends YYYYMMDD for mini programs and YYYY-MM-DD for Official Accounts', async () => {
    const mp = fakeWeChat();
    await fetchReport(mp.wx, 'dailyVisitTrend', { begin: '2024-04-03', end: '2024-04-03' });
    expect(mp.calls).toEqual([{ endpoint: 'datacube/getweanalysisappiddailyvisittrend', begin: '20240403', end: '20240403' }]);
    const oa = fakeWeChat('officialAccount');
    await fetchReport(oa.wx, 'userCumulate', { begin: '2024-04-01', end: '2024-04-07' });
    expect(oa.calls).toEqual([{ endpoint: 'datacube/getusercumulate', begin: '2024-04-01', end: '2024-04-07' }]);
  });
});

describe('report loader', () => {
  it('fans 30 days out with at most UPSTREAM_CONCURRENCY calls at once, in order, once for two concurrent requests', async () => {
    const { wx, calls, maxActive } = fakeWeChat();
    const [a, b, c] = await contexts(3);
    const [first, second] = await Promise.all([loadReports(a!.ctx, wx, 'dailyVisitTrend', days30), loadReports(b!.ctx, wx, 'dailyVisitTrend', days30)]);
    expect(calls).toHaveLength(30);
    expect(new Set(calls.map((call) => call.begin)).size).toBe(30);
    expect(maxActive()).toBeLessThanOrEqual(UPSTREAM_CONCURRENCY);
    expect(maxActive()).toBeGreaterThan(1);
    expect(first.map((body) => (body.list as { ref_date: string }[])[0]!.ref_date)).toEqual(days30.map((d) => d.begin.replaceAll('-', '')));
    expect(second).toEqual(first);
    // A later request finds every day in the store.
    expect(await loadReports(c!.ctx, wx, 'dailyVisitTrend', days30)).toEqual(first);
    expect(calls).toHaveLength(30);
  });

  it('asks for Official Account days in runs of up to 7 and caches each day', async () => {
    const { wx, calls } = fakeWeChat('officialAccount');
    const [a, b] = await contexts(2);
    const forty = periodsOf('day', { begin: past(50), end: past(11) });
    const bodies = await loadReports(a!.ctx, wx, 'userCumulate', forty);
    expect(calls.map((call) => [call.begin, call.end])).toEqual(
      [0, 7, 14, 21, 28, 35].map((start) => [forty[start]!.begin, forty[Math.min(start + 6, 39)]!.end]),
    );
    // Each day gets its own rows (the fake answers one row, for the first day of each call).
    expect(bodies.filter((body) => (body.list as unknown[]).length === 1)).toHaveLength(6);
    // Five earlier days plus five cached: one more call, for the five new days only.
    const shifted = periodsOf('day', { begin: past(55), end: past(46) });
    await loadReports(b!.ctx, wx, 'userCumulate', shifted);
    expect(calls.at(-1)).toEqual({ endpoint: 'datacube/getusercumulate', begin: past(55), end: past(51) });
    expect(calls).toHaveLength(7);
  });

  it('lets a request that goes away stop waiting without failing the others sharing its fetch', async () => {
    const { wx, calls } = fakeWeChat();
    const [a, b] = await contexts(2);
    const leaving = loadReports(a!.ctx, wx, 'dailyVisitTrend', days30);
    const staying = loadReports(b!.ctx, wx, 'dailyVisitTrend', days30);
    a!.controller.abort();
    await expect(leaving).rejects.toMatchObject({ failure: 'aborted' });
    expect(await staying).toHaveLength(30);
    expect(calls).toHaveLength(30);
  });
});
