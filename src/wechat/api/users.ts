import pLimit from 'p-limit';
import { z } from 'zod';
import type { AppClient } from '../client.ts';
import { WeChatApiError, WeChatTransportError } from '../errors.ts';
import { parseBody } from '../parse.ts';
import { looseInt, looseString } from '../loose.ts';

/** cgi-bin/user/info/batchget takes at most 100 openids per call. */
export const USER_BATCH_LIMIT = 100;
/** batchblacklist / batchunblacklist take at most 20 openids per call. */
export const BLACKLIST_BATCH_LIMIT = 20;
/** A page of openids (user/get, getblacklist) is never longer than this. */
export const OPENID_PAGE_LIMIT = 10_000;
/** Calls one list of openids keeps in flight at once. */
const CONCURRENT_CALLS = 5;

/**
 * Errcodes that blame one openid of the request (40003 invalid openid, 49003 openid of
 * another appid). WeChat refuses the whole call for one such openid and does not say which.
 */
const PER_OPENID_ERRCODES = new Set([40003, 49003]);

const blankToUndefined = (value: string | null | undefined) => (value ? value : undefined);

/**
 * One entry of user/info or batchget. Since 2021-12-27 nickname, headimgurl, city... are ""
 * (sex 0); an unsubscribed user carries only subscribe, openid, maybe unionid and tagid_list.
 */
const userInfoBody = z.object({
  subscribe: looseInt(),
  openid: z.string().min(1),
  nickname: looseString(undefined),
  sex: looseInt(undefined),
  language: looseString(undefined),
  city: looseString(undefined),
  province: looseString(undefined),
  country: looseString(undefined),
  headimgurl: looseString(undefined),
  subscribe_time: looseInt(undefined),
  unionid: looseString(undefined),
  remark: looseString(undefined),
  tagid_list: z.array(looseInt()).nullish(),
  subscribe_scene: looseString(undefined),
  qr_scene: looseString(undefined),
  qr_scene_str: looseString(undefined),
});

const batchGetBody = z.object({ user_info_list: z.array(userInfoBody).nullish() });

const openidPageBody = z.object({
  total: looseInt(),
  count: looseInt(),
  // Absent when the page is empty (fixture cgi-bin/user/get.json, zero followers).
  data: z.object({ openid: z.array(z.string()).nullish() }).nullish(),
  next_openid: z.string().nullish(),
});

export type UserSex = 'male' | 'female';

export interface WeChatUserInfo {
  openid: string;
  subscribed: boolean;
  unionid?: string;
  nickname?: string;
  sex?: UserSex;
  language?: string;
  city?: string;
  province?: string;
  country?: string;
  headImgUrl?: string;
  /** Unix seconds. */
  subscribeTime?: number;
  remark?: string;
  tagIds: number[];
  /** e.g. ADD_SCENE_QR_CODE. */
  subscribeScene?: string;
  /** Numeric scene of the QR code the user followed through; 32-bit for temporary codes, kept as text. */
  qrScene?: string;
  qrSceneStr?: string;
}

function toUserInfo(body: z.infer<typeof userInfoBody>): WeChatUserInfo {
  const qrScene = body.qr_scene === undefined || body.qr_scene === null ? '' : String(body.qr_scene);
  return {
    openid: body.openid,
    subscribed: body.subscribe === 1,
    // The official doc example's unionid starts with a space (fixture cgi-bin/user/info.json).
    unionid: blankToUndefined(body.unionid?.trim()),
    nickname: blankToUndefined(body.nickname),
    sex: body.sex === 1 ? 'male' : body.sex === 2 ? 'female' : undefined,
    language: blankToUndefined(body.language),
    city: blankToUndefined(body.city),
    province: blankToUndefined(body.province),
    country: blankToUndefined(body.country),
    headImgUrl: blankToUndefined(body.headimgurl),
    subscribeTime: body.subscribe_time || undefined,
    remark: blankToUndefined(body.remark),
    tagIds: body.tagid_list ?? [],
    subscribeScene: blankToUndefined(body.subscribe_scene),
    qrScene: qrScene === '0' ? undefined : blankToUndefined(qrScene),
    qrSceneStr: blankToUndefined(body.qr_scene_str),
  };
}

/** Parses one user/info body (exported for the fixture tests). */
export const parseUserInfo = (body: unknown): WeChatUserInfo => toUserInfo(parseBody('cgi-bin/user/info', userInfoBody, body));

/** Parses one batchget body (exported for the fixture tests). */
export const parseBatchGet = (body: unknown): WeChatUserInfo[] =>
  (parseBody('cgi-bin/user/info/batchget', batchGetBody, body).user_info_list ?? []).map(toUserInfo);

export type Outcome<T> = T | WeChatApiError | WeChatTransportError;

/**
 * Runs `call` over `openids` in chunks of `size` and gives each openid its own outcome. When
 * WeChat refuses a chunk for one openid it does not name (40003/49003), the chunk is halved
 * until the bad openids stand alone, so every other openid still gets its answer.
 */
async function perOpenid<T>(
  openids: readonly string[],
  size: number,
  call: (chunk: string[]) => Promise<Map<string, Outcome<T>>>,
): Promise<Map<string, Outcome<T>>> {
  const outcomes = new Map<string, Outcome<T>>();
  const limit = pLimit(CONCURRENT_CALLS);
  async function settle(chunk: string[]): Promise<void> {
    try {
      for (const [openid, outcome] of await limit(() => call(chunk))) outcomes.set(openid, outcome);
    } catch (error) {
      if (error instanceof WeChatApiError && PER_OPENID_ERRCODES.has(error.errcode) && chunk.length > 1) {
        const half = Math.ceil(chunk.length / 2);
        await Promise.all([settle(chunk.slice(0, half)), settle(chunk.slice(half))]);
        return;
      }
      if (!(error instanceof WeChatApiError || error instanceof WeChatTransportError)) throw error;
      for (const openid of chunk) outcomes.set(openid, error);
    }
  }
  const chunks: string[][] = [];
  for (let i = 0; i < openids.length; i += size) chunks.push(openids.slice(i, i + size));
  await Promise.all(chunks.map(settle));
  return outcomes;
}

