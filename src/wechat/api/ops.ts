import { chinaDay, chinaMidnight } from '../china-time.ts';
import { z } from 'zod';
import type { AppClient } from '../client.ts';
import { listOf, parseBody } from '../parse.ts';
import { looseInt, looseNumber, looseString } from '../loose.ts';

interface IpList {
  ip_list?: string[];
}

/** IPs (and CIDR blocks) WeChat's API domain resolves to; for outbound firewall rules. */
export async function getApiDomainIp(wx: AppClient, signal?: AbortSignal): Promise<string[]> {
  const body = await wx.json<IpList>({ endpoint: 'cgi-bin/get_api_domain_ip', method: 'GET', retry: 'read', signal });
  return body.ip_list ?? [];
}

/** IPs (and CIDR blocks) WeChat pushes from; for inbound webhook allowlists. */
export async function getCallbackIp(wx: AppClient, signal?: AbortSignal): Promise<string[]> {
  const body = await wx.json<IpList>({ endpoint: 'cgi-bin/getcallbackip', method: 'GET', retry: 'read', signal });
  return body.ip_list ?? [];
}

const quotaBody = z.object({
  quota: z.object({ daily_limit: looseInt(), used: looseInt(), remain: looseInt() }),
  rate_limit: z.object({ call_count: looseInt(), refresh_second: looseInt() }).optional(),
});

export interface ApiQuota {
  dailyLimit: number;
  used: number;
  remain: number;
  rateLimit?: { callCount: number; refreshSeconds: number };
}

/** cgi-bin/openapi/quota/get: today's quota of one API path (e.g. "/cgi-bin/message/custom/send"). */
export async function getApiQuota(wx: AppClient, cgiPath: string, signal?: AbortSignal): Promise<ApiQuota> {
  const endpoint = 'cgi-bin/openapi/quota/get';
  const body = parseBody(endpoint, quotaBody, await wx.json({ endpoint, method: 'POST', json: { cgi_path: cgiPath }, retry: 'read', signal }));
  return {
    dailyLimit: body.quota.daily_limit,
    used: body.quota.used,
    remain: body.quota.remain,
    rateLimit: body.rate_limit && { callCount: body.rate_limit.call_count, refreshSeconds: body.rate_limit.refresh_second },
  };
}

const ridBody = z.object({
  request: z.object({
    invoke_time: looseNumber(),
    cost_in_ms: looseNumber(),
    request_url: z.string().default(''),
    request_body: z.string().default(''),
    response_body: z.string().default(''),
    client_ip: z.string().optional(),
  }),
});

export interface RequestInfo {
  invokedAt: Date;
  costMs: number;
  requestUrl: string;
  requestBody: string;
  responseBody: string;
  clientIp?: string;
}

