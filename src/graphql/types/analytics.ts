import { createContextCache } from '@pothos/core';
import {
  dayProblem,
  DISTRIBUTION_INDEXES,
  FOLLOW_SOURCES,
  latestDay,
  parseReport,
  periodsOf,
  portraitRange,
  rangeProblem,
  STAY_TIMES,
  VISIT_DEPTHS,
  VISIT_SOURCES,
  type DailySummaryRow,
  type DayRange,
  type IsoDay,
  type Period,
  type PortraitBreakdown,
  type PortraitEntry,
  type PortraitSpan,
  type RangeRule,
  type Report,
  type Retention,
  type UserCumulateRow,
  type UserPortrait,
  type UserSummaryRow,
  type VisitDistribution,
  type VisitPageRow,
  type VisitPages,
  type VisitTrendRow,
} from '../../wechat/api/analytics.ts';
import type { AppClient } from '../../wechat/client.ts';
import { isoDay } from '../../wechat/china-time.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { badInput } from '../errors.ts';
import { appArg } from './refs.ts';

/** Per request: every report a query asks for, across its fields, is loaded in one batch. */
const reportLoader = createContextCache((ctx: Context) => ctx.services.analyticsReports.loader(ctx.signal));

const SCOPE = { apiKey: 'analytics:read' } as const;

/** A report row with the period it covers. */
type Dated<T> = T & { from: IsoDay; to: IsoDay };

// ---------------------------------------------------------------------------------------------
// Ranges

const RULES = {
  day: { period: 'day', maxPeriods: 92 },
  week: { period: 'week', maxPeriods: 53 },
  month: { period: 'month', maxPeriods: 24 },
  officialAccount: {
    period: 'day',
    maxPeriods: 92,
    earliest: '2014-12-01',
    earliestReason: 'WeChat keeps Official Account user analytics from 2014-12-01 on',
  },
} satisfies Record<string, RangeRule>;


/** The requested range, or BAD_USER_INPUT naming the rule it breaks (before any upstream call). */
function checkedRange(rule: RangeRule, args: { from: Date; to: Date }): DayRange {
  const range = { begin: isoDay(args.from), end: isoDay(args.to) };
  const problem = rangeProblem(rule, range);
  if (problem) throw badInput(problem.message, problem.field);
  return range;
}

const PERIOD_WORDS: Record<Period, string> = {
  day: 'First day of the range (a calendar day in China time).',
  week: 'First day of the range: a Monday.',
  month: 'First day of the range: the first day of a month.',
};
const PERIOD_END_WORDS: Record<Period, string> = {
  day: 'Last day of the range, included; yesterday at the latest.',
  week: 'Last day of the range, included: a Sunday, yesterday at the latest.',
  month: 'Last day of the range, included: the last day of a month, yesterday at the latest.',
};

const rangeArgs = (period: Period) =>
  builder.args((t) => ({
    from: t.field({ type: 'Date', required: true, description: PERIOD_WORDS[period] }),
    to: t.field({ type: 'Date', required: true, description: PERIOD_END_WORDS[period] }),
  }));

/** Rows of a list report (`{list: [...]}`) over a range, one WeChat call (or cache entry) per period. */
async function listRows<R extends 'dailySummary' | 'dailyVisitTrend' | 'weeklyVisitTrend' | 'monthlyVisitTrend' | 'userSummary' | 'userCumulate'>(
  ctx: Context,
  wx: AppClient,
  report: R,
  period: Period,
  range: DayRange,
): Promise<Dated<Report<R>[number]>[]> {
  const periods = periodsOf(period, range);
  const bodies = await reportLoader(ctx).load(wx, report, periods);
  return bodies.flatMap((body, i) => (parseReport(report, body) as Report<R>).map((row) => ({ ...row, from: periods[i]!.begin, to: periods[i]!.end })));
}

/** One whole-body report per period over a range. */
async function periodReports<R extends 'dailyRetain' | 'weeklyRetain' | 'monthlyRetain' | 'visitDistribution' | 'visitPage' | 'userPortrait'>(
  ctx: Context,
  wx: AppClient,
  report: R,
  periods: DayRange[],
): Promise<Dated<Report<R>>[]> {
  const bodies = await reportLoader(ctx).load(wx, report, periods);
  return bodies.map((body, i) => ({ ...(parseReport(report, body) as Report<R>), from: periods[i]!.begin, to: periods[i]!.end }));
}