/**
 * cgi-bin/user/info/batchget for any number of distinct openids: one call per 100. Unsubscribed
 * users come back as records with `subscribed: false`; an openid WeChat returns no record for
 * gets a `bad_response` error.
 */
export function getUsers(wx: AppClient, openids: readonly string[], signal?: AbortSignal): Promise<Map<string, Outcome<WeChatUserInfo>>> {
  const endpoint = 'cgi-bin/user/info/batchget';
  return perOpenid(openids, USER_BATCH_LIMIT, async (chunk) => {
    const body = await wx.json({
      endpoint,
      method: 'POST',
      json: { user_list: chunk.map((openid) => ({ openid, lang: 'zh_CN' })) },
      retry: 'read',
      signal,
    });
    const found = new Map(parseBatchGet(body).map((user) => [user.openid, user] as const));
    return new Map(chunk.map((openid) => [openid, found.get(openid) ?? new WeChatTransportError(endpoint, 'bad_response', true)] as const));
  });
}

export interface OpenidPage {
  openids: string[];
  total: number;
  hasNextPage: boolean;
}

interface OpenidList {
  endpoint: 'cgi-bin/user/get' | 'cgi-bin/tags/members/getblacklist';
  /**
   * A page this long may be followed by more. getblacklist pages shrank from 10 000 to 1 000
   * between doc versions (fixture cgi-bin/tags/members/getblacklist.json); user/get's are 10 000.
   */
  fullPage: number;
  fetch(wx: AppClient, after: string | undefined, signal?: AbortSignal): Promise<unknown>;
}

const FOLLOWERS: OpenidList = {
  endpoint: 'cgi-bin/user/get',
  fullPage: 10_000,
  fetch: (wx, after, signal) =>
    wx.json({ endpoint: 'cgi-bin/user/get', method: 'GET', query: { next_openid: after ?? '' }, retry: 'read', signal }),
};

const BLACKLIST: OpenidList = {
  endpoint: 'cgi-bin/tags/members/getblacklist',
  fullPage: 1_000,
  fetch: (wx, after, signal) =>
    wx.json({ endpoint: 'cgi-bin/tags/members/getblacklist', method: 'POST', json: { begin_openid: after ?? '' }, retry: 'read', signal }),
};

/**
 * Up to `first` openids after `after` (the openid that ended the previous page). WeChat's
 * next_openid is the last openid of the page it returned, even on the last page (fixture
 * cgi-bin/user/get.json), and "" only once nothing is left; so a page shorter than a full one
 * ends the list, and a full one may be followed by an empty one.
 */
async function listOpenids(list: OpenidList, wx: AppClient, first: number, after: string | undefined, signal?: AbortSignal): Promise<OpenidPage> {
  const openids: string[] = [];
  let cursor = after;
  let total = 0;
  for (;;) {
    const page = parseBody(list.endpoint, openidPageBody, await list.fetch(wx, cursor, signal));
    const got = page.data?.openid ?? [];
    total = page.total;
    openids.push(...got);
    const more = got.length > 0 && !!page.next_openid && got.length >= list.fullPage;
    if (openids.length > first) return { openids: openids.slice(0, first), total, hasNextPage: true };
    if (!more) return { openids, total, hasNextPage: false };
    if (openids.length === first) return { openids, total, hasNextPage: true };
    cursor = page.next_openid!;
  }
}

/** cgi-bin/user/get: the app's followers, 10 000 per call. */
export const listFollowers = (wx: AppClient, first: number, after?: string, signal?: AbortSignal) => listOpenids(FOLLOWERS, wx, first, after, signal);

/** cgi-bin/tags/members/getblacklist: users the app has blocked. */
export const listBlacklist = (wx: AppClient, first: number, after?: string, signal?: AbortSignal) => listOpenids(BLACKLIST, wx, first, after, signal);

/**
 * batchblacklist / batchunblacklist, 20 openids per call. Blocking is idempotent, so a call that
 * may have arrived is safe to repeat.
 */
function changeBlacklist(endpoint: string, wx: AppClient, openids: readonly string[], signal?: AbortSignal): Promise<Map<string, Outcome<true>>> {
  return perOpenid<true>(openids, BLACKLIST_BATCH_LIMIT, async (chunk) => {
    await wx.json({ endpoint, method: 'POST', json: { openid_list: chunk }, retry: 'read', signal });
    return new Map(chunk.map((openid) => [openid, true] as const));
  });
}

export const blockUsers = (wx: AppClient, openids: readonly string[], signal?: AbortSignal) =>
  changeBlacklist('cgi-bin/tags/members/batchblacklist', wx, openids, signal);

export const unblockUsers = (wx: AppClient, openids: readonly string[], signal?: AbortSignal) =>
  changeBlacklist('cgi-bin/tags/members/batchunblacklist', wx, openids, signal);

/** cgi-bin/user/info/updateremark; "" clears the remark. Setting the same remark twice is harmless. */
export async function updateUserRemark(wx: AppClient, openid: string, remark: string, signal?: AbortSignal): Promise<void> {
  await wx.json({ endpoint: 'cgi-bin/user/info/updateremark', method: 'POST', json: { openid, remark }, retry: 'read', signal });
}
