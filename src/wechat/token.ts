import type { AppConfig } from '../config/index.ts';
import { abortable } from '../lib/abortable.ts';
import { pollUntil } from '../lib/poll.ts';
import type { Store } from '../store/index.ts';
import { WeChatApiError } from './errors.ts';
import type { WeChatHttp } from './http.ts';

export type TokenSource = 'stable' | 'classic';

export interface TokenRecord {
  token: string;
  source: TokenSource;
  refreshedAt: number;
  /** WeChat's hard expiry. */
  expiresAt: number;
  /** We refresh from here on (about 300 s before expiry). */
  freshUntil: number;
}

export interface TokenStatus {
  appid: string;
  source: TokenSource;
  refreshedAt?: Date;
  expiresAt?: Date;
  sharedStore: 'ok' | 'degraded' | 'memory';
}

export interface TokenManagerOptions {
  http: WeChatHttp;
  store: Store;
  source: TokenSource;
  /** The token call's own timeout; the lock lease sits just above it. */
  callTimeoutMs: number;
  refreshAheadSeconds?: number;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  onRefresh?: (appid: string) => void;
}

interface GetOptions {
  signal?: AbortSignal;
  /** A token WeChat just refused (40001/42001/40014): never hand it out again. */
  reject?: string;
}

const CREDENTIAL_FAILURE_TTL_MS = 30_000;
const POLL_MS = 25;

/** Cache life: about 300 s before expiry, never under 1 s even when WeChat gives little time left. */
export function freshUntil(now: number, expiresInSeconds: number, refreshAheadSeconds: number): number {
  const usable = expiresInSeconds > refreshAheadSeconds * 2 ? expiresInSeconds - refreshAheadSeconds : expiresInSeconds / 2;
  return now + Math.max(1, usable) * 1000;
}

/**
 * Access tokens per appid (never keyed by secret). One refresh at a time inside a process
 * (single-flight) and across processes (Redis lock), because cgi-bin/token kills the previous
 * token the moment it issues a new one.
 */
export function createTokenManager(options: TokenManagerOptions) {
  const { http, store, source } = options;
  const refreshAhead = options.refreshAheadSeconds ?? 300;
  const tokenCallBudgetMs = options.callTimeoutMs * 2;
  const leaseMs = tokenCallBudgetMs + 1_000;
  const shared = store.namespace<TokenRecord>('token');
  const local = new Map<string, TokenRecord>();
  const inflight = new Map<string, Promise<string>>();
  const credentialFailures = new Map<string, { error: WeChatApiError; until: number }>();
  let degraded = false;

  const usable = (record: TokenRecord | undefined, reject?: string): record is TokenRecord =>
    !!record && record.token !== reject && record.freshUntil > Date.now();

  function markDegraded(error: unknown) {
    if (!degraded) options.log?.warn({ err: (error as Error).message }, 'shared store unavailable: tokens served from this process only');
    degraded = true;
  }

  async function readShared(appid: string): Promise<TokenRecord | undefined> {
    try {
      const record = await shared.get(appid);
      degraded = false;
      return record;
    } catch (error) {
      markDegraded(error);
      return undefined;
    }
  }

  async function fetchUpstream(app: AppConfig): Promise<TokenRecord> {
    const failure = credentialFailures.get(app.appid);
    if (failure && failure.until > Date.now()) throw failure.error;
    const signal = AbortSignal.timeout(tokenCallBudgetMs);
    let body: { access_token: string; expires_in: number | string };
    try {
      body =
        source === 'stable'
          ? await http.json({
              endpoint: 'cgi-bin/stable_token',
              method: 'POST',
              // force_refresh is never set: WeChat allows 20 a day and it kills other holders' tokens.
              json: { grant_type: 'client_credential', appid: app.appid, secret: app.secret, force_refresh: false },
              retry: 'read',
              signal,
            })
          : await http.json({
              endpoint: 'cgi-bin/token',
              method: 'GET',
              query: { grant_type: 'client_credential', appid: app.appid, secret: app.secret },
              retry: 'read',
              signal,
            });
    } catch (error) {
      if (error instanceof WeChatApiError && error.group === 'credentials')
        credentialFailures.set(app.appid, { error, until: Date.now() + CREDENTIAL_FAILURE_TTL_MS });
      throw error;
    }
    const now = Date.now();
    // stable_token reports the remaining lifetime (the doc shows 345), not always 7200.
    const expiresIn = Number(body.expires_in) || 7200;
    options.onRefresh?.(app.appid);
    options.log?.info({ appid: app.appid, source, expiresIn }, 'access token refreshed');
    return { token: body.access_token, source, refreshedAt: now, expiresAt: now + expiresIn * 1000, freshUntil: freshUntil(now, expiresIn, refreshAhead) };
  }

  async function save(appid: string, record: TokenRecord) {
    local.set(appid, record);
    try {
      await shared.set(appid, record, Math.max(1_000, record.expiresAt - Date.now()));
    } catch (error) {
      markDegraded(error);
    }
  }

  function refresh(app: AppConfig, { signal, reject }: GetOptions): Promise<string> {
    return pollUntil(
      async () => {
        const current = await readShared(app.appid);
        if (usable(current, reject)) {
          local.set(app.appid, current);
          return current.token;
        }
        let release: (() => Promise<void>) | null;
        try {
          release = degraded ? async () => {} : await store.tryLock(`token:${app.appid}`, leaseMs);
        } catch (error) {
          markDegraded(error);
          release = async () => {};
        }
        // Another instance holds the lock: wait for its token, bounded by the lease.
        if (!release) return undefined;
        try {
          // Someone may have refreshed between our read and the lock.
          const again = degraded ? undefined : await readShared(app.appid);
          if (usable(again, reject)) {
            local.set(app.appid, again);
            return again.token;
          }
          const record = await fetchUpstream(app);
          await save(app.appid, record);
          return record.token;
        } finally {
          await release();
        }
      },
      {
        intervalMs: POLL_MS,
        timeoutMs: leaseMs * 2,
        signal,
        giveUp: (why) =>
          why === 'aborted' ? signal!.reason : new Error(`timed out waiting for another instance to refresh the access token of ${app.appid}`),
      },
    );
  }

  return {
    async get(app: AppConfig, opts: GetOptions = {}): Promise<string> {
      const cached = local.get(app.appid);
      if (usable(cached, opts.reject)) return cached.token;
      const key = opts.reject ? `${app.appid}\0${opts.reject}` : app.appid;
      let pending = inflight.get(key);
      if (!pending) {
        pending = refresh(app, { reject: opts.reject }).finally(() => inflight.delete(key));
        inflight.set(key, pending);
      }
      return opts.signal ? abortable(pending, opts.signal) : pending;
    },

    async status(app: AppConfig): Promise<TokenStatus> {
      const record = (await readShared(app.appid)) ?? local.get(app.appid);
      return {
        appid: app.appid,
        source,
        refreshedAt: record ? new Date(record.refreshedAt) : undefined,
        expiresAt: record ? new Date(record.expiresAt) : undefined,
        sharedStore: store.kind === 'memory' ? 'memory' : degraded ? 'degraded' : 'ok',
      };
    },

    get degraded() {
      return degraded;
    },
  };
}

export type TokenManager = ReturnType<typeof createTokenManager>;