// ---------------------------------------------------------------------------------------------
// Shared field helpers

const periodFields = (period: string) => ({
  from: { description: `First day of the ${period} this row covers.` },
  to: { description: `Last day of the ${period} this row covers (the same day for daily rows).` },
});

const REF_DATE = "WeChat's `ref_date` as sent: `YYYYMMDD` for a day, `YYYYMMDD-YYYYMMDD` for a week, `YYYYMM` for a month.";
const RAW = "WeChat's object exactly as received (snake_case), including fields this schema does not model yet.";

// ---------------------------------------------------------------------------------------------
// Mini-program report types

const AnalyticsDailySummary = builder.objectRef<Dated<DailySummaryRow>>('AnalyticsDailySummary').implement({
  description: 'Overall figures of a mini program for one day (datacube `getweanalysisappiddailysummarytrend`).',
  authScopes: SCOPE,
  fields: (t) => ({
    date: t.field({ type: 'Date', description: 'The day.', resolve: (row) => row.from }),
    refDate: t.exposeString('refDate', { description: REF_DATE }),
    visitTotal: t.exposeInt('visitTotal', {
      description: 'Cumulative users up to and including this day (累计用户数, `visit_total`): users, not visits, despite the name.',
    }),
    sharePv: t.exposeInt('sharePv', { description: 'Times the mini program was shared that day (转发次数, `share_pv`).' }),
    shareUv: t.exposeInt('shareUv', { description: 'Users who shared it that day (转发人数, `share_uv`).' }),
    raw: t.field({ type: 'JSON', description: RAW, resolve: (row) => row.raw }),
  }),
});

const AnalyticsVisitTrend = builder.objectRef<Dated<VisitTrendRow>>('AnalyticsVisitTrend').implement({
  description:
    'Visits of a mini program over one day, week (Monday to Sunday) or month (datacube `getweanalysisappid{daily,weekly,monthly}visittrend`). Weekly and monthly visitors are de-duplicated over the period.',
  authScopes: SCOPE,
  fields: (t) => {
    const { from, to } = periodFields('day, week or month');
    return {
      from: t.field({ type: 'Date', ...from, resolve: (row) => row.from }),
      to: t.field({ type: 'Date', ...to, resolve: (row) => row.to }),
      refDate: t.exposeString('refDate', { description: REF_DATE }),
      sessionCnt: t.exposeInt('sessionCnt', { description: 'Times the mini program was opened (打开次数, `session_cnt`).' }),
      visitPv: t.exposeInt('visitPv', { description: 'Page visits (访问次数, `visit_pv`).' }),
      visitUv: t.exposeInt('visitUv', { description: 'Visitors (访问人数, `visit_uv`).' }),
      visitUvNew: t.exposeInt('visitUvNew', { description: 'First-time visitors (新用户数, `visit_uv_new`).' }),
      stayTimeUv: t.exposeFloat('stayTimeUv', {
        nullable: true,
        description:
          'Average time spent per visitor, in seconds (人均停留时长, `stay_time_uv`). Null when WeChat leaves it out (its doc example does; real bodies carry it).',
      }),
      stayTimeSession: t.exposeFloat('stayTimeSession', { description: 'Average time per opening, in seconds (次均停留时长, `stay_time_session`).' }),
      visitDepth: t.exposeFloat('visitDepth', { description: 'Average pages viewed per opening (平均访问深度, `visit_depth`).' }),
      raw: t.field({ type: 'JSON', description: RAW, resolve: (row) => row.raw }),
    };
  },
});

type RetentionPoint = Retention['visitUv'][number];

const AnalyticsRetentionPoint = builder.objectRef<RetentionPoint>('AnalyticsRetentionPoint').implement({
  description: 'Users of the reference period who came back a number of periods later (`{key, value}`).',
  authScopes: SCOPE,
  fields: (t) => ({
    periodsAfter: t.exposeInt('periodsAfter', {
      description: 'Days, weeks or months after the reference period (`key`); 0 is the period itself.',
    }),
    users: t.exposeInt('users', { description: 'Users (`value`).' }),
  }),
});

