import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_APPS } from '../../src/emulator/server.ts';
import { hashApiKey } from '../../src/graphql/principal.ts';
import { registerSecret } from '../helpers/leak-scan.ts';

/**
 * What the Dockerfile does, without Docker: build, copy the built output and the package files
 * into an empty folder, install production dependencies only, then run `node dist/server/main.js`
 * with production settings against an emulator running as a process of its own.
 */
const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const SLOW = 'cgi-bin/get_api_domain_ip';
const API_KEY = 'wgk_production_test_key_0123456789';
registerSecret(API_KEY);

const children: ChildProcess[] = [];
let image: string;
let emulatorUrl: string;

interface Running {
  child: ChildProcess;
  output: () => string;
  url: string;
}

/** Starts a process and resolves once `ready` matches its output (stdout and stderr together). */
function start(args: string[], options: { cwd: string; env: Record<string, string> }, ready: RegExp): Promise<Running & { match: RegExpExecArray }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(WECHAT_|REDIS_|API_KEYS|NODE_ENV|STORE|OTEL_|EMULATOR_)/.test(name)));
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: { ...base, ...options.env } as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let text = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk;
      const match = ready.exec(text);
      if (match) resolve({ child, output: () => text, url: match[1] ?? '', match });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code} before ${ready}: ${text}`)));
  });
}

/** Resolves once the process has written a line matching `pattern`. */
async function waitFor(running: Running, pattern: RegExp): Promise<void> {
  for (let i = 0; i < 200 && !pattern.test(running.output()); i++) await new Promise((r) => setTimeout(r, 25));
  expect(running.output()).toMatch(pattern);
}

/** Runs until it exits; resolves with its exit code and output. */
async function exits(child: ChildProcess, output: () => string): Promise<{ code: number | null; output: string }> {
  if (child.exitCode === null) await once(child, 'exit');
  return { code: child.exitCode, output: output() };
}

const app = DEV_APPS.find((a) => a.kind === 'miniprogram')!;
const productionEnv = (extra: Record<string, string> = {}) => ({
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'info',
  WECHAT_API_BASE: emulatorUrl,
  WECHAT_APP_ID: app.appid,
  WECHAT_APP_SECRET: app.secret,
  API_KEYS: JSON.stringify([{ name: 'backend', sha256: hashApiKey(API_KEY), scopes: ['admin'] }]),
  ...extra,
});
const LISTENING = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"gateway listening"/;

const startGateway = (extra?: Record<string, string>) => start(['dist/server/main.js'], { cwd: image, env: productionEnv(extra) }, LISTENING);

const query = (url: string, source: string) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': API_KEY }, body: JSON.stringify({ query: source }) });

beforeAll(async () => {
  image = mkdtempSync(join(tmpdir(), 'wgql-image-'));
  // Stage 1 (build): compile into the scratch folder, leaving the worktree's dist/ alone.
  await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--noCheck', '--outDir', join(image, 'dist')], { cwd: ROOT });
  // Stage 2 (runtime): the package files and the build only, production dependencies only.
  for (const file of ['package.json', 'package-lock.json', 'scripts']) cpSync(join(ROOT, file), join(image, file), { recursive: true });
  await run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: image });

  // The emulator, as its own process; the first batch of server IPs answers 1.5 s late.
  const faults = JSON.stringify([{ endpoints: [SLOW], kind: 'latency', latencyMs: 1_500, times: 1 }]);
  const emulator = await start(['--import', 'tsx', 'src/emulator/main.ts'], { cwd: ROOT, env: { EMULATOR_PORT: '0', EMULATOR_FAULTS: faults } }, /listening at (http:\/\/\S+)/);
  emulatorUrl = emulator.url;
}, 600_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (image) await rm(image, { recursive: true, force: true });
}, 120_000);

// Each case starts node processes: slow on a busy machine, so generous timeouts.
const SPAWNING = { timeout: 120_000 };

describe('the image steps (build, npm ci --omit=dev, node dist/…)', SPAWNING, () => {
  it('installs no development package and the built gateway answers a query in production mode', async () => {
    for (const dev of ['tsx', 'qrcode', 'typescript', 'vitest', 'jsqr', 'pngjs']) expect(existsSync(join(image, 'node_modules', dev)), dev).toBe(false);
    expect(existsSync(join(image, 'src'))).toBe(false);

    const gateway = await startGateway();
    const response = await query(gateway.url, '{ apps { id kind } wechatServerIps { callback } }');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data?: { apps: { id: string; kind: string }[]; wechatServerIps: { callback: string[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.apps).toEqual([{ id: 'default', kind: 'MINIPROGRAM' }]);
    expect(body.data?.wechatServerIps.callback.length).toBeGreaterThan(0);
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);

    // Production with state in memory: one warning; an API key is configured, so no warning about that.
    await waitFor(gateway, /"level":40[^\n]*state is in process memory/);
    expect(gateway.output()).not.toMatch(/no API key configured/);
    gateway.child.kill('SIGTERM');
    expect((await exits(gateway.child, gateway.output)).code).toBe(0);
  });

  it('warns at start-up in production when no API key is configured', async () => {
    const gateway = await startGateway({ API_KEYS: '' });
    await waitFor(gateway, /"level":40[^\n]*no API key configured/);
    gateway.child.kill('SIGTERM');
    expect((await exits(gateway.child, gateway.output)).code).toBe(0);
  });
});

describe('shutdown', SPAWNING, () => {
  it('on SIGTERM answers /readyz 503 at once and lets the request in flight finish', async () => {
    const gateway = await startGateway();
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
    const slow = query(gateway.url, '{ wechatServerIps { apiDomain } }');
    // Wait until WeChat (the emulator) holds the request, then stop the gateway.
    for (let i = 0; i < 100 && !((await emulatorCalls())[SLOW] ?? 0); i++) await new Promise((r) => setTimeout(r, 20));
    const exited = exits(gateway.child, gateway.output);
    gateway.child.kill('SIGTERM');
    const ready = await fetch(`${gateway.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'draining' });
    const response = await slow;
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data?: { wechatServerIps: { apiDomain: string[] } } };
    expect(body.data?.wechatServerIps.apiDomain.length).toBeGreaterThan(0);
    expect((await exited).code).toBe(0);
  });

  it('cuts requests still running after SHUTDOWN_TIMEOUT_MS', async () => {
    const gateway = await startGateway({ SHUTDOWN_TIMEOUT_MS: '200' });
    await setEmulatorFaults([{ endpoints: [SLOW], kind: 'latency', latencyMs: 4_000, times: 1 }]);
    const before = (await emulatorCalls())[SLOW] ?? 0;
    const slow = query(gateway.url, '{ wechatServerIps { apiDomain } }').then(
      (response) => `HTTP ${response.status}`,
      (error: Error) => `failed: ${error.message}`,
    );
    for (let i = 0; i < 100 && ((await emulatorCalls())[SLOW] ?? 0) === before; i++) await new Promise((r) => setTimeout(r, 20));
    const exited = exits(gateway.child, gateway.output);
    gateway.child.kill('SIGTERM');
    const { code, output } = await exited;
    expect(code).toBe(0);
    expect(await slow).toBe('failed: fetch failed');
    expect(output).toMatch(/shutdown timeout: cut requests still in flight/);
  });
});

