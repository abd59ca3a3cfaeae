/** Supplies credentials to every call, and renews a session the gateway says has ended. */
export interface Authenticator {
  /** Headers for the next call, signing in first when there is no live session. */
  credentials(): Promise<{ headers: Record<string, string>; token?: string }>;
  /**
   * The gateway answered UNAUTHENTICATED to a call sent with `token`: end that session and sign
   * in again (once, however many calls ask). Resolves true when the call should be sent again.
   */
  renew(token: string | undefined): Promise<boolean>;
}

/** A session as the gateway issues it (`login`, `webLogin`). */
export interface StoredSession {
  token: string;
  /** Epoch milliseconds; a session this close to its end is renewed before use. */
  expiresAt?: number;
}

/** Where the session token lives between launches (wx.setStorageSync, localStorage, memory). */
export interface SessionStorage {
  get(): StoredSession | null;
  set(session: StoredSession): void;
  clear(): void;
}

export function memoryStorage(): SessionStorage {
  let session: StoredSession | null = null;
  return { get: () => session, set: (value) => void (session = value), clear: () => void (session = null) };
}

export interface SessionAuthOptions {
  storage: SessionStorage;
  /** Obtains a new session (wx.login then `login(code)`, or the web authorization). */
  signIn(): Promise<StoredSession>;
  /** Renew this long before `expiresAt` (default 60 s). */
  skewMs?: number;
  now?: () => number;
}

/** Session tokens with single-flight sign-in: concurrent calls wait for the one sign-in in progress. */
export function sessionAuth(options: SessionAuthOptions): Authenticator & { signIn(): Promise<StoredSession>; signOut(): void } {
  const { storage } = options;
  const skew = options.skewMs ?? 60_000;
  const now = options.now ?? Date.now;
  let pending: Promise<StoredSession> | null = null;

  function signInOnce(): Promise<StoredSession> {
    if (!pending) {
      pending = options
        .signIn()
        .then((session) => {
          storage.set(session);
          return session;
        })
        .finally(() => {
          pending = null;
        });
    }
    return pending;
  }

  const live = (session: StoredSession | null): session is StoredSession =>
    !!session && (session.expiresAt === undefined || session.expiresAt - skew > now());

  return {
    async credentials() {
      if (pending) await pending.catch(() => undefined);
      const stored = storage.get();
      const session = live(stored) ? stored : await signInOnce();
      return { headers: { authorization: `Bearer ${session.token}` }, token: session.token };
    },
    async renew(token) {
      const current = storage.get();
      // Another call already replaced the session that failed: just use the new one.
      if (current && current.token !== token) return true;
      if (!pending) {
        storage.clear();
        signInOnce();
      }
      await pending;
      return true;
    },
    signIn: signInOnce,
    signOut: () => storage.clear(),
  };
}
