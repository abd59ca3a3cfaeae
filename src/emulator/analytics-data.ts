import { createHash } from 'node:crypto';
import { mulberry32 } from './faults.ts';

/**
 * Deterministic, plausible datacube numbers for any past day: the same app and day always give
 * the same body. Traffic grows over the years, peaks at weekends and wobbles a little each day.
 * The shapes follow the real bodies in shared/fixtures/wechat/datacube; the numbers are made up.
 */

const DAY_MS = 86_400_000;
/** Mini programs went live on 2017-01-09; Official Account analytics start on 2014-12-01. */
const MP_EPOCH = Date.UTC(2017, 0, 9);
const OA_EPOCH = Date.UTC(2014, 11, 1);
/** Sunday first, as Date.getUTCDay() counts. */
const WEEKDAY = [1.16, 0.9, 0.93, 0.95, 0.97, 1.04, 1.21];

/** A seeded generator per app and purpose, so every number is repeatable. */
function random(...parts: (string | number)[]): () => number {
  return mulberry32(createHash('sha256').update(parts.join('|')).digest().readUInt32BE(0));
}

const r4 = (value: number) => Math.round(value * 10_000) / 10_000;
const r6 = (value: number) => Math.round(value * 1_000_000) / 1_000_000;
const time = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const compact = (day: string) => day.replaceAll('-', '');

/** Every day from `begin` to `end`, both included. */
export function days(begin: string, end: string): string[] {
  const out: string[] = [];
  for (let t = time(begin); t <= time(end); t += DAY_MS) out.push(isoOf(t));
  return out;
}

/** Splits `total` over weighted buckets (each weight jittered), largest remainder first. */
function split(total: number, weights: readonly number[], next: () => number): number[] {
  const jittered = weights.map((w) => w * (0.85 + 0.3 * next()));
  const sum = jittered.reduce((a, b) => a + b, 0);
  const exact = jittered.map((w) => (total * w) / sum);
  const floors = exact.map(Math.floor);
  let rest = total - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest-- <= 0) break;
    floors[i]! += 1;
  }
  return floors;
}

interface Traffic {
  uv: number;
  uvNew: number;
  sessions: number;
  pv: number;
  /** Seconds spent in total. */
  stay: number;
}

const scale = (appid: string) => 900 + 2_100 * random(appid, 'scale')();

/** One day of a mini program's traffic. */
function traffic(appid: string, day: string): Traffic {
  const t = (time(day) - MP_EPOCH) / DAY_MS;
  const next = random(appid, 'traffic', day);
  const uv = Math.max(1, Math.round(scale(appid) * (1 + Math.max(0, t) / 500) * WEEKDAY[new Date(time(day)).getUTCDay()]! * (0.92 + 0.16 * next())));
  const uvNew = Math.round(uv * (0.07 + 0.06 * next()));
  const sessions = Math.round(uv * (2.4 + 1.2 * next()));
  const pv = Math.round(sessions * (1.6 + 1.6 * next()));
  const stay = sessions * (35 + 55 * next());
  return { uv, uvNew, sessions, pv, stay };
}

/** Visitors are de-duplicated over a week or a month, so they do not simply add up. */
function total(appid: string, range: string[], dedup: number): Traffic {
  const sum = range.map((day) => traffic(appid, day)).reduce((a, b) => ({
    uv: a.uv + b.uv,
    uvNew: a.uvNew + b.uvNew,
    sessions: a.sessions + b.sessions,
    pv: a.pv + b.pv,
    stay: a.stay + b.stay,
  }));
  return { ...sum, uv: Math.max(1, Math.round(sum.uv * dedup)) };
}

const DEDUP: Record<number, number> = { 1: 1, 7: 0.55 };
const dedupFor = (length: number) => DEDUP[length] ?? 0.35;

/** A visit-trend row; key order as in the real bodies. */
export function visitTrend(appid: string, refDate: string, range: string[]) {
  const t = total(appid, range, dedupFor(range.length));
  return {
    ref_date: refDate,
    session_cnt: t.sessions,
    visit_pv: t.pv,
    visit_uv: t.uv,
    visit_uv_new: t.uvNew,
    stay_time_uv: r4(t.stay / t.uv),
    stay_time_session: r4(t.stay / t.sessions),
    visit_depth: r4(t.pv / t.sessions),
  };
}

export function dailySummary(appid: string, day: string) {
  const t = (time(day) - MP_EPOCH) / DAY_MS;
  const { uv } = traffic(appid, day);
  const next = random(appid, 'summary', day);
  const sharePv = Math.round(uv * (0.015 + 0.02 * next()));
  // visit_total is cumulative users: the integral of the new users' trend.
  return {
    ref_date: compact(day),
    visit_total: 500 + Math.round(scale(appid) * 0.1 * (t + (t * t) / 1_000)),
    share_pv: sharePv,
    share_uv: Math.round(sharePv * (0.55 + 0.3 * next())),
  };
}

