import { createHash, randomBytes } from 'node:crypto';
import { RawReply, text, type RouteDef } from '../route.ts';
import type { EmulatorState } from '../state.ts';
import { rid, wechatError } from '../wechat-errors.ts';

/**
 * Official Account web authorization (网页授权), both hosts of it: the authorize page that
 * open.weixin.qq.com serves to the user's browser (here on the emulator's own host), and the
 * sns/* API the server calls. Codes live 5 minutes and work once; web access tokens 7200 s.
 */

const CODE_TTL_MS = 5 * 60_000;
const WEB_TOKEN_TTL_S = 7200;
const SCOPES = ['snsapi_base', 'snsapi_userinfo'] as const;
type Scope = (typeof SCOPES)[number];
/** Who signs in when the link names nobody (`emulator_user`, an emulator-only parameter). */
const DEFAULT_USER = 'h5-user';

interface Grant {
  appid: string;
  user: string;
  openid: string;
  scope: Scope;
}

class OAuthState {
  codes = new Map<string, Grant & { issuedAt: number; used: boolean }>();
  tokens = new Map<string, Grant & { expiresAt: number }>();
  refreshTokens = new Map<string, Grant>();
}

const oauth = (state: EmulatorState) => state.domain('oauth', () => new OAuthState());

const token = () => randomBytes(48).toString('base64url');

function issueToken(state: EmulatorState, grant: Grant, refreshToken?: string) {
  const accessToken = token();
  oauth(state).tokens.set(accessToken, { ...grant, expiresAt: Date.now() + WEB_TOKEN_TTL_S * 1000 });
  const refresh = refreshToken ?? token();
  oauth(state).refreshTokens.set(refresh, grant);
  const user = state.user(grant.appid, grant.user);
  return { access_token: accessToken, expires_in: WEB_TOKEN_TTL_S, refresh_token: refresh, openid: grant.openid, scope: grant.scope, unionid: user.unionid };
}

/** WeChat shows its own error page in the browser for a bad link; the message names the parameter. */
const errorPage = (message: string) =>
  new RawReply('text/html; charset=utf-8', `<!doctype html><html><head><meta charset="utf-8"><title>微信授权</title></head><body><h1>Oops! Something went wrong:(</h1><p>${message}</p></body></html>`, 400);

function redirectBack(redirectUri: string, params: Record<string, string>): RawReply {
  const query = new URLSearchParams(params).toString();
  const location = `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${query}`;
  return new RawReply('text/html; charset=utf-8', '', 302, { location });
}

interface AuthorizeRequest {
  appid: string;
  redirectUri: string;
  scope: Scope;
  state: string;
  user: string;
}

