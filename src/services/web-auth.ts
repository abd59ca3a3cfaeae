import type { SessionStore } from '../store/index.ts';
import type { AppClient } from '../wechat/client.ts';
import { exchangeWebCode, webUserInfo } from '../wechat/api/oauth.ts';

/**
 * Official Account web authorization → the same opaque session a mini-program login gets. The
 * web access and refresh tokens stay in the session record, server-side, like the session_key.
 */
export function createWebAuth(deps: { sessions: SessionStore }) {
  return {
    async signIn(wx: AppClient, code: string, signal?: AbortSignal) {
      const grant = await exchangeWebCode(wx, code, signal);
      const profile = grant.scopes.includes('snsapi_userinfo') && !grant.snapshotUser ? await webUserInfo(wx, grant, signal) : undefined;
      const created = await deps.sessions.create({
        app: wx.app.id,
        openid: grant.openid,
        unionid: grant.unionid ?? profile?.unionid,
        web: {
          scopes: grant.scopes,
          accessToken: grant.accessToken,
          accessTokenExpiresAt: grant.accessTokenExpiresAt,
          refreshToken: grant.refreshToken,
          snapshotUser: grant.snapshotUser,
        },
        profile: profile ? { nickname: profile.nickname, avatarUrl: profile.avatarUrl } : undefined,
      });
      return created;
    },
  };
}

export type WebAuth = ReturnType<typeof createWebAuth>;
