import { linksState, token, type LinkRecord } from '../links-state.ts';
import { isReleasedPage } from '../qrcode-state.ts';
import type { EmulatorApp } from '../state.ts';
import type { RouteDef } from '../route.ts';
import { rid } from '../wechat-errors.ts';

const ENV_VERSIONS = new Set(['release', 'trial', 'develop']);
const QUERY_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~%]*$/;
const MAX_SECONDS = 30 * 86_400;

/** errmsg texts from the docs' errcode tables (fixtures wxa/generatescheme.json and siblings). */
const fail = (errcode: number, errmsg: string) => ({ errcode, errmsg: `${errmsg} rid: ${rid()}` });
const invalidArgs = () => fail(40097, 'invalid args');
const invalidPage = () => fail(40165, 'invalid weapp pagepath');
const invalidQuery = () => fail(40212, 'invalid query');
const timeLimit = () => fail(85401, 'time limit between 1min and 30days');
const invalidEnv = () => fail(85402, 'invalid env_version');
const notFound = () => fail(85403, 'not found');

const nowSeconds = () => Math.floor(Date.now() / 1000);

type Target = { ok: true; record: LinkRecord } | { ok: false; error: object };

/**
 * The target and expiry of a scheme or URL link. `is_expire: false` (or absent) no longer makes
 * a permanent link: WeChat gives 30 days; with an expiry, 1 minute .. 30 days (85401).
 */
function target(app: EmulatorApp, jump: Record<string, unknown>, expiry: Record<string, unknown>): Target {
  const { path = '', query = '', env_version = 'release' } = jump;
  if (typeof path !== 'string' || typeof query !== 'string' || typeof env_version !== 'string') return { ok: false, error: invalidArgs() };
  if (path !== '' && (path.includes('?') || !isReleasedPage(path))) return { ok: false, error: invalidPage() };
  if (query.length > 1024 || !QUERY_CHARS.test(query)) return { ok: false, error: invalidQuery() };
  if (!ENV_VERSIONS.has(env_version)) return { ok: false, error: invalidEnv() };

  const now = nowSeconds();
  let expireTime = now + MAX_SECONDS;
  const type = expiry.expire_type ?? (expiry.is_expire === true ? 0 : undefined);
  if (type === 0) {
    const at = expiry.expire_time;
    if (typeof at !== 'number') return { ok: false, error: invalidArgs() };
    if (at < now + 60 || at > now + MAX_SECONDS) return { ok: false, error: timeLimit() };
    expireTime = at;
  } else if (type === 1) {
    const days = expiry.expire_interval;
    if (typeof days !== 'number' || !Number.isInteger(days)) return { ok: false, error: invalidArgs() };
    if (days < 1 || days > 30) return { ok: false, error: timeLimit() };
    expireTime = now + days * 86_400;
  } else if (type !== undefined) return { ok: false, error: invalidArgs() };

  return {
    ok: true,
    record: { appid: app.appid, path: path.replace(/^\//, ''), query, envVersion: env_version, createTime: now, expireTime },
  };
}

const info = (record: LinkRecord, query: string | null) => ({
  appid: record.appid,
  path: record.path,
  // `cq` is query the developer appended to the link itself (fixture wxa/queryscheme.json §5.1).
  query: query ?? record.query,
  create_time: record.createTime,
  expire_time: record.expireTime,
  env_version: record.envVersion,
});

function parseUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** URL scheme, URL link and short link: generate, and read back what was generated. */
export const linksRoutes: RouteDef[] = [
  {
    path: 'wxa/generatescheme',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      const jump = json.jump_wxa ?? {};
      if (typeof jump !== 'object' || jump === null) return invalidArgs();
      const made = target(app, jump as Record<string, unknown>, json);
      if (!made.ok) return made.error;
      const t = token(11);
      linksState(state).schemes.set(t, made.record);
      return { errcode: 0, errmsg: 'ok', openlink: `weixin://dl/business/?t=${t}` };
    },
  },
  {
    path: 'wxa/queryscheme',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      if (json.query_type === 1) return { errcode: 0, errmsg: 'ok', quota_info: { remain_visit_quota: 1_000_000 } };
      const url = parseUrl(json.scheme);
      if (!url || url.protocol !== 'weixin:' || !url.href.startsWith('weixin://dl/business/')) return invalidArgs();
      const t = url.searchParams.get('t');
      if (t === null) {
        // A plain-text scheme: WeChat stores nothing, so no create_time or expire_time (§5.2).
        if (url.searchParams.get('appid') !== app.appid) return notFound();
        return {
          errcode: 0,
          errmsg: 'ok',
          scheme_info: {
            appid: app.appid,
            path: url.searchParams.get('path') ?? '',
            query: url.searchParams.get('query') ?? '',
            env_version: url.searchParams.get('env_version') ?? 'release',
          },
        };
      }
      const record = linksState(state).schemes.get(t);
      if (!record || record.appid !== app.appid) return notFound();
      return { errcode: 0, errmsg: 'ok', scheme_info: info(record, url.searchParams.get('cq')) };
    },
  },
  {
    path: 'wxa/generate_urllink',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      const made = target(app, json, json);
      if (!made.ok) return made.error;
      const t = token(11);
      linksState(state).urlLinks.set(t, made.record);
      return { errcode: 0, errmsg: 'ok', url_link: `https://wxaurl.cn/${t}` };
    },
  },
  {
    path: 'wxa/query_urllink',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      if (json.query_type === 1) return { errcode: 0, errmsg: 'ok', quota_info: { remain_visit_quota: 1_000_000 } };
      const url = parseUrl(json.url_link);
      if (!url || url.protocol !== 'https:' || url.hostname !== 'wxaurl.cn') return invalidArgs();
      const record = linksState(state).urlLinks.get(url.pathname.slice(1));
      if (!record || record.appid !== app.appid) return notFound();
      // The current doc spells cloud_base's key `doamin` (sic); kept as the doc has it.
      const cloud_base = { env: '', doamin: '', path: '', query: '', resource_appid: '' };
      return { errcode: 0, errmsg: 'ok', url_link_info: { ...info(record, url.searchParams.get('cq')), cloud_base } };
    },
  },
  {
    path: 'wxa/genwxashortlink',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      const { page_url, page_title = '', is_permanent = false } = json;
      if (typeof page_url !== 'string' || page_url.length > 1024 || !isReleasedPage(page_url)) return fail(40066, 'invalid url');
      if (typeof page_title !== 'string') return fail(40225, 'invalid page title');
      if (typeof is_permanent !== 'boolean') return invalidArgs();
      if (is_permanent && !linksState(state).takePermanent(app.appid)) return fail(85400, 'reach max long time quota limit');
      // Real links are not URLs: '#小程序://<name>/<15 characters>' (fixture observed_link_values).
      return { errcode: 0, errmsg: 'ok', link: `#小程序://模拟小程序/${token(15)}` };
    },
  },
];
