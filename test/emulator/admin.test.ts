import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.ts';
import { MP, OA, classicToken, get, ipList, login, mintCode, post } from './helpers.ts';

let emulator: Emulator;
let base: string;
const lines: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ log: (line) => lines.push(line) });
  base = emulator.url;
});
afterAll(() => emulator.close());

async function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}/__emulator/${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: res.status, body: await res.json() };
}

describe('admin routes', () => {
  it('counts calls per endpoint path, including failed ones, and not admin calls', async () => {
    emulator.reset();
    const token = await classicToken(base);
    await ipList(base, token.access_token);
    await ipList(base, 'bad token');
    expect((await send('GET', 'calls')).body).toEqual({
      calls: { 'cgi-bin/token': 1, 'cgi-bin/get_api_domain_ip': 2 },
    });
    expect(emulator.calls()).toEqual({ 'cgi-bin/token': 1, 'cgi-bin/get_api_domain_ip': 2 });
  });

  it('reads and replaces fault rules, validating them', async () => {
    const rules = [{ endpoints: ['cgi-bin/token'], kind: 'busy', every: 2 }];
    expect(await send('PUT', 'faults', { rules })).toEqual({ status: 200, body: { rules } });
    expect((await send('GET', 'faults')).body).toEqual({ rules });
    const bad = await send('PUT', 'faults', { rules: [{ kind: 'busy', every: 0 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/every/);
    expect((await send('GET', 'faults')).body).toEqual({ rules });
  });

  it('reset clears counters, tokens, codes and faults but keeps the apps', async () => {
    await send('PUT', 'faults', { rules: [{ kind: 'quota' }] });
    const code = await mintCode(base, MP.appid, 'login');
    await send('PUT', 'faults', { rules: [] });
    const token = await classicToken(base);
    expect(await send('POST', 'reset')).toEqual({ status: 200, body: { ok: true } });
    expect((await send('GET', 'calls')).body).toEqual({ calls: {} });
    expect((await send('GET', 'faults')).body).toEqual({ rules: [] });
    expect((await ipList(base, token.access_token)).errcode).toBe(40001);
    expect((await login(base, code)).errcode).toBe(40029);
    expect((await classicToken(base)).access_token).toBeDefined();
  });

  it('mints codes for mini programs only, with validation', async () => {
    const minted = await send('POST', 'codes', { appid: MP.appid, kind: 'phone', user: 'lena' });
    expect(minted.status).toBe(200);
    expect(minted.body.expiresIn).toBe(300);
    expect(minted.body.code).toMatch(/^[0-9a-f]{64}$/);
    const loginCode = await send('POST', 'codes', { appid: MP.appid, kind: 'login' });
    expect(loginCode.body.code).toMatch(/^[A-Za-z0-9]{32}$/);
    expect((await send('POST', 'codes', { appid: OA.appid, kind: 'login' })).status).toBe(400);
    expect((await send('POST', 'codes', { appid: 'wx9', kind: 'login' })).status).toBe(404);
    expect((await send('POST', 'codes', { appid: MP.appid, kind: 'other' })).status).toBe(400);
    expect((await send('POST', 'tokens/expire', { appid: 'wx9' })).status).toBe(404);
  });

  it('answers unknown admin paths, wrong methods and non-JSON bodies with JSON errors', async () => {
    expect((await send('GET', 'nothing')).status).toBe(404);
    expect((await send('DELETE', 'calls')).status).toBe(405);
    const res = await fetch(`${base}/__emulator/codes`, { method: 'POST', body: 'not json' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/JSON/);
  });

  it('logs method, path and outcome without queries, secrets or tokens', async () => {
    lines.length = 0;
    const token = await classicToken(base);
    await get(base, 'cgi-bin/token', { grant_type: 'client_credential', appid: MP.appid, secret: 'wrong' });
    expect(lines[0]).toMatch(/^GET \/cgi-bin\/token -> 200/);
    expect(lines[1]).toMatch(/errcode 40125/);
    const all = lines.join('\n');
    expect(all).not.toContain(MP.secret);
    expect(all).not.toContain(token.access_token);
    expect(all).not.toContain('wrong');
  });

  it('caps request bodies', async () => {
    const big = JSON.stringify({ code: 'x'.repeat(11 * 1024 * 1024) });
    const res = await fetch(`${base}/wxa/business/getuserphonenumber?access_token=x`, { method: 'POST', body: big });
    expect(res.status).toBe(413);
    await res.body?.cancel();
    expect((await post(base, 'cgi-bin/stable_token', {})).errcode).toBe(40002);
  });
});
