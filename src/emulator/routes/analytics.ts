import {
  compact,
  dailySummary,
  days,
  isoOf,
  retain,
  userCumulate,
  userPortrait,
  userSummary,
  visitDistribution,
  visitPage,
  visitTrend,
} from '../analytics-data.ts';
import { chinaDay } from '../china-time.ts';
import { WECHAT_JSON } from '../http-io.ts';
import { RawReply, type AppKind, type RouteDef, type RouteReply } from '../route.ts';
import { wechatError } from '../wechat-errors.ts';

const DAY_MS = 86_400_000;

/** What one call may cover; anything else is 61501. */
type Unit = 'day' | 'week' | 'month' | 'portrait' | 'upTo7Days';

interface Range {
  begin: string;
  end: string;
  days: string[];
  /** Yesterday in China: the last day with data. */
  latest: string;
}

/** Mini programs send `YYYYMMDD`, Official Accounts `YYYY-MM-DD`; anything else, or no such day, is 61500. */
function parseDay(kind: AppKind, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = kind === 'miniprogram' ? /^(\d{4})(\d{2})(\d{2})$/.exec(value) : /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  return isoOf(Date.parse(`${day}T00:00:00Z`)) === day ? day : undefined;
}

function fits(unit: Unit, begin: string, count: number, end: string): boolean {
  const start = new Date(`${begin}T00:00:00Z`);
  switch (unit) {
    case 'day':
      return count === 1;
    case 'week':
      return start.getUTCDay() === 1 && count === 7;
    case 'month':
      return start.getUTCDate() === 1 && end === isoOf(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
    case 'portrait':
      return count === 1 || count === 7 || count === 30;
    case 'upTo7Days':
      return count <= 7;
  }
}

function range(kind: AppKind, unit: Unit, json: Record<string, unknown>): Range | RouteReply {
  const begin = parseDay(kind, json.begin_date);
  const end = parseDay(kind, json.end_date);
  if (!begin || !end) return wechatError('invalidDateFormat');
  const latest = isoOf(Date.parse(`${chinaDay()}T00:00:00Z`) - DAY_MS);
  if (begin > end || end > latest) return wechatError('invalidDateRange');
  const covered = days(begin, end);
  if (!fits(unit, begin, covered.length, end)) return wechatError('invalidDateRange');
  return { begin, end, days: covered, latest };
}

/** The wire body of getweanalysisappidvisitpage escapes `/` as `\/` (fixture raw_body_excerpt). */
const escapedSlashes = (body: object) => new RawReply(WECHAT_JSON, JSON.stringify(body).replaceAll('/', '\\/'));

function datacube(path: string, kind: AppKind, unit: Unit, answer: (appid: string, r: Range) => RouteReply): RouteDef {
  return {
    path: `datacube/${path}`,
    method: 'POST',
    auth: 'access_token',
    kinds: [kind],
    handle({ json, app }) {
      const r = range(kind, unit, json);
      return 'days' in r ? answer(app.appid, r) : r;
    },
  };
}

const week = (r: Range) => `${compact(r.begin)}-${compact(r.end)}`;
const month = (r: Range) => compact(r.begin).slice(0, 6);

/** Mini-program data analysis and Official Account user analysis (datacube). Success bodies carry no errcode. */
export const analyticsRoutes: RouteDef[] = [
  datacube('getweanalysisappiddailysummarytrend', 'miniprogram', 'day', (appid, r) => ({ list: [dailySummary(appid, r.begin)] })),
  datacube('getweanalysisappiddailyvisittrend', 'miniprogram', 'day', (appid, r) => ({ list: [visitTrend(appid, compact(r.begin), r.days)] })),
  datacube('getweanalysisappidweeklyvisittrend', 'miniprogram', 'week', (appid, r) => ({ list: [visitTrend(appid, week(r), r.days)] })),
  datacube('getweanalysisappidmonthlyvisittrend', 'miniprogram', 'month', (appid, r) => ({ list: [visitTrend(appid, month(r), r.days)] })),
  datacube('getweanalysisappiddailyretaininfo', 'miniprogram', 'day', (appid, r) => retain(appid, compact(r.begin), r.days, 'day', r.latest)),
  datacube('getweanalysisappidweeklyretaininfo', 'miniprogram', 'week', (appid, r) => retain(appid, week(r), r.days, 'week', r.latest)),
  datacube('getweanalysisappidmonthlyretaininfo', 'miniprogram', 'month', (appid, r) => retain(appid, month(r), r.days, 'month', r.latest)),
  datacube('getweanalysisappiduserportrait', 'miniprogram', 'portrait', (appid, r) => userPortrait(appid, r.days)),
  datacube('getweanalysisappidvisitdistribution', 'miniprogram', 'day', (appid, r) => visitDistribution(appid, r.begin)),
  datacube('getweanalysisappidvisitpage', 'miniprogram', 'day', (appid, r) => escapedSlashes(visitPage(appid, r.begin))),
  datacube('getusersummary', 'officialAccount', 'upTo7Days', (appid, r) => ({ list: userSummary(appid, r.days) })),
  datacube('getusercumulate', 'officialAccount', 'upTo7Days', (appid, r) => ({ list: userCumulate(appid, r.days) })),
];