const AnalyticsRetention = builder.objectRef<Dated<Retention>>('AnalyticsRetention').implement({
  description:
    'Retention of the users of one day, week or month (datacube `getweanalysisappid{daily,weekly,monthly}retaininfo`); later periods appear as they pass.',
  authScopes: SCOPE,
  fields: (t) => {
    const { from, to } = periodFields('reference day, week or month');
    return {
      from: t.field({ type: 'Date', ...from, resolve: (row) => row.from }),
      to: t.field({ type: 'Date', ...to, resolve: (row) => row.to }),
      refDate: t.exposeString('refDate', { nullable: true, description: `${REF_DATE} Null when WeChat has no data for the period.` }),
      visitUvNew: t.field({
        type: [AnalyticsRetentionPoint],
        description: 'New users of the reference period still visiting later (新增用户留存, `visit_uv_new`).',
        resolve: (row) => row.visitUvNew,
      }),
      visitUv: t.field({
        type: [AnalyticsRetentionPoint],
        description: 'Active users of the reference period still visiting later (活跃用户留存, `visit_uv`).',
        resolve: (row) => row.visitUv,
      }),
      raw: t.field({ type: 'JSON', description: RAW, resolve: (row) => row.raw }),
    };
  },
});

const AnalyticsPortraitEntry = builder.objectRef<PortraitEntry>('AnalyticsPortraitEntry').implement({
  description: 'One bucket of a user-portrait dimension (a province, a gender, an age group...).',
  authScopes: SCOPE,
  fields: (t) => ({
    id: t.exposeInt('id', { nullable: true, description: "WeChat's id of the bucket; null for devices, which have none." }),
    name: t.exposeString('name', { description: "WeChat's name of the bucket, in Chinese (e.g. 广东省, 男, iPhone, 17岁以下)." }),
    value: t.exposeInt('value', { description: 'Users in the bucket.' }),
  }),
});

const AnalyticsPortraitBreakdown = builder.objectRef<PortraitBreakdown>('AnalyticsPortraitBreakdown').implement({
  description: 'Users broken down by where they are, who they are and what they use.',
  authScopes: SCOPE,
  fields: (t) => {
    const entries = (key: keyof PortraitBreakdown, wire: string, description: string) =>
      t.field({ type: [AnalyticsPortraitEntry], description: `${description} (\`${wire}\`).`, resolve: (b) => b[key] });
    return {
      provinces: entries('provinces', 'province', 'By province'),
      cities: entries('cities', 'city', 'By city'),
      genders: entries('genders', 'genders', 'By gender'),
      platforms: entries('platforms', 'platforms', 'By platform (iPhone, Android, ...)'),
      devices: entries('devices', 'devices', 'By device model'),
      ages: entries('ages', 'ages', 'By age group'),
    };
  },
});

const AnalyticsUserPortrait = builder.objectRef<Dated<UserPortrait>>('AnalyticsUserPortrait').implement({
  description: 'Who the users of a mini program are, over 1, 7 or 30 days (datacube `getweanalysisappiduserportrait`).',
  authScopes: SCOPE,
  fields: (t) => ({
    from: t.field({ type: 'Date', description: 'First day covered.', resolve: (row) => row.from }),
    to: t.field({ type: 'Date', description: 'Last day covered.', resolve: (row) => row.to }),
    refDate: t.exposeString('refDate', {
      nullable: true,
      description: "WeChat's `ref_date`: the first day covered, `YYYYMMDD`. Null when WeChat has no data.",
    }),
    visitUvNew: t.field({ type: AnalyticsPortraitBreakdown, description: 'New users (`visit_uv_new`).', resolve: (row) => row.visitUvNew }),
    visitUv: t.field({ type: AnalyticsPortraitBreakdown, description: 'Active users (`visit_uv`).', resolve: (row) => row.visitUv }),
    raw: t.field({ type: 'JSON', description: RAW, resolve: (row) => row.raw }),
  }),
});

const AnalyticsPortraitSpan = builder.enumType('AnalyticsPortraitSpan', {
  description: 'How many days a user portrait covers, ending on its end date.',
  values: {
    ONE_DAY: { value: 1, description: 'The end date only.' },
    SEVEN_DAYS: { value: 7, description: 'The 7 days ending on the end date.' },
    THIRTY_DAYS: { value: 30, description: 'The 30 days ending on the end date.' },
  } as const,
});

// Visit distribution ------------------------------------------------------------------------

type KeyTable = Record<number, { name: string; label: string }>;

