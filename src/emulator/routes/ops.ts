import { createHash } from 'node:crypto';
import { format, isValid, parse, subDays } from 'date-fns';
import { chinaMidnightSeconds, chinaTime } from '../china-time.ts';
import { opsLedger } from '../ops-ledger.ts';
import { text, type RouteDef, type RouteReply } from '../route.ts';
import { wechatError } from '../wechat-errors.ts';

// ip_list mixes single addresses and CIDR blocks (fixture cgi-bin/get_api_domain_ip.json).
const API_DOMAIN_IPS = ['101.89.47.18', '101.91.34.103', '101.226.103.0/25', '180.101.49.12'];
const CALLBACK_IPS = ['101.226.62.77', '101.226.62.78', '101.226.103.0/25', '183.3.234.0/24'];

/** Daily limits WeChat publishes for a few APIs; any other known path gets a generic one. */
const DAILY_LIMITS: Record<string, number> = {
  '/cgi-bin/message/custom/send': 500_000,
  '/cgi-bin/user/info': 5_000_000,
  '/cgi-bin/user/get': 1_000,
  '/wxa/msg_sec_check': 2_000_000,
};
const DEFAULT_DAILY_LIMIT = 10_000_000;

/** Operations: WeChat's server IP lists, API quota, request-id lookup and realtime logs. */
export const opsRoutes: RouteDef[] = [
  { path: 'cgi-bin/get_api_domain_ip', auth: 'access_token', handle: () => ({ ip_list: API_DOMAIN_IPS }) },
  { path: 'cgi-bin/getcallbackip', auth: 'access_token', handle: () => ({ ip_list: CALLBACK_IPS }) },
  {
    path: 'cgi-bin/openapi/quota/get',
    method: 'POST',
    auth: 'access_token',
    handle({ json, state }) {
      const cgiPath = text(json.cgi_path);
      if (!cgiPath) return wechatError('dataFormat');
      if (!/^\/(cgi-bin|wxa|wxaapi|sns|datacube)\//.test(cgiPath)) return wechatError('cgiPathNotFound');
      const dailyLimit = DAILY_LIMITS[cgiPath] ?? DEFAULT_DAILY_LIMIT;
      const used = opsLedger(state).used(cgiPath.slice(1));
      return {
        errcode: 0,
        errmsg: 'ok',
        quota: { daily_limit: dailyLimit, used, remain: Math.max(0, dailyLimit - used) },
        rate_limit: { call_count: 5_000, refresh_second: 60 },
      };
    },
  },
  {
    path: 'cgi-bin/openapi/rid/get',
    method: 'POST',
    auth: 'access_token',
    handle({ json, state }) {
      const rid = text(json.rid);
      if (!rid) return wechatError('dataFormat');
      const found = opsLedger(state).lookup(rid);
      if (!found) return wechatError('ridNotFound');
      return {
        errcode: 0,
        errmsg: 'ok',
        request: {
          invoke_time: found.invokeTime,
          cost_in_ms: found.costMs,
          request_url: found.requestUrl,
          request_body: '',
          response_body: found.responseBody,
          client_ip: '127.0.0.1',
        },
      };
    },
  },
  { path: 'wxaapi/userlog/userlog_search', auth: 'access_token', kinds: ['miniprogram'], handle: ({ app, query }) => searchRealtimeLogs(app.appid, query) },
];

// ---------------------------------------------------------------------------------------------
// Realtime logs (wxaapi/userlog/userlog_search): a made-up but fixed population per app and
// China-time day, so a search gives the same answer on every run; entries after now are hidden.

const LOG_WINDOW_DAYS = 7;
const LOG_LEVELS = [2, 4, 8] as const;
const LOG_PAGES = ['pages/index/index', 'pages/chat/chat', 'pages/goods/detail', 'pages/cart/cart', 'pages/order/list'];
const LOG_TEXTS: Record<(typeof LOG_LEVELS)[number], string[][]> = {
  2: [['hello world'], ['onLoad', 'scene 1001'], ['request ok', '200']],
  4: [['get msg list mig 10006'], ['slow request', '1843ms']],
  8: [['request:fail timeout'], ["TypeError: Cannot read property 'id' of undefined"]],
};
const LOG_FILTERS = ['NetworkExceed08 ReportTimeTotal', 'payment order_4431'];
const LIBRARY_VERSIONS = ['2.8.3', '3.3.4', '3.5.8'];
const CLIENT_VERSIONS = ['7.0.7', '8.0.47', '8.0.50'];
const LOG_USERS = 6;

interface LogItem {
  level: number;
  platform: number;
  libraryVersion: string;
  clientVersion: string;
  id: string;
  timestamp: number;
  msg: { time: number; msg: string[]; level: number }[];
  url: string;
  traceid: string;
  filterMsg?: string;
}

const digest = (...parts: (string | number)[]) => createHash('sha256').update(parts.join('|')).digest();
const pick = <T>(list: readonly T[], byte: number) => list[byte % list.length]!;

/** The openids that write logs in an app (28 characters, like real ones). */
const logUsers = (appid: string) => Array.from({ length: LOG_USERS }, (_, k) => `o${digest(appid, 'user', k).toString('base64url').slice(0, 27)}`);

/**
 * Every entry of one day, newest first: 12 to 19 launches, each logging from 1 to 5 pages.
 * Launch 0 always carries a filterMsg and an info + warn + error entry, so each filter has a match.
 */
function logPopulation(appid: string, day: string, dayStart: number): LogItem[] {
  const users = logUsers(appid);
  const items: LogItem[] = [];
  const launches = 12 + (digest(appid, day)[0]! % 8);
  for (let launch = 0; launch < launches; launch++) {
    const b = digest(appid, day, 'launch', launch);
    const openid = pick(users, b[0]!);
    const launchedAt = dayStart + (b.readUInt32BE(1) % 86_000);
    const filterMsg = launch === 0 || b[8]! % 3 === 0 ? pick(LOG_FILTERS, b[9]!) : undefined;
    const shared = { platform: 1 + (b[5]! % 2), libraryVersion: pick(LIBRARY_VERSIONS, b[6]!), clientVersion: pick(CLIENT_VERSIONS, b[7]!), id: openid };
    const pages = 1 + (b[10]! % 5);
    for (let page = 0; page < pages; page++) {
      const e = digest(appid, day, 'launch', launch, 'page', page);
      const timestamp = launchedAt + page * 60 + (e[0]! % 60);
      const levels = launch === 0 && page === 0 ? [...LOG_LEVELS] : Array.from({ length: 1 + (e[1]! % 3) }, (_, m) => (e[2 + m]! < 160 ? 2 : e[2 + m]! < 224 ? 4 : 8));
      const msg = levels.map((level, m) => ({
        time: Math.max(dayStart, timestamp - (levels.length - 1 - m)),
        msg: pick(LOG_TEXTS[level as 2 | 4 | 8], e[5 + m]!),
        level,
      }));
      items.push({
        level: levels.reduce((mask, level) => mask | level, 0),
        ...shared,
        timestamp,
        msg,
        url: pick(LOG_PAGES, e[8]!),
        traceid: `${openid}_${launchedAt}`,
        ...(filterMsg ? { filterMsg } : {}),
      });
    }
  }
  return items.sort((a, b) => b.timestamp - a.timestamp || a.traceid.localeCompare(b.traceid));
}

const wholeNumber = (value: string | null) => (value !== null && /^\d+$/.test(value) ? Number(value) : undefined);

function searchRealtimeLogs(appid: string, query: URLSearchParams): RouteReply {
  const day = query.get('date') ?? '';
  const date = parse(day, 'yyyyMMdd', new Date());
  if (!/^\d{8}$/.test(day) || !isValid(date)) return wechatError('invalidDateFormat');
  // "YYYYMMDD格式的日期，仅支持最近7天": today in China and the 6 days before.
  const today = chinaTime();
  if (day > format(today, 'yyyyMMdd') || day < format(subDays(today, LOG_WINDOW_DAYS - 1), 'yyyyMMdd')) return wechatError('invalidDateRange');
  const dayStart = chinaMidnightSeconds(date.getFullYear(), date.getMonth(), date.getDate());
  const begin = wholeNumber(query.get('begintime'));
  const end = wholeNumber(query.get('endtime'));
  if (begin === undefined || end === undefined) return wechatError('dataFormat');
  // "开始时间/结束时间，必须是date指定日期的时间".
  if (begin < dayStart || end >= dayStart + 86_400 || begin > end) return wechatError('invalidDateRange');
  const start = query.has('start') ? wholeNumber(query.get('start')) : 0;
  const limit = query.has('limit') ? wholeNumber(query.get('limit')) : 20;
  const level = query.has('level') ? wholeNumber(query.get('level')) : 0;
  if (start === undefined || !limit || level === undefined || (level !== 0 && !LOG_LEVELS.includes(level as 2))) return wechatError('dataFormat');

  const traceId = text(query.get('traceId'));
  const url = text(query.get('url'));
  const id = text(query.get('id'));
  const filterMsg = text(query.get('filterMsg'));
  const now = Date.now() / 1000;
  const matches = logPopulation(appid, day, dayStart).filter(
    (item) =>
      item.timestamp <= now &&
      item.timestamp >= begin &&
      item.timestamp <= end &&
      (!traceId || item.traceid === traceId) &&
      (!url || item.url === url) &&
      (!id || item.id === id) &&
      (!filterMsg || (item.filterMsg ?? '').includes(filterMsg)) &&
      // "返回大于等于level等级的日志": with bits 2/4/8 a mask >= level holds a message at level or above.
      item.level >= level,
  );
  // Success is errcode 0 with errmsg "" (fixture wxaapi/userlog/userlog_search.json).
  return { errcode: 0, errmsg: '', data: { list: matches.slice(start, start + limit), total: matches.length } };
}