/** Strips credentials WeChat may echo back in a logged request URL. */
const scrub = (url: string) => url.replace(/((?:access_token|secret|appsecret)=)[^&#\s"]*/gi, '$1[redacted]');

/** cgi-bin/openapi/rid/get: what WeChat recorded about a failed call, by the rid in its errmsg. */
export async function getRequestInfo(wx: AppClient, rid: string, signal?: AbortSignal): Promise<RequestInfo> {
  const endpoint = 'cgi-bin/openapi/rid/get';
  const { request } = parseBody(endpoint, ridBody, await wx.json({ endpoint, method: 'POST', json: { rid }, retry: 'read', signal }));
  return {
    invokedAt: new Date(request.invoke_time * 1000),
    costMs: request.cost_in_ms,
    requestUrl: scrub(request.request_url),
    requestBody: scrub(request.request_body),
    responseBody: request.response_body,
    clientIp: request.client_ip,
  };
}

// ---------------------------------------------------------------------------------------------
// Realtime logs (wxaapi/userlog/userlog_search, operation.realtimelogSearch): what the mini
// program wrote with wx.getRealtimeLogManager(), searchable for the last 7 days.

/** WeChat's log levels, as the bits of `level` (doc: 2 Info, 4 Warn, 8 Error). */
export const REALTIME_LOG_LEVELS = { info: 2, warn: 4, error: 8 } as const;
export type RealtimeLogLevel = keyof typeof REALTIME_LOG_LEVELS;

/** `platform` per the operation.realtimelogSearch doc: "1 安卓 2 IOS". */
export type RealtimeLogPlatform = 'android' | 'ios' | 'other';
const PLATFORMS: Record<number, RealtimeLogPlatform> = { 1: 'android', 2: 'ios' };

/** How many China-time days WeChat keeps realtime logs for, today included ("仅支持最近7天"). */
export const REALTIME_LOG_DAYS = 7;
/** The gateway's own page cap: the doc states a default (20) but no maximum. */
export const REALTIME_LOG_MAX_LIMIT = 100;

/** A calendar day `YYYY-MM-DD` (China time). */
export type ChinaDay = string;


/** The days realtime logs can be searched for: today in China and the 6 days before. */
export function realtimeLogDays(now: number = Date.now()): { first: ChinaDay; last: ChinaDay } {
  return { first: chinaDay(now, -(REALTIME_LOG_DAYS - 1)), last: chinaDay(now) };
}

export interface RealtimeLogSearch {
  day: ChinaDay;
  /** Defaults to the start of `day` (China time). */
  from?: Date | null;
  /** Defaults to the last second of `day` (China time). */
  to?: Date | null;
  offset: number;
  limit: number;
  traceId?: string | null;
  page?: string | null;
  openid?: string | null;
  filterMessage?: string | null;
  minLevel?: RealtimeLogLevel | null;
}

/** The rule a search breaks, worded for the caller, or undefined when WeChat will accept it. */
export function realtimeLogSearchProblem(search: RealtimeLogSearch, now: number = Date.now()): { field: string; message: string } | undefined {
  const { first, last } = realtimeLogDays(now);
  if (search.day < first || search.day > last)
    return {
      field: 'date',
      message: `date (${search.day}) is outside the last ${REALTIME_LOG_DAYS} days: WeChat keeps realtime logs from ${first} to ${last} (today, China time, UTC+8).`,
    };
  const start = chinaMidnight(search.day).getTime();
  const end = start + 86_400_000;
  for (const field of ['from', 'to'] as const) {
    const value = search[field];
    if (value && (value.getTime() < start || value.getTime() >= end))
      return {
        field,
        message: `${field} (${value.toISOString()}) is not on ${search.day}: from and to must fall inside date (China time, ${new Date(start).toISOString()} to ${new Date(end - 1000).toISOString()}).`,
      };
  }
  if (search.from && search.to && search.from.getTime() > search.to.getTime())
    return { field: 'from', message: `from (${search.from.toISOString()}) is after to (${search.to.toISOString()}).` };
  if (!Number.isInteger(search.offset) || search.offset < 0) return { field: 'offset', message: 'offset must be 0 or more.' };
  if (!Number.isInteger(search.limit) || search.limit < 1 || search.limit > REALTIME_LOG_MAX_LIMIT)
    return { field: 'limit', message: `limit must be between 1 and ${REALTIME_LOG_MAX_LIMIT}.` };
  return undefined;
}

/** Any JSON value as text: a log argument may be a string, a number or an object. */
const logText = z.unknown().transform((value) => (typeof value === 'string' ? value : JSON.stringify(value) ?? ''));
const text = looseString('');
const int = (fallback: number) => looseInt(fallback);

// 'msg' is overloaded: list[].msg holds message objects, each of which holds msg: string[].
const realtimeLogMessageBody = z.object({ time: looseNumber(), level: int(0), msg: listOf(logText) });
const realtimeLogItemBody = z.object({
  level: int(0),
  platform: int(0),
  // camelCase and lower-case keys side by side in one body (fixture wxaapi/userlog/userlog_search.json).
  libraryVersion: text,
  clientVersion: text,
  id: text,
  timestamp: looseNumber(),
  msg: listOf(realtimeLogMessageBody),
  url: text,
  traceid: text,
  filterMsg: text,
});
const realtimeLogBody = z.object({
  data: z.preprocess((value) => value ?? {}, z.object({ list: listOf(realtimeLogItemBody), total: looseInt(undefined) })),
});

export interface RealtimeLogMessage {
  loggedAt: Date;
  /** Null when WeChat sends a level outside 2/4/8. */
  level: RealtimeLogLevel | null;
  texts: string[];
}

export interface RealtimeLogEntry {
  /** The levels of its messages (WeChat's `level` is their bitwise OR). */
  levels: RealtimeLogLevel[];
  /** WeChat's bitmask as sent. */
  levelMask: number;
  platform: RealtimeLogPlatform;
  platformCode: number;
  libraryVersion: string;
  clientVersion: string;
  openid: string;
  loggedAt: Date;
  page: string;
  traceId: string;
  filterMessage: string | null;
  messages: RealtimeLogMessage[];
}

export interface RealtimeLogPage {
  /** Entries matching the search in all (WeChat's `data.total`), not only this page. */
  total: number;
  entries: RealtimeLogEntry[];
}

const USERLOG_SEARCH = 'wxaapi/userlog/userlog_search';

/** The levels whose bits are set in a WeChat `level` mask, lowest first. */
export const levelsOf = (mask: number): RealtimeLogLevel[] =>
  (Object.keys(REALTIME_LOG_LEVELS) as RealtimeLogLevel[]).filter((level) => (mask & REALTIME_LOG_LEVELS[level]) !== 0);

const secondsToDate = (seconds: number) => new Date(seconds * 1000);

/** Parses a userlog_search success body (exported for tests against the fixture). */
export function parseRealtimeLogs(body: unknown): RealtimeLogPage {
  const { data } = parseBody(USERLOG_SEARCH, realtimeLogBody, body);
  const entries = data.list.map(
    (item): RealtimeLogEntry => ({
      levels: levelsOf(item.level),
      levelMask: item.level,
      platform: PLATFORMS[item.platform] ?? 'other',
      platformCode: item.platform,
      libraryVersion: item.libraryVersion,
      clientVersion: item.clientVersion,
      openid: item.id,
      loggedAt: secondsToDate(item.timestamp),
      page: item.url,
      traceId: item.traceid,
      filterMessage: item.filterMsg || null,
      messages: item.msg.map((message) => ({
        loggedAt: secondsToDate(message.time),
        // A message has one level; the highest bit wins should WeChat ever send a mask here.
        level: levelsOf(message.level).at(-1) ?? null,
        texts: message.msg,
      })),
    }),
  );
  return { total: Math.max(data.total ?? entries.length, entries.length), entries };
}

/**
 * wxaapi/userlog/userlog_search. The search must satisfy `realtimeLogSearchProblem`. Success
 * is errcode 0 with errmsg "" (not "ok").
 */
export async function searchRealtimeLogs(wx: AppClient, search: RealtimeLogSearch, signal?: AbortSignal): Promise<RealtimeLogPage> {
  const start = chinaMidnight(search.day).getTime();
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
  const body = await wx.json({
    endpoint: USERLOG_SEARCH,
    // The current doc lists these under "Request Payload", yet the call is a GET: SDKs send a query.
    method: 'GET',
    query: {
      date: search.day.replaceAll('-', ''),
      begintime: search.from ? seconds(search.from) : start / 1000,
      endtime: search.to ? seconds(search.to) : start / 1000 + 86_399,
      start: search.offset,
      limit: search.limit,
      traceId: search.traceId ?? undefined,
      url: search.page ?? undefined,
      id: search.openid ?? undefined,
      filterMsg: search.filterMessage ?? undefined,
      // "returns logs at or above level": 4 gives Warn and Error.
      level: search.minLevel ? REALTIME_LOG_LEVELS[search.minLevel] : undefined,
    },
    retry: 'read',
    signal,
  });
  return parseRealtimeLogs(body);
}