/** An enum of WeChat's documented keys, plus UNDOCUMENTED so that new keys are never dropped. */
function keyEnum(name: string, description: string, table: KeyTable) {
  const values: Record<string, { value: string; description: string }> = Object.fromEntries(
    Object.entries(table).map(([key, entry]) => [entry.name, { value: entry.name, description: `WeChat key ${key} (${entry.label}).` }]),
  );
  values.UNDOCUMENTED = { value: 'UNDOCUMENTED', description: 'A key WeChat does not document; see the numeric key.' };
  return builder.enumType(name, { description, values });
}

const AnalyticsVisitSource = keyEnum(
  'AnalyticsVisitSource',
  'Where visits came from (keys of the access_source_* distributions, as documented by WeChat).',
  VISIT_SOURCES,
);
const AnalyticsStayTimeRange = keyEnum('AnalyticsStayTimeRange', 'How long a visit lasted (keys of access_staytime_info).', STAY_TIMES);
const AnalyticsVisitDepthRange = keyEnum('AnalyticsVisitDepthRange', 'How many pages a visit saw (keys of access_depth_info).', VISIT_DEPTHS);

const AnalyticsDistributionIndex = builder.enumType('AnalyticsDistributionIndex', {
  description: 'What a visit distribution counts (its `index`).',
  values: {
    SOURCE_SESSIONS: { value: 'SOURCE_SESSIONS', description: 'Openings by source (`access_source_session_cnt`).' },
    SOURCE_VISITORS: {
      value: 'SOURCE_VISITORS',
      description: 'Visitors by source (`access_source_visit_uv`): sent by WeChat though not in its docs; keyed like SOURCE_SESSIONS.',
    },
    STAY_TIME: { value: 'STAY_TIME', description: 'Visits by how long they lasted (`access_staytime_info`).' },
    DEPTH: { value: 'DEPTH', description: 'Visits by how many pages they saw (`access_depth_info`).' },
    UNKNOWN: { value: 'UNKNOWN', description: 'An index this gateway does not know yet; see `rawIndex`.' },
  } as const,
});

type KeyKind = 'source' | 'stayTime' | 'depth' | undefined;
type Distribution = VisitDistribution['distributions'][number];
type DistributionItem = Distribution['items'][number] & { keyKind: KeyKind };

const indexInfo = (index: string) => (DISTRIBUTION_INDEXES as Record<string, { name: string; keys: KeyKind }>)[index];

const KEY_TABLES: Record<NonNullable<KeyKind>, KeyTable> = { source: VISIT_SOURCES, stayTime: STAY_TIMES, depth: VISIT_DEPTHS };

const keyName = (item: DistributionItem, kind: KeyKind) =>
  item.keyKind === kind && kind ? (KEY_TABLES[kind][item.key]?.name ?? 'UNDOCUMENTED') : null;

const AnalyticsDistributionItem = builder.objectRef<DistributionItem>('AnalyticsDistributionItem').implement({
  description: 'One bucket of a visit distribution.',
  authScopes: SCOPE,
  fields: (t) => ({
    key: t.exposeInt('key', { description: "WeChat's key; what it means depends on the distribution's index." }),
    value: t.exposeInt('value', { description: 'Openings, visitors or visits in the bucket, as the index says.' }),
    label: t.string({
      nullable: true,
      description: "WeChat's documented label of the key (Chinese, e.g. 小程序历史列表 or 0-2s); null when undocumented.",
      resolve: (item) => (item.keyKind ? (KEY_TABLES[item.keyKind][item.key]?.label ?? null) : null),
    }),
    source: t.field({
      type: AnalyticsVisitSource,
      nullable: true,
      description: 'The visit source, for the source distributions; null for the others.',
      resolve: (item) => keyName(item, 'source'),
    }),
    stayTime: t.field({
      type: AnalyticsStayTimeRange,
      nullable: true,
      description: 'The visit length, for the STAY_TIME distribution; null for the others.',
      resolve: (item) => keyName(item, 'stayTime'),
    }),
    depth: t.field({
      type: AnalyticsVisitDepthRange,
      nullable: true,
      description: 'The pages per visit, for the DEPTH distribution; null for the others.',
      resolve: (item) => keyName(item, 'depth'),
    }),
  }),
});

