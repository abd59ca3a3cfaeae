import { getHours } from 'date-fns';
import { z } from 'zod';
import type { AppConfig } from '../../config/index.ts';
import type { AppClient } from '../client.ts';
import { chinaDay, inChina, isoDay } from '../china-time.ts';
import { RequestRefusedError } from '../errors.ts';
import { listOf, parseBody } from '../parse.ts';
import { looseInt, looseNumber, looseString } from '../loose.ts';

// ---------------------------------------------------------------------------------------------
// Calendar days. A day is an ISO `YYYY-MM-DD` string, held as UTC midnight for arithmetic (the
// Date UTC methods), so nothing depends on the server's zone. WeChat's own days are China time.

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDay = string;

/** First and last day of what one report row or one WeChat call covers, both included. */
export interface DayRange {
  begin: IsoDay;
  end: IsoDay;
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const asDate = (day: IsoDay) => new Date(`${day}T00:00:00Z`);
const plusDays = (day: IsoDay, days: number) => isoDay(new Date(asDate(day).getTime() + days * DAY_MS));
const weekday = (day: IsoDay) => WEEKDAYS[asDate(day).getUTCDay()]!;
const isMonday = (day: IsoDay) => asDate(day).getUTCDay() === 1;
/** The Monday of the week (Monday to Sunday) holding `day`. */
const mondayOf = (day: IsoDay) => plusDays(day, -((asDate(day).getUTCDay() + 6) % 7));
const firstOfMonth = (day: IsoDay) => `${day.slice(0, 8)}01`;
const lastOfMonth = (day: IsoDay) => {
  const date = asDate(day);
  return isoDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
};

/** Today in China, where WeChat's days begin and end. */
export const chinaToday = (now: number = Date.now()): IsoDay => chinaDay(now);

/** The most recent day WeChat has analytics for. */
export const latestDay = (now: number = Date.now()): IsoDay => plusDays(chinaToday(now), -1);

export const daysBetween = (range: DayRange) => Math.round((asDate(range.end).getTime() - asDate(range.begin).getTime()) / DAY_MS) + 1;

/**
 * Whether WeChat's numbers for a range are final. They are published the next morning
 * ("每日8点后获取前一天数据", datacube/getusersummary doc), so yesterday is final only after
 * 08:00 China time; before that a report may be missing or incomplete.
 */
export function isFinal(range: DayRange, now: number = Date.now()): boolean {
  const latest = latestDay(now);
  return range.end < latest || (range.end === latest && getHours(now, { in: inChina }) >= 8);
}

/** Mini programs take `YYYYMMDD`; Official Accounts take `YYYY-MM-DD`. */
export const wechatDate = (kind: AppConfig['kind'], day: IsoDay) => (kind === 'miniprogram' ? day.replaceAll('-', '') : day);

/** A period the reports come in; one report row per period. */
export type Period = 'day' | 'week' | 'month';

/** The periods a range is made of, in order. The range must already satisfy `rangeProblem`. */
export function periodsOf(period: Period, range: DayRange): DayRange[] {
  const periods: DayRange[] = [];
  for (let begin = range.begin; begin <= range.end; ) {
    const end = period === 'day' ? begin : period === 'week' ? plusDays(begin, 6) : lastOfMonth(begin);
    periods.push({ begin, end });
    begin = plusDays(end, 1);
  }
  return periods;
}

// ---------------------------------------------------------------------------------------------
// Range rules. WeChat answers 61500/61501 to a range it does not accept; the gateway checks
// first and says which rule was broken.

export interface RangeRule {
  period: Period;
  /** Most periods one query may cover (each one an upstream call when not cached). */
  maxPeriods: number;
  /** The first day WeChat keeps data for, when documented. */
  earliest?: IsoDay;
  earliestReason?: string;
}

export interface RangeProblem {
  field: 'from' | 'to';
  message: string;
}

/** The first rule a requested `from`..`to` range breaks, worded for the caller; undefined if none. */
export function rangeProblem(rule: RangeRule, range: DayRange, now: number = Date.now()): RangeProblem | undefined {
  const { begin: from, end: to } = range;
  if (from > to)
    return {
      field: 'from',
      message: `The range ${from} to ${to} is empty: from must not be after to (both days are included, so a single day is from = to).`,
    };
  if (rule.period === 'week') {
    if (!isMonday(from))
      return {
        field: 'from',
        message: `from (${from}) is a ${weekday(from)}: weekly reports cover whole weeks, Monday to Sunday; that week starts on ${mondayOf(from)}.`,
      };
    if (asDate(to).getUTCDay() !== 0)
      return {
        field: 'to',
        message: `to (${to}) is a ${weekday(to)}: weekly reports cover whole weeks, Monday to Sunday; that week ends on ${plusDays(mondayOf(to), 6)}.`,
      };
  }
  if (rule.period === 'month') {
    if (from !== firstOfMonth(from))
      return {
        field: 'from',
        message: `from (${from}) is not the first day of a month: monthly reports cover whole months, from the first to the last day; that month starts on ${firstOfMonth(from)}.`,
      };
    if (to !== lastOfMonth(to))
      return {
        field: 'to',
        message: `to (${to}) is not the last day of a month: monthly reports cover whole months, from the first to the last day; that month ends on ${lastOfMonth(to)}.`,
      };
  }
  const late = dayProblem('to', to, now);
  if (late) return late;
  if (rule.earliest && from < rule.earliest)
    return { field: 'from', message: `from (${from}) is before ${rule.earliest}: ${rule.earliestReason ?? 'WeChat has no data before it'}.` };
  const count = periodsOf(rule.period, range).length;
  if (count > rule.maxPeriods)
    return {
      field: 'from',
      message: `The range covers ${count} ${rule.period}s; one query covers at most ${rule.maxPeriods} ${rule.period}s (each is one WeChat call when not cached). Split the range.`,
    };
  return undefined;
}

/** A day WeChat cannot have data for yet (today or later in China), worded for the caller. */
export function dayProblem<F extends string>(field: F, day: IsoDay, now: number = Date.now()): { field: F; message: string } | undefined {
  const latest = latestDay(now);
  if (day <= latest) return undefined;
  return { field, message: `${field} (${day}) is not over yet: WeChat has data up to yesterday at the latest (${latest}, China time, UTC+8).` };
}

/** What the user-portrait report can cover: the day, the 7 days or the 30 days ending on `end`. */
export const PORTRAIT_SPANS = [1, 7, 30] as const;
export type PortraitSpan = (typeof PORTRAIT_SPANS)[number];

export function portraitRange(days: PortraitSpan, end: IsoDay): DayRange {
  return { begin: plusDays(end, 1 - days), end };
}

/** What one WeChat call accepts (WeChat answers 61501 otherwise). */
type Unit = 'day' | 'week' | 'month' | 'portrait' | 'upTo7Days';

function unitProblem(unit: Unit, range: DayRange, now: number): string | undefined {
  const { begin, end } = range;
  if (begin > end) return 'an empty range (begin_date after end_date)';
  if (end > latestDay(now)) return 'yesterday at the latest (China time)';
  const days = daysBetween(range);
  switch (unit) {
    case 'day':
      return days === 1 ? undefined : 'one day (begin_date = end_date)';
    case 'week':
      return isMonday(begin) && days === 7 ? undefined : 'Monday to Sunday';
    case 'month':
      return begin === firstOfMonth(begin) && end === lastOfMonth(begin) ? undefined : 'a whole month';
    case 'portrait':
      return (PORTRAIT_SPANS as readonly number[]).includes(days) ? undefined : 'the 1, 7 or 30 days ending on end_date';
    case 'upTo7Days':
      return days <= 7 ? undefined : 'at most 7 days';
  }
}

/** A call the gateway refuses to send because WeChat would answer 61501; callers validate first. */
export class DatacubeRangeError extends RequestRefusedError {
  override name = 'DatacubeRangeError';
  constructor(
    readonly endpoint: string,
    readonly rule: string,
    range: DayRange,
  ) {
    super(`${endpoint} takes ${rule}; refusing ${range.begin}..${range.end}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Wire shapes, parsed tolerantly: numbers may arrive as strings, floats as integers, optional
// keys may be absent, a single item may come as an object. Each row keeps WeChat's object as
// received (`raw`), so fields WeChat adds later stay reachable.

const count = looseInt();
const real = looseNumber();
const text = looseString();


type Raw = Record<string, unknown>;
type WithRaw<T> = T & { raw: Raw };

/** Parses with `schema` and keeps the input object, untouched, as `raw`. */
function withRaw<S extends z.ZodType>(schema: S) {
  return z.record(z.string(), z.unknown()).transform((input, ctx): WithRaw<z.output<S>> => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: parsed.error.message });
      return z.NEVER;
    }
    return { ...(parsed.data as object), raw: input } as WithRaw<z.output<S>>;
  });
}

const summaryRow = z
  .object({ ref_date: text, visit_total: count, share_pv: count, share_uv: count })
  .transform((r) => ({ refDate: r.ref_date, visitTotal: r.visit_total, sharePv: r.share_pv, shareUv: r.share_uv }));

const visitTrendRow = z
  .object({
    ref_date: text,
    session_cnt: count,
    visit_pv: count,
    visit_uv: count,
    visit_uv_new: count,
    // Real bodies carry stay_time_uv; the doc example and every SDK fixture copied from it do not.
    stay_time_uv: looseNumber(undefined),
    stay_time_session: real,
    visit_depth: real,
  })
  .transform((r) => ({
    refDate: r.ref_date,
    sessionCnt: r.session_cnt,
    visitPv: r.visit_pv,
    visitUv: r.visit_uv,
    visitUvNew: r.visit_uv_new,
    stayTimeUv: r.stay_time_uv ?? null,
    stayTimeSession: r.stay_time_session,
    visitDepth: r.visit_depth,
  }));

const retainPoint = z.object({ key: count, value: count }).transform((p) => ({ periodsAfter: p.key, users: p.value }));

/** Retention is not wrapped in `list` (fixture getweanalysisappiddailyretaininfo.json). */
const retainBody = z
  .object({ ref_date: text.optional(), visit_uv_new: listOf(retainPoint), visit_uv: listOf(retainPoint) })
  .transform((b) => ({ refDate: b.ref_date, visitUvNew: b.visit_uv_new, visitUv: b.visit_uv }));

/** `devices[]` entries have no id. */
const portraitEntry = z.object({ id: looseInt(undefined), name: text, value: count }).transform((e) => ({ id: e.id ?? null, name: e.name, value: e.value }));

const portraitBreakdown = z
  .object({
    province: listOf(portraitEntry),
    city: listOf(portraitEntry),
    genders: listOf(portraitEntry),
    platforms: listOf(portraitEntry),
    devices: listOf(portraitEntry),
    ages: listOf(portraitEntry),
  })
  .transform((b) => ({ provinces: b.province, cities: b.city, genders: b.genders, platforms: b.platforms, devices: b.devices, ages: b.ages }));

const EMPTY_BREAKDOWN = { province: [], city: [], genders: [], platforms: [], devices: [], ages: [] };

/** `ref_date` is the first day of the range, even for 7 and 30 days. */
const portraitBody = z
  .object({
    ref_date: text.optional(),
    visit_uv_new: z.preprocess((v) => v ?? EMPTY_BREAKDOWN, portraitBreakdown),
    visit_uv: z.preprocess((v) => v ?? EMPTY_BREAKDOWN, portraitBreakdown),
  })
  .transform((b) => ({ refDate: b.ref_date, visitUvNew: b.visit_uv_new, visitUv: b.visit_uv }));

const distributionItem = z.object({ key: count, value: count });

const distributionBody = z
  .object({
    ref_date: text.optional(),
    list: listOf(z.object({ index: text, item_list: listOf(distributionItem) }).transform((d) => ({ rawIndex: d.index, items: d.item_list }))),
  })
  .transform((b) => ({ refDate: b.ref_date, distributions: b.list }));

const visitPageRow = z
  .object({
    page_path: text,
    page_visit_pv: count,
    page_visit_uv: count,
    // A float, but 1 rather than 1.0 when whole.
    page_staytime_pv: real,
    entrypage_pv: count,
    exitpage_pv: count,
    page_share_pv: count,
    page_share_uv: count,
  })
  .transform((r) => ({
    pagePath: r.page_path,
    pageVisitPv: r.page_visit_pv,
    pageVisitUv: r.page_visit_uv,
    pageStaytimePv: r.page_staytime_pv,
    entrypagePv: r.entrypage_pv,
    exitpagePv: r.exitpage_pv,
    pageSharePv: r.page_share_pv,
    pageShareUv: r.page_share_uv,
  }));

const visitPageBody = z
  .object({ ref_date: text.optional(), list: listOf(withRaw(visitPageRow)) })
  .transform((b) => ({ refDate: b.ref_date, pages: b.list }));

const userSummaryRow = z
  .object({ ref_date: text, user_source: count, new_user: count, cancel_user: count })
  .transform((r) => ({ refDate: r.ref_date, userSource: r.user_source, newUser: r.new_user, cancelUser: r.cancel_user }));

/** Real bodies carry `user_source: 0` here too; the doc example does not. */
const userCumulateRow = z
  .object({ ref_date: text, cumulate_user: count, user_source: count.optional() })
  .transform((r) => ({ refDate: r.ref_date, cumulateUser: r.cumulate_user, userSource: r.user_source ?? null }));

const listBody = <S extends z.ZodType>(row: S) => z.object({ list: listOf(withRaw(row)) }).transform((b) => b.list);
const wholeBody = <S extends z.ZodType>(body: S) => withRaw(body);

// ---------------------------------------------------------------------------------------------
// The reports.

interface ReportSpec {
  endpoint: string;
  kind: AppConfig['kind'];
  unit: Unit;
  body: z.ZodType;
}

/** Every datacube report the gateway serves: endpoint, app kind, what one call covers, body shape. */
export const REPORTS = {
  dailySummary: { endpoint: 'datacube/getweanalysisappiddailysummarytrend', kind: 'miniprogram', unit: 'day', body: listBody(summaryRow) },
  dailyVisitTrend: { endpoint: 'datacube/getweanalysisappiddailyvisittrend', kind: 'miniprogram', unit: 'day', body: listBody(visitTrendRow) },
  weeklyVisitTrend: { endpoint: 'datacube/getweanalysisappidweeklyvisittrend', kind: 'miniprogram', unit: 'week', body: listBody(visitTrendRow) },
  monthlyVisitTrend: { endpoint: 'datacube/getweanalysisappidmonthlyvisittrend', kind: 'miniprogram', unit: 'month', body: listBody(visitTrendRow) },
  dailyRetain: { endpoint: 'datacube/getweanalysisappiddailyretaininfo', kind: 'miniprogram', unit: 'day', body: wholeBody(retainBody) },
  weeklyRetain: { endpoint: 'datacube/getweanalysisappidweeklyretaininfo', kind: 'miniprogram', unit: 'week', body: wholeBody(retainBody) },
  monthlyRetain: { endpoint: 'datacube/getweanalysisappidmonthlyretaininfo', kind: 'miniprogram', unit: 'month', body: wholeBody(retainBody) },
  userPortrait: { endpoint: 'datacube/getweanalysisappiduserportrait', kind: 'miniprogram', unit: 'portrait', body: wholeBody(portraitBody) },
  visitDistribution: { endpoint: 'datacube/getweanalysisappidvisitdistribution', kind: 'miniprogram', unit: 'day', body: wholeBody(distributionBody) },
  visitPage: { endpoint: 'datacube/getweanalysisappidvisitpage', kind: 'miniprogram', unit: 'day', body: wholeBody(visitPageBody) },
  userSummary: { endpoint: 'datacube/getusersummary', kind: 'officialAccount', unit: 'upTo7Days', body: listBody(userSummaryRow) },
  userCumulate: { endpoint: 'datacube/getusercumulate', kind: 'officialAccount', unit: 'upTo7Days', body: listBody(userCumulateRow) },
} as const satisfies Record<string, ReportSpec>;

export type ReportName = keyof typeof REPORTS;
export type Report<R extends ReportName> = z.output<(typeof REPORTS)[R]['body']>;
/** A datacube success body exactly as WeChat sent it (JSON-parsed). */
export type RawReport = Record<string, unknown>;

export type DailySummaryRow = Report<'dailySummary'>[number];
export type VisitTrendRow = Report<'dailyVisitTrend'>[number];
export type Retention = Report<'dailyRetain'>;
export type UserPortrait = Report<'userPortrait'>;
export type PortraitBreakdown = UserPortrait['visitUv'];
export type PortraitEntry = PortraitBreakdown['provinces'][number];
export type VisitDistribution = Report<'visitDistribution'>;
export type VisitPages = Report<'visitPage'>;
export type VisitPageRow = VisitPages['pages'][number];
export type UserSummaryRow = Report<'userSummary'>[number];
export type UserCumulateRow = Report<'userCumulate'>[number];

/** Maps a raw body to camelCase rows; a body that does not fit is a bad response. */
export function parseReport<R extends ReportName>(name: R, body: RawReport): Report<R> {
  const spec = REPORTS[name];
  return parseBody<unknown>(spec.endpoint, spec.body, body) as Report<R>;
}

/**
 * One datacube call, returning WeChat's body as sent (checked against its shape, so nothing
 * malformed gets cached). The range must be what the endpoint accepts in one call.
 */
export async function fetchReport(wx: AppClient, name: ReportName, range: DayRange, signal?: AbortSignal): Promise<RawReport> {
  const spec = REPORTS[name];
  const rule = unitProblem(spec.unit, range, Date.now());
  if (rule) throw new DatacubeRangeError(spec.endpoint, rule, range);
  const body = await wx.json<RawReport>({
    endpoint: spec.endpoint,
    method: 'POST',
    json: { begin_date: wechatDate(spec.kind, range.begin), end_date: wechatDate(spec.kind, range.end) },
    retry: 'read',
    signal,
  });
  parseReport(name, body);
  return body;
}

/**
 * Official Account reports answer up to 7 days at once, one `list` row per day (and source);
 * a day with nothing to report has no row. Splits such a body into one body per day.
 */
export function splitByDay(body: RawReport, days: IsoDay[]): Map<IsoDay, RawReport> {
  const rows = Array.isArray(body.list) ? (body.list as Raw[]) : body.list && typeof body.list === 'object' ? [body.list as Raw] : [];
  return new Map(days.map((day) => [day, { list: rows.filter((row) => String(row.ref_date) === day) }]));
}

/** Splits consecutive days into runs of at most `size`, for reports that take several days per call. */
export function runsOfDays(days: IsoDay[], size: number): IsoDay[][] {
  const runs: IsoDay[][] = [];
  for (const day of [...days].sort()) {
    const run = runs.at(-1);
    if (run && run.length < size && plusDays(run.at(-1)!, 1) === day) run.push(day);
    else runs.push([day]);
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// What the keys of getweanalysisappidvisitdistribution mean. The docs list three indexes;
// real bodies carry a fourth, access_source_visit_uv (fixture), keyed like the sessions one.

export const DISTRIBUTION_INDEXES = {
  access_source_session_cnt: { name: 'SOURCE_SESSIONS', keys: 'source' },
  access_source_visit_uv: { name: 'SOURCE_VISITORS', keys: 'source' },
  access_staytime_info: { name: 'STAY_TIME', keys: 'stayTime' },
  access_depth_info: { name: 'DEPTH', keys: 'depth' },
} as const;

/** Visit sources (access_source_* keys) as documented; 28 and keys above 36 are not documented. */
export const VISIT_SOURCES: Record<number, { name: string; label: string }> = {
  1: { name: 'HISTORY_LIST', label: '小程序历史列表' },
  2: { name: 'SEARCH', label: '搜索' },
  3: { name: 'CHAT', label: '会话' },
  4: { name: 'SCAN_QR_CODE', label: '扫一扫二维码' },
  5: { name: 'OFFICIAL_ACCOUNT_PROFILE', label: '公众号主页' },
  6: { name: 'CHAT_TOP', label: '聊天顶部' },
  7: { name: 'HOME_SCREEN', label: '系统桌面' },
  8: { name: 'MINI_PROGRAM_PROFILE', label: '小程序主页' },
  9: { name: 'NEARBY_MINI_PROGRAMS', label: '附近的小程序' },
  10: { name: 'OTHER', label: '其他' },
  11: { name: 'TEMPLATE_MESSAGE', label: '模板消息' },
  12: { name: 'CUSTOMER_SERVICE_MESSAGE', label: '客服消息' },
  13: { name: 'OFFICIAL_ACCOUNT_MENU', label: '公众号菜单' },
  14: { name: 'APP_SHARE', label: 'APP分享' },
  15: { name: 'PAYMENT_COMPLETED_PAGE', label: '支付完成页' },
  16: { name: 'LONG_PRESS_QR_CODE', label: '长按识别二维码' },
  17: { name: 'ALBUM_QR_CODE', label: '相册选取二维码' },
  18: { name: 'OFFICIAL_ACCOUNT_ARTICLE', label: '公众号文章' },
  19: { name: 'WALLET', label: '钱包' },
  20: { name: 'CARD_PACKAGE', label: '卡包' },
  21: { name: 'IN_APP_CARD', label: '小程序内卡券' },
  22: { name: 'OTHER_MINI_PROGRAM', label: '其他小程序' },
  23: { name: 'BACK_FROM_OTHER_MINI_PROGRAM', label: '其他小程序返回' },
  24: { name: 'CARD_STORE_LIST', label: '卡券适用门店列表' },
  25: { name: 'SEARCH_SHORTCUT', label: '搜索框快捷入口' },
  26: { name: 'MINI_PROGRAM_CUSTOMER_SERVICE_MESSAGE', label: '小程序客服消息' },
  27: { name: 'OFFICIAL_ACCOUNT_PUSH', label: '公众号下发' },
  29: { name: 'TASKBAR_RECENT', label: '任务栏-最近使用' },
  30: { name: 'CAPSULE_MENU_LONG_PRESS', label: '长按小程序菜单圆点' },
  31: { name: 'WIFI_CONNECTED_PAGE', label: '连wifi成功页' },
  32: { name: 'CITY_SERVICES', label: '城市服务' },
  33: { name: 'WECHAT_ADS', label: '微信广告' },
  34: { name: 'OTHER_MOBILE_APP', label: '其他移动应用' },
  35: { name: 'DISCOVER_MY_MINI_PROGRAMS', label: '发现入口-我的小程序' },
  36: { name: 'TASKBAR_MY_MINI_PROGRAMS', label: '任务栏-我的小程序' },
};

/** access_staytime_info keys: how long a visit lasted. */
export const STAY_TIMES: Record<number, { name: string; label: string }> = {
  1: { name: 'SECONDS_0_2', label: '0-2s' },
  2: { name: 'SECONDS_3_5', label: '3-5s' },
  3: { name: 'SECONDS_6_10', label: '6-10s' },
  4: { name: 'SECONDS_11_20', label: '11-20s' },
  5: { name: 'SECONDS_20_30', label: '20-30s' },
  6: { name: 'SECONDS_30_50', label: '30-50s' },
  7: { name: 'SECONDS_50_100', label: '50-100s' },
  8: { name: 'OVER_100_SECONDS', label: '>100s' },
};

/** access_depth_info keys: how many pages a visit saw. */
export const VISIT_DEPTHS: Record<number, { name: string; label: string }> = {
  1: { name: 'PAGES_1', label: '1 页' },
  2: { name: 'PAGES_2', label: '2 页' },
  3: { name: 'PAGES_3', label: '3 页' },
  4: { name: 'PAGES_4', label: '4 页' },
  5: { name: 'PAGES_5', label: '5 页' },
  6: { name: 'PAGES_6_10', label: '6-10 页' },
  7: { name: 'OVER_10_PAGES', label: '>10 页' },
};

/**
 * getusersummary `user_source` values as documented (0 is "everything else"). 51 (after
 * payment) has been counted in 0 since 2023-06; older days still carry it.
 */
export const FOLLOW_SOURCES: Record<number, { name: string; label: string }> = {
  0: { name: 'OTHER', label: '其他合计' },
  1: { name: 'SEARCH', label: '公众号搜索' },
  17: { name: 'PROFILE_CARD_SHARE', label: '名片分享' },
  30: { name: 'SCAN_QR_CODE', label: '扫描二维码' },
  51: { name: 'AFTER_PAYMENT', label: '支付后关注' },
  57: { name: 'ARTICLE_ACCOUNT_NAME', label: '文章内账号名称' },
  100: { name: 'WECHAT_ADS', label: '微信广告' },
  149: { name: 'MINI_PROGRAM', label: '小程序关注' },
  161: { name: 'REPRINT', label: '他人转载' },
  200: { name: 'CHANNELS', label: '视频号' },
  201: { name: 'LIVE', label: '直播' },
};
