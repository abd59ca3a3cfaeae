import { createHash, randomBytes } from 'node:crypto';
import type { Store } from './store.ts';

/** An end user's sign-in. The session_key stays here, server-side, for ever. */
export interface SessionRecord {
  /** Configured app id (the GraphQL `app`). */
  app: string;
  openid: string;
  unionid?: string;
  /** Mini-program logins only (code2Session); web-authorization sessions have none. */
  sessionKey?: string;
  /** Official Account web authorization: its tokens, kept server-side like the session_key. */
  web?: { scopes: string[]; accessToken: string; accessTokenExpiresAt: number; refreshToken: string; snapshotUser: boolean };
  /** The profile sns/userinfo returned (scope snsapi_userinfo). */
  profile?: { nickname?: string; avatarUrl?: string };
  phone?: { phoneNumber: string; purePhoneNumber: string; countryCode: string };
  createdAt: number;
  expiresAt: number;
}

export const SESSION_TOKEN_PREFIX = 'wgs_';

/** Records are stored under the token's hash: a leaked store dump holds no usable tokens. */
const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export function createSessionStore(store: Store, ttlSeconds: number) {
  const sessions = store.namespace<SessionRecord>('session');
  return {
    async create(fields: Omit<SessionRecord, 'createdAt' | 'expiresAt'>): Promise<{ token: string; session: SessionRecord }> {
      const token = `${SESSION_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const now = Date.now();
      const session = { ...fields, createdAt: now, expiresAt: now + ttlSeconds * 1000 };
      await sessions.set(keyOf(token), session, ttlSeconds * 1000);
      return { token, session };
    },
    async get(token: string): Promise<SessionRecord | undefined> {
      if (!token.startsWith(SESSION_TOKEN_PREFIX)) return undefined;
      const session = await sessions.get(keyOf(token));
      return session && session.expiresAt > Date.now() ? session : undefined;
    },
    async update(token: string, session: SessionRecord): Promise<void> {
      const ttl = session.expiresAt - Date.now();
      // A record that has already run out ends the session, rather than leaving the old one in place.
      if (ttl > 0) await sessions.set(keyOf(token), session, ttl);
      else await sessions.delete(keyOf(token));
    },
    async revoke(token: string): Promise<boolean> {
      return sessions.delete(keyOf(token));
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
