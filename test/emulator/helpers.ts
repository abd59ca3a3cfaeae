import { DEV_APPS, type EmulatorApp } from '../../src/emulator/server.ts';
import { fixture as wechatFixture } from '../helpers/fixtures.ts';

export const MP = DEV_APPS.find((app) => app.kind === 'miniprogram') as EmulatorApp;
export const OA = DEV_APPS.find((app) => app.kind === 'officialAccount') as EmulatorApp;

export const RID = / rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;

export interface Fixture {
  response: Record<string, unknown>;
  more_samples?: { kind: string; source: string; response?: Record<string, unknown> }[];
}

export function fixture(path: string): Fixture {
  return wechatFixture<Fixture>(path);
}

export function keys(value: unknown): string[] {
  return Object.keys(value as object).sort();
}

export type Body = Record<string, any>;

export async function get(base: string, path: string, query: Record<string, string> = {}): Promise<Body> {
  const res = await fetch(`${base}/${path}?${new URLSearchParams(query)}`);
  return (await res.json()) as Body;
}

export async function post(base: string, path: string, body: unknown, query: Record<string, string> = {}): Promise<Body> {
  const res = await fetch(`${base}/${path}?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Body;
}

export function classicToken(base: string, app: EmulatorApp = MP): Promise<Body> {
  return get(base, 'cgi-bin/token', { grant_type: 'client_credential', appid: app.appid, secret: app.secret });
}

export function stableToken(base: string, app: EmulatorApp = MP, forceRefresh?: boolean): Promise<Body> {
  return post(base, 'cgi-bin/stable_token', {
    grant_type: 'client_credential',
    appid: app.appid,
    secret: app.secret,
    ...(forceRefresh === undefined ? {} : { force_refresh: forceRefresh }),
  });
}

export async function mintCode(base: string, appid: string, kind: 'login' | 'phone', user?: string): Promise<string> {
  const body = await post(base, '__emulator/codes', { appid, kind, ...(user ? { user } : {}) });
  return body.code as string;
}

export function login(base: string, code: string, app: EmulatorApp = MP): Promise<Body> {
  return get(base, 'sns/jscode2session', {
    appid: app.appid,
    secret: app.secret,
    js_code: code,
    grant_type: 'authorization_code',
  });
}

/** A call that needs a token: the IP list is the cheapest. */
export function ipList(base: string, token: string): Promise<Body> {
  return get(base, 'cgi-bin/get_api_domain_ip', { access_token: token });
}