const AnalyticsDistribution = builder.objectRef<Distribution>('AnalyticsDistribution').implement({
  description: 'One distribution of a day’s visits (one `list` entry).',
  authScopes: SCOPE,
  fields: (t) => ({
    index: t.field({
      type: AnalyticsDistributionIndex,
      description: 'What is counted.',
      resolve: (d) => (indexInfo(d.rawIndex)?.name ?? 'UNKNOWN') as 'UNKNOWN',
    }),
    rawIndex: t.exposeString('rawIndex', { description: "WeChat's `index` string as sent (kept for indexes the enum does not know)." }),
    items: t.field({
      type: [AnalyticsDistributionItem],
      description: 'The buckets, in the order WeChat sent them (not sorted); may be empty.',
      resolve: (d) => d.items.map((item) => ({ ...item, keyKind: indexInfo(d.rawIndex)?.keys })),
    }),
  }),
});

const AnalyticsVisitDistribution = builder.objectRef<Dated<VisitDistribution>>('AnalyticsVisitDistribution').implement({
  description: 'How one day’s visits spread over sources, lengths and depths (datacube `getweanalysisappidvisitdistribution`).',
  authScopes: SCOPE,
  fields: (t) => ({
    date: t.field({ type: 'Date', description: 'The day.', resolve: (row) => row.from }),
    refDate: t.exposeString('refDate', { nullable: true, description: "WeChat's `ref_date` (`YYYYMMDD`); null when WeChat has no data for the day." }),
    distributions: t.field({ type: [AnalyticsDistribution], description: 'One entry per index WeChat sent.', resolve: (row) => row.distributions }),
    raw: t.field({ type: 'JSON', description: RAW, resolve: (row) => row.raw }),
  }),
});

// Visit pages -------------------------------------------------------------------------------

const AnalyticsVisitPage = builder.objectRef<VisitPageRow>('AnalyticsVisitPage').implement({
  description: 'Visits of one page on one day.',
  authScopes: SCOPE,
  fields: (t) => ({
    pagePath: t.exposeString('pagePath', { description: 'Page path, e.g. `pages/index/index` (`page_path`).' }),
    pageVisitPv: t.exposeInt('pageVisitPv', { description: 'Visits of the page (访问次数, `page_visit_pv`).' }),
    pageVisitUv: t.exposeInt('pageVisitUv', { description: 'Visitors of the page (访问人数, `page_visit_uv`).' }),
    pageStaytimePv: t.exposeFloat('pageStaytimePv', { description: 'Average time per visit of the page, in seconds (次均停留时长, `page_staytime_pv`).' }),
    entrypagePv: t.exposeInt('entrypagePv', { description: 'Visits that started on this page (进入页次数, `entrypage_pv`).' }),
    exitpagePv: t.exposeInt('exitpagePv', { description: 'Visits that ended on this page (退出页次数, `exitpage_pv`).' }),
    pageSharePv: t.exposeInt('pageSharePv', { description: 'Times the page was shared (转发次数, `page_share_pv`).' }),
    pageShareUv: t.exposeInt('pageShareUv', { description: 'Users who shared the page (转发人数, `page_share_uv`).' }),
    raw: t.field({ type: 'JSON', description: RAW, resolve: (row) => row.raw }),
  }),
});

const AnalyticsVisitPages = builder.objectRef<Dated<VisitPages>>('AnalyticsVisitPages').implement({
  description: 'The most visited pages of one day (datacube `getweanalysisappidvisitpage`).',
  authScopes: SCOPE,
  fields: (t) => ({
    date: t.field({ type: 'Date', description: 'The day.', resolve: (row) => row.from }),
    refDate: t.exposeString('refDate', { nullable: true, description: "WeChat's `ref_date` (`YYYYMMDD`); null when WeChat has no data for the day." }),
    pages: t.field({
      type: [AnalyticsVisitPage],
      description: 'At most the top 200 pages by visits, in the order WeChat sent them.',
      resolve: (row) => row.pages,
    }),
  }),
});

// ---------------------------------------------------------------------------------------------
// Official Account user analytics

const AnalyticsFollowSource = keyEnum(
  'AnalyticsFollowSource',
  'How users followed an Official Account (`user_source` of datacube/getusersummary, as documented).',
  FOLLOW_SOURCES,
);

const followSource = (code: number) => FOLLOW_SOURCES[code]?.name ?? 'UNDOCUMENTED';