const DAILY_RETAIN_KEYS = [0, 1, 2, 3, 4, 5, 6, 7, 14, 30];

/**
 * Retention of one day, week or month: key 0 is the period itself, then as many later periods
 * as have passed by `latest` (a recent period only has key 0, like the real 2020-03-31 body).
 */
export function retain(appid: string, refDate: string, range: string[], period: 'day' | 'week' | 'month', latest: string) {
  const t = total(appid, range, dedupFor(range.length));
  const next = random(appid, 'retain', period, range[0]!);
  const first = new Date(time(range[0]!));
  const end = time(range.at(-1)!);
  const periodEnd = (key: number) =>
    period === 'day'
      ? end + key * DAY_MS
      : period === 'week'
        ? end + key * 7 * DAY_MS
        : Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + key + 1, 0);
  const keys = (period === 'day' ? DAILY_RETAIN_KEYS : [0, 1, 2, 3, 4]).filter((key) => periodEnd(key) <= time(latest));
  const curve = (base: number, floor: number, speed: number) =>
    keys.map((key) => ({ key, value: key === 0 ? base : Math.round(base * (floor + (0.3 - floor / 2) * Math.exp(-key / speed)) * (0.9 + 0.2 * next())) }));
  return { ref_date: refDate, visit_uv_new: curve(t.uvNew, 0.08, 6), visit_uv: curve(t.uv, 0.15, 8) };
}

// The emulator's own bucket ids; only 广东省 = 31 and 广州 = 3102 appear in WeChat's example.
const PROVINCES = [
  [31, '广东省', 18],
  [11, '北京', 9],
  [32, '浙江省', 8],
  [33, '江苏省', 8],
  [12, '上海', 7],
  [51, '四川省', 5],
  [42, '湖北省', 4],
  [37, '山东省', 4],
] as const;
const CITIES = [
  [3102, '广州', 9],
  [3103, '深圳', 8],
  [1101, '北京', 9],
  [1201, '上海', 7],
  [3201, '杭州', 5],
  [3301, '南京', 3],
  [5101, '成都', 4],
] as const;
const GENDERS = [
  [1, '男', 48],
  [2, '女', 50],
  [0, '未知', 2],
] as const;
const PLATFORMS = [
  [1, 'iPhone', 46],
  [2, 'Android', 53],
  [3, '其他', 1],
] as const;
const DEVICES = [
  ['iPhone 15', 14],
  ['iPhone 13', 12],
  ['HUAWEI Mate 60 Pro', 9],
  ['OPPO R9', 3],
  ['vivo X100', 6],
  ['Xiaomi 14', 7],
] as const;
const AGES = [
  [1, '17岁以下', 4],
  [2, '18-24岁', 22],
  [3, '25-29岁', 24],
  [4, '30-39岁', 28],
  [5, '40-49岁', 14],
  [6, '50岁以上', 8],
] as const;

function breakdown(users: number, next: () => number) {
  const withId = (table: readonly (readonly [number, string, number])[]) => {
    const values = split(users, table.map((row) => row[2]), next);
    return table.map(([id, name], i) => ({ id, name, value: values[i]! })).filter((entry) => entry.value > 0);
  };
  const deviceValues = split(Math.round(users * 0.5), DEVICES.map((row) => row[1]), next);
  return {
    province: withId(PROVINCES),
    city: withId(CITIES),
    genders: withId(GENDERS),
    platforms: withId(PLATFORMS),
    // Devices have no id (fixture); only the top models are listed.
    devices: DEVICES.map(([name], i) => ({ name, value: deviceValues[i]! })).filter((entry) => entry.value > 0),
    ages: withId(AGES),
  };
}

/** ref_date is the first day, even for 7 and 30 days (fixture). */
export function userPortrait(appid: string, range: string[]) {
  const t = total(appid, range, dedupFor(range.length));
  const next = random(appid, 'portrait', range[0]!, range.length);
  return { ref_date: compact(range[0]!), visit_uv_new: breakdown(t.uvNew, next), visit_uv: breakdown(t.uv, next) };
}

/** Source keys seen in real bodies, in a day-dependent order (WeChat does not sort them). */
const SOURCES = [
  [1, 20],
  [2, 4],
  [3, 12],
  [4, 6],
  [10, 3],
  [16, 2],
  [22, 25],
  [23, 5],
  [29, 18],
  [36, 5],
] as const;
const STAY_WEIGHTS = [8, 10, 12, 16, 12, 14, 12, 16];
const DEPTH_WEIGHTS = [30, 36, 18, 8, 4, 3, 1];

