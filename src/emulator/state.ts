import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { ErrorName } from './wechat-errors.ts';

export interface EmulatorApp {
  appid: string;
  secret: string;
  kind: 'miniprogram' | 'officialAccount';
}

/** Fake credentials for local development; they only open the emulator. */
export const DEV_APPS: EmulatorApp[] = [
  { appid: 'wx0123456789abcdef', secret: 'emulator-dev-secret-miniprogram', kind: 'miniprogram' },
  { appid: 'wxfedcba9876543210', secret: 'emulator-dev-secret-officialaccount', kind: 'officialAccount' },
];

export const CODE_TTL_SECONDS = 300;
export const DEV_CODE_PREFIX = 'dev_';

export type CodeKind = 'login' | 'phone';
type TokenPool = 'classic' | 'stable';

export interface IssuedToken {
  access_token: string;
  expires_in: number;
}

export interface WeChatUser {
  appid: string;
  name: string;
  openid: string;
  unionid: string;
  phoneNumber: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: ErrorName };
export type CodeRedemption = { ok: true; user: WeChatUser } | { ok: false; reason: 'invalid' | 'used' };

interface TokenRecord {
  appid: string;
  pool: TokenPool;
  expiresAt: number;
}

interface CodeRecord {
  appid: string;
  kind: CodeKind;
  user: string;
  issuedAt: number;
  used: boolean;
}

export interface StateOptions {
  tokenTtlSeconds: number;
  now?: () => number;
}

const MALFORMED_TOKEN = /[^A-Za-z0-9_-]/;
const CODE_SWEEP_THRESHOLD = 10_000;

function b64(input: string): string {
  return createHash('sha256').update(input).digest('base64url');
}

/** Apps, tokens, codes, users and sessions of one emulator instance. */
export class EmulatorState {
  readonly apps: readonly EmulatorApp[];
  private readonly appsById: Map<string, EmulatorApp>;
  private readonly tokenTtlMs: number;
  private readonly now: () => number;

  private tokens = new Map<string, TokenRecord>();
  private current = new Map<string, string>(); // `${pool}:${appid}` -> token
  private codes = new Map<string, CodeRecord>();
  private usedDevCodes = new Set<string>();
  private users = new Map<string, WeChatUser>(); // `${appid}:${openid}`
  private sessions = new Map<string, string>(); // `${appid}:${openid}` -> session_key
  private domains = new Map<string, unknown>();

  constructor(apps: readonly EmulatorApp[], options: StateOptions) {
    this.apps = apps.map((app) => ({ ...app }));
    this.appsById = new Map(this.apps.map((app) => [app.appid, app]));
    this.tokenTtlMs = options.tokenTtlSeconds * 1000;
    this.now = options.now ?? Date.now;
  }

  reset(): void {
    this.tokens.clear();
    this.current.clear();
    this.codes.clear();
    this.usedDevCodes.clear();
    this.users.clear();
    this.sessions.clear();
    this.domains.clear();
  }

  /**
   * State of one capability family (users, analytics, QR codes...), created on first use and
   * dropped on reset, so each family keeps its state in its own module.
   */
  domain<T>(name: string, create: () => T): T {
    if (!this.domains.has(name)) this.domains.set(name, create());
    return this.domains.get(name) as T;
  }

  app(appid: string): EmulatorApp | undefined {
    return this.appsById.get(appid);
  }

  /** The credential checks shared by cgi-bin/token, cgi-bin/stable_token and sns/jscode2session. */
  checkCredentials(appid: string | undefined, secret: string | undefined): Checked<EmulatorApp> {
    if (!appid) return { ok: false, error: 'appidMissing' };
    if (!secret) return { ok: false, error: 'appsecretMissing' };
    const app = this.appsById.get(appid);
    if (!app) return { ok: false, error: 'invalidAppid' };
    if (app.secret !== secret) return { ok: false, error: 'invalidAppsecret' };
    return { ok: true, value: app };
  }

  /**
   * cgi-bin/token: every call issues a new token and the previous one dies at once (40001).
   * The docs promise a 5-minute overlap; the emulator is stricter so that a gateway with
   * two refreshers fails loudly here rather than intermittently in production.
   */
  issueClassicToken(appid: string): IssuedToken {
    return this.issue('classic', appid);
  }

  /** cgi-bin/stable_token: a pool isolated from cgi-bin/token; normal mode reuses the live token. */
  stableToken(appid: string, forceRefresh: boolean): IssuedToken {
    const token = this.current.get(`stable:${appid}`);
    const record = token === undefined ? undefined : this.tokens.get(token);
    if (!forceRefresh && token !== undefined && record && record.expiresAt > this.now()) {
      // expires_in is the remaining lifetime here (the doc example shows 345), not 7200.
      return { access_token: token, expires_in: Math.max(1, Math.ceil((record.expiresAt - this.now()) / 1000)) };
    }
    return this.issue('stable', appid);
  }

  /** Every token of the app answers 42001 from now on. */
  expireTokens(appid: string): number {
    let expired = 0;
    const past = this.now() - 1;
    for (const record of this.tokens.values()) {
      if (record.appid === appid && record.expiresAt > past) {
        record.expiresAt = past;
        expired += 1;
      }
    }
    return expired;
  }