const AnalyticsUserSummary = builder.objectRef<Dated<UserSummaryRow>>('AnalyticsUserSummary').implement({
  description:
    'Follows and unfollows of an Official Account for one day and one source (datacube `getusersummary`). A day or source with nothing to report has no row.',
  authScopes: SCOPE,
  fields: (t) => ({
    date: t.field({ type: 'Date', description: 'The day.', resolve: (row) => row.from }),
    refDate: t.exposeString('refDate', { description: "WeChat's `ref_date` as sent (`YYYY-MM-DD`)." }),
    userSource: t.exposeInt('userSource', { description: "WeChat's source code (`user_source`); 0 sums every source not listed separately." }),
    source: t.field({ type: AnalyticsFollowSource, description: 'The source, when documented.', resolve: (row) => followSource(row.userSource) }),
    newUser: t.exposeInt('newUser', { description: 'New followers (`new_user`).' }),
    cancelUser: t.exposeInt('cancelUser', { description: 'Users who unfollowed (`cancel_user`).' }),
    netUser: t.int({ description: 'Net new followers: newUser - cancelUser.', resolve: (row) => row.newUser - row.cancelUser }),
    raw: t.field({ type: 'JSON', description: RAW, resolve: (row) => row.raw }),
  }),
});

const AnalyticsUserCumulate = builder.objectRef<Dated<UserCumulateRow>>('AnalyticsUserCumulate').implement({
  description: 'Total followers of an Official Account at the end of one day (datacube `getusercumulate`).',
  authScopes: SCOPE,
  fields: (t) => ({
    date: t.field({ type: 'Date', description: 'The day.', resolve: (row) => row.from }),
    refDate: t.exposeString('refDate', { description: "WeChat's `ref_date` as sent (`YYYY-MM-DD`)." }),
    cumulateUser: t.exposeInt('cumulateUser', { description: 'Followers in total (`cumulate_user`).' }),
    userSource: t.exposeInt('userSource', {
      nullable: true,
      description: '`user_source` when WeChat sends it (real bodies carry 0, meaning all sources; the doc example has none).',
    }),
    raw: t.field({ type: 'JSON', description: RAW, resolve: (row) => row.raw }),
  }),
});

// ---------------------------------------------------------------------------------------------
// Entry points

const PAST_DAYS = 'Past days are cached without expiry; a range fans out to one WeChat call per period not yet cached.';

