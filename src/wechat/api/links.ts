import { z } from 'zod';
import type { AppClient } from '../client.ts';
import { parseBody } from '../parse.ts';
import { WeChatApiError, WeChatTransportError } from '../errors.ts';
import type { EnvVersion } from './qrcode.ts';

/**
 * When a scheme or URL link stops working. WeChat caps both forms at 30 days (85401) and no
 * longer issues permanent ones: `is_expire: false` now also yields a 30-day link.
 */
export type LinkExpiry = { type: 'time'; at: Date } | { type: 'interval'; days: number };

export interface JumpTarget {
  /** A released page without query; absent: the home page. */
  path?: string;
  query?: string;
  envVersion: EnvVersion;
}

/** Seconds since the epoch; WeChat sends them as numbers, some SDK samples as strings. */
const seconds = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);
const optionalText = z.string().optional().catch(undefined);

const linkInfo = z.object({
  appid: optionalText,
  path: optionalText,
  query: optionalText,
  // Absent for plain-text schemes (fixture wxa/queryscheme.json §5.2).
  create_time: seconds.optional().catch(undefined),
  expire_time: seconds.optional().catch(undefined),
  env_version: optionalText,
});

const schemeQueryBody = z.object({ scheme_info: linkInfo, visit_openid: optionalText });
const urlLinkQueryBody = z.object({ url_link_info: linkInfo, visit_openid: optionalText });

function expiryBody(expiry: LinkExpiry) {
  return expiry.type === 'time'
    ? { expire_type: 0, expire_time: Math.floor(expiry.at.getTime() / 1000) }
    : { expire_type: 1, expire_interval: expiry.days };
}

/** What WeChat remembers about a scheme or URL link. */
export interface LinkInfo {
  appid?: string;
  path?: string;
  query?: string;
  createdAt?: Date;
  /** Undefined when WeChat reports 0 or nothing (no expiry). */
  expiresAt?: Date;
  envVersion?: string;
  /** The user who opened it, when WeChat says. */
  visitOpenid?: string;
}

function toInfo(info: z.infer<typeof linkInfo>, visitOpenid: string | undefined): LinkInfo {
  const date = (value: number | undefined) => (value ? new Date(value * 1000) : undefined);
  return {
    appid: info.appid || undefined,
    path: info.path ?? '',
    query: info.query ?? '',
    createdAt: date(info.create_time),
    expiresAt: date(info.expire_time),
    envVersion: info.env_version || undefined,
    visitOpenid: visitOpenid || undefined,
  };
}

/** 85403: no such scheme or link (or not this app's). */
async function unlessNotFound<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof WeChatApiError && error.errcode === 85403) return undefined;
    throw error;
  }
}

/**
 * wxa/generatescheme: each call mints a new scheme and counts against the daily 500 000
 * (schemes + URL links), so a call that may have arrived is not repeated.
 */
export async function generateUrlScheme(
  wx: AppClient,
  req: JumpTarget & { expiry: LinkExpiry },
  signal?: AbortSignal,
): Promise<string> {
  const endpoint = 'wxa/generatescheme';
  const body = await wx.json({
    endpoint,
    method: 'POST',
    json: {
      jump_wxa: { path: req.path ?? '', query: req.query ?? '', env_version: req.envVersion },
      is_expire: true,
      ...expiryBody(req.expiry),
    },
    retry: 'unsent',
    signal,
  });
  return parseBody(endpoint, z.object({ openlink: z.string().min(1) }), body).openlink;
}

/** wxa/queryscheme (no underscore, unlike query_urllink). Undefined for an unknown scheme. */
export async function queryUrlScheme(wx: AppClient, scheme: string, signal?: AbortSignal): Promise<LinkInfo | undefined> {
  const endpoint = 'wxa/queryscheme';
  const body = await unlessNotFound(wx.json({ endpoint, method: 'POST', json: { scheme, query_type: 0 }, retry: 'read', signal }));
  if (body === undefined) return undefined;
  const parsed = parseBody(endpoint, schemeQueryBody, body);
  return toInfo(parsed.scheme_info, parsed.visit_openid);
}

/** wxa/generate_urllink: same daily budget as schemes; not repeated once it may have arrived. */
export async function generateUrlLink(wx: AppClient, req: JumpTarget & { expiry: LinkExpiry }, signal?: AbortSignal): Promise<string> {
  const endpoint = 'wxa/generate_urllink';
  const body = await wx.json({
    endpoint,
    method: 'POST',
    json: { path: req.path ?? '', query: req.query ?? '', env_version: req.envVersion, ...expiryBody(req.expiry) },
    retry: 'unsent',
    signal,
  });
  return parseBody(endpoint, z.object({ url_link: z.string().min(1) }), body).url_link;
}

/** wxa/query_urllink. Undefined for an unknown link. The cloud_base block (`doamin` in the docs) is not read. */
export async function queryUrlLink(wx: AppClient, urlLink: string, signal?: AbortSignal): Promise<LinkInfo | undefined> {
  const endpoint = 'wxa/query_urllink';
  const body = await unlessNotFound(wx.json({ endpoint, method: 'POST', json: { url_link: urlLink, query_type: 0 }, retry: 'read', signal }));
  if (body === undefined) return undefined;
  const parsed = parseBody(endpoint, urlLinkQueryBody, body);
  return toInfo(parsed.url_link_info, parsed.visit_openid);
}

export interface ShortLinkRequest {
  /** A page with optional query, e.g. `pages/product/detail?id=7`. */
  pageUrl: string;
  pageTitle?: string;
  /** Permanent links count against 100 000 per app for ever (85400); temporary ones live 30 days. */
  permanent: boolean;
}

/**
 * wxa/genwxashortlink. The link is not a URL: `#小程序://<name>/<token>` (fixture observed values).
 * Not repeated once it may have arrived: a permanent link spends a lifetime quota.
 */
export async function generateShortLink(wx: AppClient, req: ShortLinkRequest, signal?: AbortSignal): Promise<string> {
  const endpoint = 'wxa/genwxashortlink';
  const body = await wx.json({
    endpoint,
    method: 'POST',
    json: { page_url: req.pageUrl, page_title: req.pageTitle ?? '', is_permanent: req.permanent },
    retry: 'unsent',
    signal,
  });
  return parseBody(endpoint, z.object({ link: z.string().min(1) }), body).link;
}
