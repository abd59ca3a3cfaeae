/**
 * Soak of the default store: the gateway on a SQLite file (as without Redis in production)
 * under a steady mix of requests that each leave state behind, then the file's size.
 *
 *   npx tsx bench/soak.ts                       # 60 s, 16 concurrent clients
 *   npx tsx bench/soak.ts --duration 60 --drain 75
 *
 * Each client loops over: an UNLIMITED QR code with a new scene (image + index, kept
 * QRCODE_UNLIMITED_CACHE_SECONDS), a sign-in (a session, kept SESSION_TTL_SECONDS), a keyed
 * subscribe message (an idempotency record, kept 24 h), a WeChat push into the webhook (nonce
 * and dedupe claims) and a plain read (rate-limit windows). The soak sets both TTLs to their
 * minimum, 60 s, so that with `--drain` (wait, then let the store sweep) the expired part goes.
 * Every 10 s it prints the file size (database + WAL) and the rows per table.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { emulatorApps } from '../src/server/dev.ts';
import { startGatewayUnderTest } from './lib/servers.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '16' },
    drain: { type: 'string', default: '0' },
    keep: { type: 'boolean', default: false },
  },
});
const durationS = Number(values.duration);
const connections = Number(values.connections);
const drainS = Number(values.drain);
if (![durationS, connections].every((n) => Number.isInteger(n) && n > 0) || !Number.isInteger(drainS) || drainS < 0) {
  console.error('usage: tsx bench/soak.ts [--duration s] [--connections n] [--drain s] [--keep]');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'wgql-soak-'));
const path = join(dir, 'soak.sqlite');
const size = () => ['', '-wal'].reduce((sum, suffix) => sum + (statSync(path + suffix, { throwIfNoEntry: false })?.size ?? 0), 0);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const reader = () => new Database(path, { readonly: true, fileMustExist: true });
function rows(): string {
  const db = reader();
  try {
    const kv = db.prepare("SELECT substr(ns, instr(ns, ':') + 1) AS ns, count(*) AS n FROM kv GROUP BY ns ORDER BY ns").all() as { ns: string; n: number }[];
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return [...kv.map(({ ns, n }) => `${ns} ${n}`), `locks ${count('locks')}`, `rate_limits ${count('rate_limits')}`].join(', ');
  } finally {
    db.close();
  }
}

const gateway = await startGatewayUnderTest({
  latencyMs: 0,
  storePath: path,
  logLevel: 'silent',
  env: { SESSION_TTL_SECONDS: '60', QRCODE_UNLIMITED_CACHE_SECONDS: '60', RATE_LIMIT_API_KEY_PER_MINUTE: '100000000' },
});
const emulator = gateway.emulator;
// The gateway's view of the emulator's mini program, with its push token and AES key.
const app = emulatorApps().find((a) => a.kind === 'miniprogram')!;
const TEMPLATE = '9Aw5ZV1j9xdWTFEkqCpZ7mIBbSC34khK55OtzUPl0rU';

async function admin(path: string, body: object): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`emulator ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function graphql(query: string, variables: object, apiKey = true): Promise<void> {
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey ? { 'x-api-key': gateway.apiKey } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors[0]!.message);
}

const webhook = gateway.graphqlUrl.replace(/\/graphql$/, '/wechat/miniprogram');
const { openid } = (await admin('messages/subscriptions', { appid: app.appid, user: 'soak', templateId: TEMPLATE, count: 1 })) as { openid: string };
let seq = 0;
const operations = [
  (i: number) => graphql('mutation($input: CreateQRCodeInput!) { createQRCode(input: $input) { id } }', { input: { kind: 'UNLIMITED', scene: `soak=${i}` } }),
  async (i: number) => {
    const { code } = (await admin('codes', { appid: app.appid, kind: 'login', user: `soak-${i}` })) as { code: string };
    await graphql('mutation($code: String!) { login(code: $code) { expiresAt } }', { code }, false);
  },
  async (i: number) => {
    await admin('messages/subscriptions', { appid: app.appid, openid, templateId: TEMPLATE, count: 1 });
    await graphql(
      'mutation($to: String!, $message: SubscribeMessageInput!, $key: String) { sendSubscribeMessage(toOpenid: $to, message: $message, idempotencyKey: $key) { replayed } }',
      { to: openid, message: { templateId: TEMPLATE, data: [{ key: 'date2', value: '2016年8月8日' }, { key: 'thing1', value: `soak ${i}` }] }, key: `soak-${i}` },
    );
  },
  (i: number) =>
    admin('push', { url: webhook, appid: app.appid, token: app.token, encodingAesKey: app.encodingAesKey, mode: 'safe', format: 'xml', event: { MsgType: 'text', Content: `soak ${i}`, MsgId: String(3_000_000_000 + i) } }),
  () => graphql('{ wechatServerIps { apiDomain } }', {}),
];

const started = Date.now();
const deadline = started + durationS * 1000;
const counts = { ok: 0, failed: 0 };
let firstError: string | undefined;
const ticker = setInterval(() => console.log(`t=${Math.round((Date.now() - started) / 1000)}s  ${mb(size())}  requests ${counts.ok}  failed ${counts.failed}  rows: ${rows()}`), 10_000);
console.log(`soak: ${durationS} s, ${connections} clients, store ${path}`);
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (Date.now() < deadline) {
      const i = seq++;
      try {
        await operations[i % operations.length]!(i);
        counts.ok++;
      } catch (error) {
        counts.failed++;
        firstError ??= (error as Error).message;
      }
    }
  }),
);
clearInterval(ticker);
console.log(`after ${durationS} s of load: ${mb(size())} (database + WAL); ${counts.ok} operations, ${counts.failed} failed${firstError ? ` (first: ${firstError})` : ''}`);
console.log(`rows: ${rows()}`);
if (drainS > 0) {
  console.log(`draining ${drainS} s (entries with a 60 s TTL expire; the store sweeps every 60 s and on close)`);
  await sleep(drainS * 1000);
}
await gateway.close(); // closing sweeps once more and checkpoints the WAL
console.log(`at the end${drainS ? ` (after ${drainS} s idle and a sweep)` : ' (after a final sweep)'}: ${mb(size())}; rows: ${rows()}`);
if (values.keep) console.log(`kept: ${path}`);
else rmSync(dir, { recursive: true, force: true });