const MiniProgramAnalytics = builder.objectRef<AppClient>('MiniProgramAnalytics').implement({
  description: `Data analysis (datacube) reports of a mini program. Days are China time (UTC+8); data ends yesterday at the latest. ${PAST_DAYS}`,
  authScopes: SCOPE,
  fields: (t) => ({
    dailySummary: t.field({
      type: [AnalyticsDailySummary],
      description: 'Cumulative users and shares, one row per day of the range (at most 92 days).',
      args: rangeArgs('day'),
      resolve: (wx, args, ctx) => listRows(ctx, wx, 'dailySummary', 'day', checkedRange(RULES.day, args)),
    }),
    dailyVisitTrend: t.field({
      type: [AnalyticsVisitTrend],
      description: 'Visits, one row per day of the range (at most 92 days).',
      args: rangeArgs('day'),
      resolve: (wx, args, ctx) => listRows(ctx, wx, 'dailyVisitTrend', 'day', checkedRange(RULES.day, args)),
    }),
    weeklyVisitTrend: t.field({
      type: [AnalyticsVisitTrend],
      description: 'Visits, one row per week (Monday to Sunday) of the range (at most 53 weeks).',
      args: rangeArgs('week'),
      resolve: (wx, args, ctx) => listRows(ctx, wx, 'weeklyVisitTrend', 'week', checkedRange(RULES.week, args)),
    }),
    monthlyVisitTrend: t.field({
      type: [AnalyticsVisitTrend],
      description: 'Visits, one row per whole month of the range (at most 24 months).',
      args: rangeArgs('month'),
      resolve: (wx, args, ctx) => listRows(ctx, wx, 'monthlyVisitTrend', 'month', checkedRange(RULES.month, args)),
    }),
    dailyRetention: t.field({
      type: [AnalyticsRetention],
      description: 'Retention of each day’s users, one entry per day of the range (at most 92 days).',
      args: rangeArgs('day'),
      resolve: (wx, args, ctx) => periodReports(ctx, wx, 'dailyRetain', periodsOf('day', checkedRange(RULES.day, args))),
    }),
    weeklyRetention: t.field({
      type: [AnalyticsRetention],
      description: 'Retention of each week’s users (Monday to Sunday), one entry per week (at most 53 weeks).',
      args: rangeArgs('week'),
      resolve: (wx, args, ctx) => periodReports(ctx, wx, 'weeklyRetain', periodsOf('week', checkedRange(RULES.week, args))),
    }),
    monthlyRetention: t.field({
      type: [AnalyticsRetention],
      description: 'Retention of each month’s users, one entry per whole month (at most 24 months).',
      args: rangeArgs('month'),
      resolve: (wx, args, ctx) => periodReports(ctx, wx, 'monthlyRetain', periodsOf('month', checkedRange(RULES.month, args))),
    }),
    userPortrait: t.field({
      type: AnalyticsUserPortrait,
      description: 'Who the users are (region, gender, age, platform, device) over 1, 7 or 30 days.',
      args: {
        span: t.arg({ type: AnalyticsPortraitSpan, required: true, description: 'How many days, ending on endDate.' }),
        endDate: t.arg({ type: 'Date', required: false, description: 'Last day covered; yesterday (China time) by default and at the latest.' }),
      },
      resolve: async (wx, args, ctx) => {
        const end = args.endDate ? isoDay(args.endDate) : latestDay();
        const problem = dayProblem('endDate', end);
        if (problem) throw badInput(problem.message, problem.field);
        const [portrait] = await periodReports(ctx, wx, 'userPortrait', [portraitRange(args.span as PortraitSpan, end)]);
        return portrait!;
      },
    }),
    visitDistribution: t.field({
      type: [AnalyticsVisitDistribution],
      description: 'How visits spread over sources, lengths and depths, one entry per day of the range (at most 92 days).',
      args: rangeArgs('day'),
      resolve: (wx, args, ctx) => periodReports(ctx, wx, 'visitDistribution', periodsOf('day', checkedRange(RULES.day, args))),
    }),
    visitPages: t.field({
      type: AnalyticsVisitPages,
      description: 'The most visited pages (top 200) of one day.',
      args: { date: t.arg({ type: 'Date', required: true, description: 'The day; yesterday (China time) at the latest.' }) },
      resolve: async (wx, args, ctx) => {
        const day = isoDay(args.date);
        const problem = dayProblem('date', day);
        if (problem) throw badInput(problem.message, problem.field);
        const [pages] = await periodReports(ctx, wx, 'visitPage', [{ begin: day, end: day }]);
        return pages!;
      },
    }),
  }),
});

const OfficialAccountAnalytics = builder.objectRef<AppClient>('OfficialAccountAnalytics').implement({
  description: `User analytics (datacube) of an Official Account. Days are China time (UTC+8); data ends yesterday at the latest and starts on 2014-12-01. Ranges go to WeChat in spans of up to 7 days. ${PAST_DAYS}`,
  authScopes: SCOPE,
  fields: (t) => ({
    userSummary: t.field({
      type: [AnalyticsUserSummary],
      description: 'Follows and unfollows per day and source over the range (at most 92 days).',
      args: rangeArgs('day'),
      resolve: (wx, args, ctx) => listRows(ctx, wx, 'userSummary', 'day', checkedRange(RULES.officialAccount, args)),
    }),
    userCumulate: t.field({
      type: [AnalyticsUserCumulate],
      description: 'Total followers at the end of each day of the range (at most 92 days).',
      args: rangeArgs('day'),
      resolve: (wx, args, ctx) => listRows(ctx, wx, 'userCumulate', 'day', checkedRange(RULES.officialAccount, args)),
    }),
  }),
});

builder.queryField('miniProgramAnalytics', (t) =>
  t.field({
    type: MiniProgramAnalytics,
    description: "A mini program's data-analysis reports (visits, retention, portrait, distribution, pages).",
    authScopes: SCOPE,
    args: appArg(),
    resolve: (_root, args, ctx) => ctx.wechat(args.app, 'miniprogram'),
  }),
);

builder.queryField('officialAccountAnalytics', (t) =>
  t.field({
    type: OfficialAccountAnalytics,
    description: "An Official Account's user analytics (follows, unfollows, total followers). Pass the Official Account's `app`.",
    authScopes: SCOPE,
    args: appArg(),
    resolve: (_root, args, ctx) => ctx.wechat(args.app, 'officialAccount'),
  }),
);