export function visitDistribution(appid: string, day: string) {
  const t = traffic(appid, day);
  const next = random(appid, 'distribution', day);
  const sources = SOURCES.map((source) => [next(), source] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, source]) => source);
  const byKey = (keys: readonly number[], values: number[]) =>
    keys.map((key, i) => ({ key, value: values[i]! })).filter((item) => item.value > 0);
  const sessions = split(t.sessions, sources.map((s) => s[1]), next);
  const visitors = split(t.uv, sources.map((s) => s[1]), next);
  const stay = split(t.sessions, STAY_WEIGHTS, next);
  const depth = split(t.sessions, DEPTH_WEIGHTS, next);
  return {
    ref_date: compact(day),
    list: [
      { index: 'access_source_session_cnt', item_list: byKey(sources.map((s) => s[0]), sessions) },
      // Not in the docs, but in every real body since 2020.
      { index: 'access_source_visit_uv', item_list: byKey(sources.map((s) => s[0]), visitors) },
      { index: 'access_staytime_info', item_list: byKey([8, 7, 6, 5, 4, 3, 2, 1], [...stay].reverse()) },
      { index: 'access_depth_info', item_list: byKey([7, 6, 5, 4, 3, 2, 1], [...depth].reverse()) },
    ],
  };
}

const PAGES = [
  ['pages/index/index', 34],
  ['pages/goods/detail', 22],
  ['pages/search/search', 12],
  ['pages/cart/cart', 9],
  ['pages/order/list', 7],
  ['pages/user/center', 6],
  ['pages/login/login', 5],
  ['pages/share/landing', 3],
  ['pages/kefu/kefu', 1],
] as const;

/** The top pages by visits; paths without `.html` as in real bodies. */
export function visitPage(appid: string, day: string) {
  const t = traffic(appid, day);
  const next = random(appid, 'pages', day);
  const pvs = split(t.pv, PAGES.map((p) => p[1]), next);
  const entries = split(t.sessions, PAGES.map((p, i) => (i === 0 ? p[1] * 3 : p[1])), next);
  const list = PAGES.map(([path], i) => {
    const pv = pvs[i]!;
    const share = Math.round(pv * 0.01 * next());
    return {
      page_path: path,
      page_visit_pv: pv,
      page_visit_uv: Math.min(pv, Math.round(pv * (0.3 + 0.4 * next()))),
      page_staytime_pv: r6(1 + 40 * next()),
      entrypage_pv: Math.min(pv, entries[i]!),
      exitpage_pv: Math.round(pv * 0.3 * next()),
      page_share_pv: share,
      page_share_uv: Math.round(share * (0.6 + 0.4 * next())),
    };
  });
  return { ref_date: compact(day), list: list.filter((p) => p.page_visit_pv > 0).sort((a, b) => b.page_visit_pv - a.page_visit_pv) };
}

/** Documented user_source values and a plausible share of new followers for each. */
const FOLLOW_SOURCES = [
  [0, 10],
  [1, 30],
  [17, 6],
  [30, 22],
  [57, 9],
  [100, 8],
  [149, 3],
  [161, 4],
  [200, 5],
  [201, 3],
] as const;

const oaScale = (appid: string) => 40 + 160 * random(appid, 'oa-scale')();

/** One row per day and source with something to report; quiet sources have no row. */
export function userSummary(appid: string, range: string[]) {
  return range.flatMap((day) => {
    const t = (time(day) - OA_EPOCH) / DAY_MS;
    const next = random(appid, 'user-summary', day);
    const follows = Math.round(oaScale(appid) * (1 + t / 1_500) * WEEKDAY[new Date(time(day)).getUTCDay()]! * (0.8 + 0.4 * next()));
    const bySource = split(follows, FOLLOW_SOURCES.map((s) => s[1]), next);
    return FOLLOW_SOURCES.map(([source], i) => {
      const newUser = bySource[i]!;
      return { ref_date: day, user_source: source, new_user: newUser, cancel_user: Math.round(newUser * (0.15 + 0.4 * next())) };
    }).filter((row) => row.new_user > 0 || row.cancel_user > 0);
  });
}

/** Real bodies carry user_source 0 here too (the doc example has no user_source). */
export function userCumulate(appid: string, range: string[]) {
  return range.map((day) => {
    const t = (time(day) - OA_EPOCH) / DAY_MS;
    return { ref_date: day, user_source: 0, cumulate_user: 1_000 + Math.round(oaScale(appid) * 0.6 * (t + (t * t) / 3_000)) };
  });
}