describe('start-up failures', SPAWNING, () => {
  it('names PORT in one line when the port is taken', async () => {
    const first = await startGateway();
    const port = new URL(first.url).port;
    const second = spawn(process.execPath, ['dist/server/main.js'], { cwd: image, env: { ...process.env, ...productionEnv({ PORT: port }) }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(second);
    let stderr = '';
    second.stderr.on('data', (chunk) => (stderr += chunk));
    const { code } = await exits(second, () => stderr);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`wechat-graphql: PORT ${port} is already in use; stop what holds it or set PORT to a free port`);
    first.child.kill('SIGTERM');
  });

  it('names EMULATOR_PORT in one line when the development emulator cannot have its port', async () => {
    const port = new URL(emulatorUrl).port;
    const dev = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', EMULATOR_PORT: port, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(dev);
    let stderr = '';
    dev.stderr.on('data', (chunk) => (stderr += chunk));
    const { code } = await exits(dev, () => stderr);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`wechat-graphql: EMULATOR_PORT ${port} is already in use; stop what holds it or set EMULATOR_PORT to a free port`);
  });

  it('explains that the development emulator needs the devDependencies in a production install', async () => {
    const dev = spawn(process.execPath, ['dist/server/main.js'], { cwd: image, env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', EMULATOR_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(dev);
    let stderr = '';
    dev.stderr.on('data', (chunk) => (stderr += chunk));
    const { code } = await exits(dev, () => stderr);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^wechat-graphql: the development emulator needs the devDependencies/);
  });
});

async function emulatorCalls(): Promise<Record<string, number>> {
  const response = await fetch(`${emulatorUrl}/__emulator/calls`);
  const body = (await response.json()) as Record<string, unknown>;
  return ((body.calls ?? body) as Record<string, number>) ?? {};
}

async function setEmulatorFaults(faults: unknown[]): Promise<void> {
  const response = await fetch(`${emulatorUrl}/__emulator/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rules: faults }) });
  if (!response.ok) throw new Error(`faults: HTTP ${response.status} ${await response.text()}`);
}
