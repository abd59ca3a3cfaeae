import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEmulatorPush } from '../../src/server/dev.ts';
import { startStack, type Stack } from '../helpers/stack.ts';

/**
 * examples/web, built with the client package as a frontend project builds it, served from its
 * own origin, in headless Chromium: WeChat web authorization (the emulator's authorize page),
 * a typed query, and a live event pushed by the emulator.
 */
const CHROMIUM = '/usr/bin/chromium';
const root = new URL('../../', import.meta.url);
const dist = new URL('examples/web/dist/', root);

let stack: Stack;
let site: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  // The package's own build (tsc, no server dependency), then the page's bundle (esbuild).
  execFileSync('npm', ['run', 'build', '--silent', '-w', 'client'], { cwd: root, stdio: 'pipe' });
  execFileSync(process.execPath, ['examples/web/build.mjs'], { cwd: root, stdio: 'pipe' });

  let gatewayUrl = '';
  site = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/config.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(`window.GATEWAY_URL = ${JSON.stringify(`${gatewayUrl}/graphql`)};`);
      return;
    }
    const file = path === '/' ? 'index.html' : path.slice(1);
    if (!/^[a-z]+\.(html|js)$/.test(file)) return void res.writeHead(404).end();
    readFile(new URL(file, dist)).then(
      (body) => res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  origin = `http://localhost:${(site.address() as AddressInfo).port}`;

  stack = await startStack({
    env: {
      NODE_ENV: 'development',
      CORS_ORIGINS: origin,
      // As in production: only the example's codegen'd operations are accepted.
      PERSISTED_OPERATIONS_FILE: 'examples/web/src/gql/persisted-documents.json',
      PERSISTED_OPERATIONS_ONLY: '1',
    },
  });
  gatewayUrl = stack.instances[0]!.url;
  await connectEmulatorPush(stack.emulator, gatewayUrl, stack.config.apps);

  // .ci/run installs Debian's chromium when it is missing; without it this test fails, not skips.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--headless'],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await new Promise((resolve) => site?.close(resolve));
});

describe('web example in headless Chromium', { timeout: 120_000 }, () => {
  it('signs in through web authorization, runs a typed query and shows a live event', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));

    await page.goto(`${origin}/`);
    // The page sent the browser to WeChat's authorize page (the emulator's host); USERINFO asks first.
    await page.waitForURL((url) => url.pathname === '/connect/oauth2/authorize');
    expect(new URL(page.url()).searchParams.get('scope')).toBe('snsapi_userinfo');
    await page.click('#allow');

    // Back on the page with ?code=&state=, exchanged for a session, then removed from the address bar.
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'signed in', undefined, { timeout: 15_000 });
    expect(new URL(page.url()).search).toBe('');
    const openid = await page.textContent('#openid');
    expect(openid).toMatch(/^o[A-Za-z0-9_-]{20,}$/);
    expect(await page.textContent('#nickname')).toBe('h5-user');
    expect(stack.emulator.calls()).toMatchObject({ 'sns/oauth2/access_token': 1, 'sns/userinfo': 1 });

    await page.waitForFunction(() => document.getElementById('live')?.textContent === 'live');
    const official = stack.config.apps.find((app) => app.kind === 'officialAccount')!;
    const pushed = await fetch(`${stack.emulator.url}/__emulator/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appid: official.appid, event: { MsgType: 'text', Content: '你好，公众号', FromUserName: openid, MsgId: '8000000000000000001' } }),
    });
    expect(pushed.status).toBe(200);
    await page.waitForSelector('#events li');
    expect(await page.textContent('#events li')).toBe('TEXT: 你好，公众号');

    // A reload keeps the session (localStorage): no second authorization.
    await page.reload();
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'signed in');
    expect(stack.emulator.calls()['sns/oauth2/access_token']).toBe(1);
    expect(failures).toEqual([]);
  });
});