function readAuthorize(query: URLSearchParams, state: EmulatorState): AuthorizeRequest | RawReply {
  const appid = text(query.get('appid'));
  const app = appid ? state.app(appid) : undefined;
  if (!appid || !app || app.kind !== 'officialAccount') return errorPage('appid 参数错误 (no Official Account with this appid)');
  const redirectUri = text(query.get('redirect_uri'));
  if (!redirectUri || !/^https?:\/\/[^/?#]+/i.test(redirectUri)) return errorPage('redirect_uri 参数错误 (10003)');
  if (query.get('response_type') !== 'code') return errorPage('response_type 参数错误');
  const scope = query.get('scope');
  if (!SCOPES.includes(scope as Scope)) return errorPage('scope 参数错误或没有 scope 权限 (10005)');
  return { appid, redirectUri, scope: scope as Scope, state: query.get('state') ?? '', user: text(query.get('emulator_user')) ?? DEFAULT_USER };
}

function grantCode(state: EmulatorState, request: AuthorizeRequest): RawReply {
  const code = randomBytes(16).toString('hex');
  const { openid } = state.user(request.appid, request.user);
  oauth(state).codes.set(code, { appid: request.appid, user: request.user, openid, scope: request.scope, issuedAt: Date.now(), used: false });
  return redirectBack(request.redirectUri, { code, state: request.state });
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Web access tokens are per user: 40001 unknown, 42001 expired, 40003 another user's openid. */
function checkWebToken(state: EmulatorState, query: URLSearchParams) {
  const accessToken = text(query.get('access_token'));
  if (!accessToken) return { error: wechatError('accessTokenMissing') };
  const record = oauth(state).tokens.get(accessToken);
  if (!record) return { error: wechatError('invalidCredential') };
  if (record.expiresAt <= Date.now()) return { error: wechatError('accessTokenExpired') };
  if (text(query.get('openid')) !== record.openid) return { error: wechatError('invalidOpenid') };
  return { record };
}

export const oauthRoutes: RouteDef[] = [
  {
    // open.weixin.qq.com's page: snsapi_base redirects at once; snsapi_userinfo asks the user first.
    path: 'connect/oauth2/authorize',
    handle({ query, state }) {
      const request = readAuthorize(query, state);
      if (request instanceof RawReply) return request;
      if (request.scope === 'snsapi_base') return grantCode(state, request);
      const confirm = new URLSearchParams(query);
      const allow = `/connect/oauth2/authorize/confirm?${confirm}&allow=1`;
      const deny = `/connect/oauth2/authorize/confirm?${confirm}&allow=0`;
      return new RawReply(
        'text/html; charset=utf-8',
        `<!doctype html><html><head><meta charset="utf-8"><title>微信授权</title></head><body>` +
          `<p>${escapeHtml(request.user)}: this page asks for your nickname and avatar (snsapi_userinfo).</p>` +
          `<a id="allow" href="${escapeHtml(allow)}">允许 Allow</a> <a id="deny" href="${escapeHtml(deny)}">拒绝 Deny</a></body></html>`,
      );
    },
  },
  {
    path: 'connect/oauth2/authorize/confirm',
    handle({ query, state }) {
      const request = readAuthorize(query, state);
      if (request instanceof RawReply) return request;
      // Declining sends the user back with the state and no code.
      if (query.get('allow') !== '1') return redirectBack(request.redirectUri, { state: request.state });
      return grantCode(state, request);
    },
  },
  {
    path: 'sns/oauth2/access_token',
    handle({ query, state }) {
      if (query.get('grant_type') !== 'authorization_code') return wechatError('invalidGrantType');
      const app = state.checkCredentials(text(query.get('appid')), text(query.get('secret')));
      if (!app.ok) return wechatError(app.error);
      const code = text(query.get('code'));
      if (!code) return wechatError('codeMissing');
      const record = oauth(state).codes.get(code);
      if (!record || record.appid !== app.value.appid || Date.now() - record.issuedAt > CODE_TTL_MS) return wechatError('invalidCode');
      if (record.used) return wechatError('codeUsed');
      record.used = true;
      return issueToken(state, record);
    },
  },
  {
    path: 'sns/oauth2/refresh_token',
    handle({ query, state }) {
      if (query.get('grant_type') !== 'refresh_token') return wechatError('invalidGrantType');
      const appid = text(query.get('appid'));
      if (!appid) return wechatError('appidMissing');
      const refresh = text(query.get('refresh_token'));
      const grant = refresh ? oauth(state).refreshTokens.get(refresh) : undefined;
      if (!refresh || !grant || grant.appid !== appid) return { errcode: 40030, errmsg: `invalid refresh_token rid: ${rid()}` };
      return issueToken(state, grant, refresh);
    },
  },
  {
    path: 'sns/userinfo',
    handle({ query, state }) {
      const checked = checkWebToken(state, query);
      if (checked.error) return checked.error;
      const { record } = checked;
      if (record.scope !== 'snsapi_userinfo') return wechatError('apiUnauthorized');
      const user = state.user(record.appid, record.user);
      const avatar = createHash('sha256').update(user.unionid).digest('hex').slice(0, 40);
      // Since 2021-12-27 sex is 0 and the region fields are empty for everyone.
      return {
        openid: user.openid,
        nickname: user.name,
        sex: 0,
        province: '',
        city: '',
        country: '',
        headimgurl: `https://thirdwx.qlogo.cn/mmopen/vi_32/${avatar}/132`,
        privilege: [],
        unionid: user.unionid,
      };
    },
  },
  {
    path: 'sns/auth',
    handle({ query, state }) {
      const checked = checkWebToken(state, query);
      return checked.error ?? { errcode: 0, errmsg: 'ok' };
    },
  },
];
