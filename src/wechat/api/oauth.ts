import { z } from 'zod';
import type { AppClient } from '../client.ts';
import { parseBody } from '../parse.ts';

/**
 * Official Account web authorization (网页授权): the page sends the user to WeChat's authorize
 * page, WeChat sends them back with a single-use `code`, the server swaps it for a *web* access
 * token (not the app's access_token) bound to one user, and with scope snsapi_userinfo reads
 * their profile. Doc: 公众号 > 网页开发 > 网页授权.
 */
export type WebAuthScope = 'snsapi_base' | 'snsapi_userinfo';

export const OFFICIAL_API_BASE = 'https://api.weixin.qq.com';
export const OFFICIAL_OPEN_BASE = 'https://open.weixin.qq.com';

/** The authorize page lives on open.weixin.qq.com; the emulator plays both hosts on one. */
export const authorizeBase = (apiBase: string) => (apiBase.replace(/\/+$/, '') === OFFICIAL_API_BASE ? OFFICIAL_OPEN_BASE : apiBase.replace(/\/+$/, ''));

/**
 * WeChat matches the authorize link strictly: parameters in exactly this order and the
 * `#wechat_redirect` suffix, or the page shows an error instead of asking the user.
 */
export function webAuthorizeUrl(base: string, params: { appid: string; redirectUri: string; scope: WebAuthScope; state: string }): string {
  return (
    `${authorizeBase(base)}/connect/oauth2/authorize?appid=${encodeURIComponent(params.appid)}` +
    `&redirect_uri=${encodeURIComponent(params.redirectUri)}&response_type=code` +
    `&scope=${params.scope}&state=${encodeURIComponent(params.state)}#wechat_redirect`
  );
}

const webTokenBody = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive().catch(7200),
  refresh_token: z.string().min(1),
  openid: z.string().min(1),
  scope: z.string().default('snsapi_base'),
  unionid: z.string().optional(),
  // 1 when the user is on a "snapshot page" (朋友圈快照页) and has not really authorized: the openid is virtual.
  is_snapshotuser: z.coerce.number().optional(),
});

export interface WebGrant {
  accessToken: string;
  /** Epoch ms; WeChat gives 7200 s. */
  accessTokenExpiresAt: number;
  /** Valid 30 days; renews the access token (sns/oauth2/refresh_token). */
  refreshToken: string;
  openid: string;
  unionid?: string;
  scopes: string[];
  snapshotUser: boolean;
}

/** sns/oauth2/access_token: the page's code is single use (40163 on a second try), so never retried. */
export async function exchangeWebCode(wx: AppClient, code: string, signal?: AbortSignal): Promise<WebGrant> {
  const endpoint = 'sns/oauth2/access_token';
  const body = await wx.json({ endpoint, method: 'GET', auth: 'appSecret', query: { code, grant_type: 'authorization_code' }, retry: 'never', signal });
  const grant = parseBody(endpoint, webTokenBody, body);
  return {
    accessToken: grant.access_token,
    accessTokenExpiresAt: Date.now() + grant.expires_in * 1000,
    refreshToken: grant.refresh_token,
    openid: grant.openid,
    unionid: grant.unionid || undefined,
    scopes: grant.scope.split(',').map((s) => s.trim()).filter(Boolean),
    snapshotUser: grant.is_snapshotuser === 1,
  };
}

const userInfoBody = z.object({
  openid: z.string().min(1),
  nickname: z.string().optional(),
  headimgurl: z.string().optional(),
  unionid: z.string().optional(),
});

export interface WebUserInfo {
  openid: string;
  nickname?: string;
  avatarUrl?: string;
  unionid?: string;
}

/**
 * sns/userinfo with the web access token (snsapi_userinfo only; snsapi_base gets 48001). Since
 * 2021-12-27 sex, province, city and country come back empty, so they are not read.
 */
export async function webUserInfo(wx: AppClient, grant: Pick<WebGrant, 'accessToken' | 'openid'>, signal?: AbortSignal): Promise<WebUserInfo> {
  const endpoint = 'sns/userinfo';
  const body = await wx.json({
    endpoint,
    method: 'GET',
    auth: 'none',
    query: { access_token: grant.accessToken, openid: grant.openid, lang: 'zh_CN' },
    retry: 'read',
    signal,
  });
  const info = parseBody(endpoint, userInfoBody, body);
  return { openid: info.openid, nickname: info.nickname || undefined, avatarUrl: info.headimgurl || undefined, unionid: info.unionid || undefined };
}
