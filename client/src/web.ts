import { sessionAuth, type SessionStorage, type StoredSession } from './auth.js';
import { createClient, type ClientOptions, type GatewayClient } from './client.js';
import type { TypedDocument } from './document.js';
import { SignInError } from './errors.js';
import { fetchTransport } from './fetch.js';
import { toEpochMs } from './miniprogram.js';

/** Official Account web authorization scopes: `BASE` is silent (openid only); `USERINFO` asks the user and adds the profile. */
export type WebAuthScope = 'BASE' | 'USERINFO';

/** Your codegen'd `webAuthorizationUrl` query. */
export type WebAuthorizationUrlDocument = TypedDocument<
  { webAuthorizationUrl: string },
  { redirectUri: string; scope?: WebAuthScope | null; state: string; app?: string | null }
>;
/** Your codegen'd `webLogin` mutation; it must select `token` and `expiresAt`. */
export type WebLoginDocument = TypedDocument<{ webLogin: { token: string; expiresAt: unknown } }, { code: string; app?: string | null }>;

/** The parts of `window` the web sign-in uses (tests and server-side rendering pass their own). */
export interface BrowserEnv {
  location: { href: string; assign(url: string): void };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  localStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  crypto: Pick<Crypto, 'getRandomValues'>;
}

export function localStorageSession(storage: BrowserEnv['localStorage'], key = 'wechat-graphql:session'): SessionStorage {
  return {
    get() {
      try {
        const value = JSON.parse(storage.getItem(key) ?? 'null') as Partial<StoredSession> | null;
        return value && typeof value.token === 'string' ? { token: value.token, expiresAt: value.expiresAt } : null;
      } catch {
        return null;
      }
    },
    set: (session) => storage.setItem(key, JSON.stringify(session)),
    clear: () => storage.removeItem(key),
  };
}

export interface WebAuthOptions {
  /** A client without auth, for the sign-in calls. */
  client: GatewayClient;
  authorizationUrl: WebAuthorizationUrlDocument;
  login: WebLoginDocument;
  scope?: WebAuthScope;
  /** The gateway's app id of the Official Account, when it serves several. */
  app?: string;
  /** Where WeChat sends the user back (default: this page without code/state). Its domain must be the OA's web-authorization domain. */
  redirectUri?: string;
  storageKey?: string;
  env?: BrowserEnv;
}

const STATE_KEY = 'wechat-graphql:oauth-state';

/**
 * H5 sign-in inside WeChat through Official Account web authorization. `complete()` on page
 * load exchanges a `code` WeChat sent back; without a session, `credentials()` sends the browser
 * to WeChat's authorization page (it never resolves: the page unloads).
 */
export function webAuth(options: WebAuthOptions) {
  const env = options.env ?? (globalThis as unknown as BrowserEnv);
  const storage = localStorageSession(env.localStorage, options.storageKey);
  const here = () => {
    const url = new URL(env.location.href);
    url.searchParams.delete('code');
    url.searchParams.delete('state');
    url.hash = '';
    return url.toString();
  };

  async function redirect(): Promise<never> {
    const bytes = env.crypto.getRandomValues(new Uint8Array(16));
    const state = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    env.sessionStorage.setItem(STATE_KEY, state);
    const { webAuthorizationUrl } = await options.client.request(options.authorizationUrl, {
      redirectUri: options.redirectUri ?? here(),
      scope: options.scope ?? 'BASE',
      state,
      app: options.app ?? null,
    });
    env.location.assign(webAuthorizationUrl);
    return new Promise<never>(() => {});
  }

  const auth = sessionAuth({ storage, signIn: redirect });

  return {
    ...auth,
    /**
     * Call once on page load. When WeChat sent the user back with `code` and our `state`,
     * exchanges the code for a session and removes both from the address bar. Resolves true
     * when a session is ready (new or stored).
     */
    async complete(): Promise<boolean> {
      const url = new URL(env.location.href);
      const code = url.searchParams.get('code');
      const state = url.searchParams.get('state');
      if (code) {
        const expected = env.sessionStorage.getItem(STATE_KEY);
        env.sessionStorage.removeItem(STATE_KEY);
        env.history.replaceState(null, '', here());
        // A code without our state was not asked for by this page (CSRF, or an old link).
        if (!expected || state !== expected) throw new SignInError('The authorization answer does not match the request this page made; sign in again.');
        const { webLogin } = await options.client.request(options.login, { code, app: options.app ?? null });
        storage.set({ token: webLogin.token, expiresAt: toEpochMs(webLogin.expiresAt) });
        return true;
      }
      // The user refused snsapi_userinfo: WeChat comes back with state and no code.
      if (state) throw new SignInError('WeChat authorization was declined.');
      return storage.get() !== null;
    },
  };
}

export interface WebClientOptions extends Omit<ClientOptions, 'transport' | 'auth'>, Omit<WebAuthOptions, 'client'> {
  fetch?: typeof fetch;
}

/** A browser client signed in through Official Account web authorization. */
export function createWebClient(options: WebClientOptions): GatewayClient & { auth: ReturnType<typeof webAuth> } {
  const { authorizationUrl, login, scope, app, redirectUri, storageKey, env, fetch, ...clientOptions } = options;
  const transport = fetchTransport({ fetch });
  const anonymous = createClient({ ...clientOptions, transport });
  const auth = webAuth({ client: anonymous, authorizationUrl, login, scope, app, redirectUri, storageKey, env });
  return { ...createClient({ ...clientOptions, transport, auth }), auth };
}
