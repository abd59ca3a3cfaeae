import type { SessionStore, Store } from '../store/index.ts';
import type { AppClient } from '../wechat/client.ts';
import { exchangeWebCode, webUserInfo } from '../wechat/api/oauth.ts';
import { requireStore, storeCall } from './store-guard.ts';

/**
 * Official Account web authorization → the same opaque session a mini-program login gets. The
 * web access and refresh tokens stay in the session record, server-side, like the session_key.
 */
export function createWebAuth(deps: { store: Store; sessions: SessionStore }) {
  return {
    async signIn(wx: AppClient, code: string, signal?: AbortSignal) {
      // Before the code is spent: web authorization codes are single use, as wx.login's are.
      await requireStore(deps.store, 'Sign-in');
      const grant = await exchangeWebCode(wx, code, signal);
      const profile = grant.scopes.includes('snsapi_userinfo') && !grant.snapshotUser ? await webUserInfo(wx, grant, signal) : undefined;
      return storeCall('Sign-in', () =>
        deps.sessions.create({
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
        }),
      );
    },
  };
}

export type WebAuth = ReturnType<typeof createWebAuth>;
