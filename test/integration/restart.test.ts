import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server.ts';
import { API_KEY_PREFIX, hashApiKey } from '../../src/graphql/principal.ts';
import { CreateQrCodeDocument, LoginDocument, MeDocument, SendSubscribeMessageDocument } from '../gql/graphql.ts';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process.ts';
import { recordText, registerSecret } from '../helpers/leak-scan.ts';
import type { GraphQLResponse } from '../helpers/stack.ts';

/**
 * The default store (a SQLite file, no Redis) keeps its promises across a crash: the gateway
 * runs as its own process against an emulator in this one, is killed with SIGKILL mid-send,
 * and a new process on the same STORE_PATH carries on.
 */
const SEND = 'cgi-bin/message/subscribe/send';
const MEETING_TEMPLATE = '9Aw5ZV1j9xdWTFEkqCpZ7mIBbSC34khK55OtzUPl0rU';
const meeting = { templateId: MEETING_TEMPLATE, data: [{ key: 'date2', value: '2016年8月8日' }, { key: 'thing1', value: 'TIT会议室' }] };
const LIMITED = { kind: 'LIMITED' as const, path: 'pages/order/detail?id=restart' };
const qrCalls = (emulator: Emulator) =>
  Object.entries(emulator.calls())
    .filter(([endpoint]) => /getwxacode|createwxaqrcode/.test(endpoint))
    .reduce((sum, [, count]) => sum + count, 0);

let emulator: Emulator;
let dir: string;
let gateway: GatewayProcess | undefined;
const apiKey = `${API_KEY_PREFIX}restart_${randomBytes(16).toString('base64url')}`;
registerSecret(apiKey);

beforeAll(async () => {
  emulator = await startEmulator();
  dir = mkdtempSync(join(tmpdir(), 'wgql-restart-'));
});
afterAll(async () => {
  await gateway?.stop();
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

function start() {
  const app = emulator.apps.find((a) => a.kind === 'miniprogram')!;
  return startGatewayProcess({
    WECHAT_API_BASE: emulator.url,
    WECHAT_APP_ID: app.appid,
    WECHAT_APP_SECRET: app.secret,
    WECHAT_APP_NAME: 'miniprogram',
    API_KEYS: JSON.stringify([{ name: 'restart', sha256: hashApiKey(apiKey), scopes: ['admin'] }]),
    STORE_PATH: join(dir, 'state.sqlite'),
    // The lease of a keyed send is the deadline + 5 s: keep the wait for a dead holder short.
    REQUEST_DEADLINE_MS: '2000',
    UPSTREAM_TIMEOUT_MS: '60000',
  });
}

async function request<T, V>(document: TypedDocumentNode<T, V>, variables: V, headers: Record<string, string> = { 'x-api-key': apiKey }, secretInResponse = false) {
  const response = await fetch(`${gateway!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const text = await response.text();
  if (!secretInResponse) recordText(text);
  return JSON.parse(text) as GraphQLResponse<T>;
}

async function emulatorAdmin<T>(path: string, body: object): Promise<T> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('the default SQLite store across a SIGKILL and restart', () => {
  it('keeps sessions, the limited QR code ledger and keyed sends', { timeout: 180_000 }, async () => {
    const appid = emulator.apps.find((a) => a.kind === 'miniprogram')!.appid;
    gateway = await start();

    // Before: a session, a limited code (spends one of the 100 000), and a send WeChat never answers.
    const { code } = await emulatorAdmin<{ code: string }>('codes', { appid, kind: 'login', user: 'restart-user' });
    const login = await request(LoginDocument, { code }, {}, true);
    const { token, viewer } = login.data!.login;
    registerSecret(token);
    const qr = await request(CreateQrCodeDocument, { input: LIMITED });
    expect(qr.data?.createQRCode).toMatchObject({ kind: 'LIMITED', reused: false });
    expect(qrCalls(emulator)).toBe(1);

    const { openid } = await emulatorAdmin<{ openid: string }>('messages/subscriptions', { appid, user: 'restart-user', templateId: MEETING_TEMPLATE, count: 5 });
    emulator.setFaults([{ endpoints: [SEND], kind: 'latency', latencyMs: 120_000 }]);
    const inFlight = request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting, idempotencyKey: 'crash-1' }).catch((error: Error) => error);
    const deadline = Date.now() + 30_000;
    while ((emulator.calls()[SEND] ?? 0) === 0) {
      expect(Date.now(), 'the send reaches WeChat').toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await gateway.kill();
    expect(await inFlight).toBeInstanceOf(Error); // the connection died with the process
    emulator.setFaults([]);

    // After: a new process on the same file.
    gateway = await start();
    const me = await request(MeDocument, {}, { authorization: `Bearer ${token}` });
    expect(me.errors).toBeUndefined();
    expect(me.data?.me?.openid).toBe(viewer.openid);

    const again = await request(CreateQrCodeDocument, { input: LIMITED });
    expect(again.data?.createQRCode).toMatchObject({ id: qr.data!.createQRCode.id, reused: true });
    expect(qrCalls(emulator)).toBe(1);

    // The repeat waits out the dead process's lease (IDEMPOTENCY_IN_PROGRESS meanwhile), then
    // learns the outcome is unknown: WeChat may have delivered it, so it is never sent again.
    let repeat: GraphQLResponse<unknown>;
    for (let attempt = 0; ; attempt++) {
      expect(attempt, 'the lease of the killed process runs out').toBeLessThan(30);
      repeat = await request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting, idempotencyKey: 'crash-1' });
      if (repeat.errors?.[0]?.extensions?.code !== 'IDEMPOTENCY_IN_PROGRESS') break;
    }
    expect(repeat.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_OUTCOME_UNKNOWN', idempotencyKey: 'crash-1' });
    expect(emulator.calls()[SEND]).toBe(1);

    // A new key sends as usual.
    const fresh = await request(SendSubscribeMessageDocument, { toOpenid: openid, message: meeting, idempotencyKey: 'crash-2' });
    expect(fresh.errors).toBeUndefined();
    expect(emulator.calls()[SEND]).toBe(2);
  });
});