  /** The token identifies the app: endpoints that take access_token take no appid. */
  verifyToken(token: string | null | undefined): Checked<EmulatorApp> {
    if (!token) return { ok: false, error: 'accessTokenMissing' };
    if (MALFORMED_TOKEN.test(token)) return { ok: false, error: 'invalidAccessToken' };
    const record = this.tokens.get(token);
    const app = record && this.appsById.get(record.appid);
    if (!record || !app) return { ok: false, error: 'invalidCredential' };
    if (record.expiresAt <= this.now()) return { ok: false, error: 'accessTokenExpired' };
    return { ok: true, value: app };
  }

  mintCode(appid: string, kind: CodeKind, user?: string): string {
    if (this.codes.size >= CODE_SWEEP_THRESHOLD) this.sweepCodes();
    // Login codes look like '023dUeGW1oeGOZ0JXvHW1SDVFW1dUeGu'; phone codes are 64 hex chars.
    const code = kind === 'login' ? randomBytes(24).toString('base64url').replace(/[-_]/g, 'x') : randomBytes(32).toString('hex');
    const name = user ?? randomBytes(6).toString('hex');
    this.codes.set(code, { appid, kind, user: name, issuedAt: this.now(), used: false });
    this.user(appid, name);
    return code;
  }

  /**
   * Single use. Codes starting with `dev_` that were never minted are accepted once each, as the
   * user they name; anything after a dash is ignored, so `dev_alice-2` signs alice in again.
   */
  redeemCode(appid: string, kind: CodeKind, code: string): CodeRedemption {
    const record = this.codes.get(code);
    if (record) {
      if (record.appid !== appid || record.kind !== kind) return { ok: false, reason: 'invalid' };
      if (record.used) return { ok: false, reason: 'used' };
      if (this.now() - record.issuedAt > CODE_TTL_SECONDS * 1000) return { ok: false, reason: 'invalid' };
      record.used = true;
      return { ok: true, user: this.user(appid, record.user) };
    }
    if (code.startsWith(DEV_CODE_PREFIX) && code.length > DEV_CODE_PREFIX.length) {
      const key = `${appid}:${kind}:${code}`;
      if (this.usedDevCodes.has(key)) return { ok: false, reason: 'used' };
      const name = code.slice(DEV_CODE_PREFIX.length).split('-')[0]!;
      if (!name) return { ok: false, reason: 'invalid' };
      this.usedDevCodes.add(key);
      return { ok: true, user: this.user(appid, name) };
    }
    return { ok: false, reason: 'invalid' };
  }

  /**
   * A deterministic user of an app. openid is per app (a shared 5-char app prefix, as real
   * openids of one app have); unionid and phone number belong to the person, so they are the
   * same in every app, as WeChat's are across apps of one open-platform account.
   */
  user(appid: string, name: string): WeChatUser {
    const openid = `o${b64(`app:${appid}`).slice(0, 5)}${b64(`openid:${appid}:${name}`).slice(0, 22)}`;
    const key = `${appid}:${openid}`;
    const known = this.users.get(key);
    if (known) return known;
    const digits = createHash('sha256').update(`phone:${name}`).digest().readUInt32BE(0) % 100_000_000;
    const user: WeChatUser = {
      appid,
      name,
      openid,
      unionid: `o${b64(`unionid:${name}`).slice(0, 27)}`,
      phoneNumber: `138${String(digits).padStart(8, '0')}`,
    };
    this.users.set(key, user);
    return user;
  }

  userByOpenid(appid: string, openid: string): WeChatUser | undefined {
    return this.users.get(`${appid}:${openid}`);
  }

  /** A new session_key per login; only the latest one is remembered per openid. */
  startSession(user: WeChatUser): string {
    const sessionKey = randomBytes(16).toString('base64');
    this.sessions.set(`${user.appid}:${user.openid}`, sessionKey);
    return sessionKey;
  }

  sessionKey(appid: string, openid: string): string | undefined {
    return this.sessions.get(`${appid}:${openid}`);
  }

  private issue(pool: TokenPool, appid: string): IssuedToken {
    const slot = `${pool}:${appid}`;
    const previous = this.current.get(slot);
    if (previous !== undefined) {
      const record = this.tokens.get(previous);
      // A killed token is forgotten (40001); an already expired one keeps answering 42001.
      if (record && record.expiresAt > this.now()) this.tokens.delete(previous);
    }
    const token = `${randomInt(10, 100)}_${randomBytes(75).toString('base64url')}`;
    this.tokens.set(token, { appid, pool, expiresAt: this.now() + this.tokenTtlMs });
    this.current.set(slot, token);
    return { access_token: token, expires_in: Math.round(this.tokenTtlMs / 1000) };
  }

  private sweepCodes(): void {
    const oldest = this.now() - CODE_TTL_SECONDS * 1000;
    for (const [code, record] of this.codes) {
      if (record.issuedAt < oldest) this.codes.delete(code);
    }
  }
}
