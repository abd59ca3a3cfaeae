import type { EmulatorApp, EmulatorState } from '../state.ts';
import { text, type RouteDef, type TokenRoute } from '../route.ts';
import { BLACKLIST_PAGE, FOLLOWERS_PAGE, REMARK_MAX_WIDTH, remarkWidth, usersOf } from '../users-state.ts';
import { wechatError, type WeChatErrorBody } from '../wechat-errors.ts';

const BATCHGET_LIMIT = 100;
const BLACKLIST_CHANGE_LIMIT = 20;


/** 49003 for an openid of another app the emulator serves, 40003 for anything else. */
function unknownOpenid(state: EmulatorState, app: EmulatorApp, openid: string): WeChatErrorBody {
  const foreign = state.apps.some((other) => other.appid !== app.appid && other.kind === 'officialAccount' && usersOf(state, other).indexOf(openid) !== undefined);
  return wechatError(foreign ? 'openidOfAnotherApp' : 'invalidOpenid');
}

type Resolved = { ok: true; indexes: number[] } | { ok: false; error: WeChatErrorBody };

/** Every openid must belong to the app; one that does not fails the whole call, as WeChat does. */
function resolveAll(state: EmulatorState, app: EmulatorApp, openids: string[]): Resolved {
  const users = usersOf(state, app);
  const indexes: number[] = [];
  for (const openid of openids) {
    const index = users.indexOf(openid);
    if (index === undefined) return { ok: false, error: unknownOpenid(state, app, openid) };
    indexes.push(index);
  }
  return { ok: true, indexes };
}

function openidList(value: unknown, limit: number): string[] | WeChatErrorBody {
  if (!Array.isArray(value)) return wechatError('dataFormat');
  if (value.length === 0 || value.length > limit) return wechatError('invalidOpenidListSize');
  if (!value.every((openid) => typeof openid === 'string')) return wechatError('dataFormat');
  return value as string[];
}

function changeBlacklist(change: 'block' | 'unblock'): TokenRoute['handle'] {
  return ({ json, state, app }) => {
    const openids = openidList(json.openid_list, BLACKLIST_CHANGE_LIMIT);
    if (!Array.isArray(openids)) return openids;
    const resolved = resolveAll(state, app, openids);
    if (!resolved.ok) return resolved.error;
    const users = usersOf(state, app);
    openids.forEach((openid, i) => (change === 'block' ? users.block(openid, resolved.indexes[i]!) : users.unblock(openid)));
    return { errcode: 0, errmsg: 'ok' };
  };
}

/** Official Account users: profiles, followers, blacklist and remarks over a generated population. */
export const usersRoutes: RouteDef[] = [
  {
    path: 'cgi-bin/user/info',
    auth: 'access_token',
    kinds: ['officialAccount'],
    handle({ query, state, app }) {
      const openid = text(query.get('openid'));
      if (!openid) return wechatError('invalidOpenid');
      const resolved = resolveAll(state, app, [openid]);
      return resolved.ok ? usersOf(state, app).record(resolved.indexes[0]!) : resolved.error;
    },
  },
  {
    path: 'cgi-bin/user/info/batchget',
    method: 'POST',
    auth: 'access_token',
    kinds: ['officialAccount'],
    handle({ json, state, app }) {
      const list = json.user_list;
      if (!Array.isArray(list)) return wechatError('dataFormat');
      if (list.length === 0 || list.length > BATCHGET_LIMIT) return wechatError('invalidOpenidListSize');
      const openids = list.map((entry: unknown) => text((entry as { openid?: unknown } | null)?.openid));
      if (openids.some((openid) => openid === undefined)) return wechatError('dataFormat');
      const resolved = resolveAll(state, app, openids as string[]);
      if (!resolved.ok) return resolved.error;
      const users = usersOf(state, app);
      return { user_info_list: resolved.indexes.map((index) => users.record(index)) };
    },
  },
  {
    path: 'cgi-bin/user/get',
    auth: 'access_token',
    kinds: ['officialAccount'],
    handle({ query, state, app }) {
      const users = usersOf(state, app);
      const next = text(query.get('next_openid'));
      const after = next === undefined ? -1 : users.indexOf(next);
      if (after === undefined) return wechatError('invalidOpenid');
      const page = users.followersAfter(after, FOLLOWERS_PAGE);
      // No `data` key at all on an empty page (fixture cgi-bin/user/get.json, zero followers).
      if (page.length === 0) return { total: users.followerCount, count: 0, next_openid: '' };
      return { total: users.followerCount, data: { openid: page }, count: page.length, next_openid: page[page.length - 1] };
    },
  },
  {
    path: 'cgi-bin/tags/members/getblacklist',
    method: 'POST',
    auth: 'access_token',
    kinds: ['officialAccount'],
    handle({ json, state, app }) {
      const users = usersOf(state, app);
      const begin = json.begin_openid;
      if (begin !== undefined && typeof begin !== 'string') return wechatError('dataFormat');
      const page = users.blacklistAfter(begin || undefined, BLACKLIST_PAGE);
      if (!page) return wechatError('invalidOpenid');
      if (page.length === 0) return { total: users.blacklistSize, count: 0, next_openid: '' };
      return { total: users.blacklistSize, count: page.length, data: { openid: page }, next_openid: page[page.length - 1] };
    },
  },
  {
    path: 'cgi-bin/tags/members/batchblacklist',
    method: 'POST',
    auth: 'access_token',
    kinds: ['officialAccount'],
    handle: changeBlacklist('block'),
  },
  {
    path: 'cgi-bin/tags/members/batchunblacklist',
    method: 'POST',
    auth: 'access_token',
    kinds: ['officialAccount'],
    handle: changeBlacklist('unblock'),
  },
  {
    path: 'cgi-bin/user/info/updateremark',
    method: 'POST',
    auth: 'access_token',
    kinds: ['officialAccount'],
    handle({ json, state, app }) {
      const openid = text(json.openid);
      const remark = json.remark;
      if (!openid) return wechatError('invalidOpenid');
      if (typeof remark !== 'string') return wechatError('dataFormat');
      const resolved = resolveAll(state, app, [openid]);
      if (!resolved.ok) return resolved.error;
      if (remarkWidth(remark) > REMARK_MAX_WIDTH) return wechatError('invalidRemark');
      usersOf(state, app).setRemark(resolved.indexes[0]!, remark);
      return { errcode: 0, errmsg: 'ok' };
    },
  },
];
