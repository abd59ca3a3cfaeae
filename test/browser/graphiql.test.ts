import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startDevStack, type DevStack } from '../helpers/dev-stack.ts';

/** Debian's chromium (`apt-get install -y chromium`; `.ci/run` installs it). No browser download. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  console.warn(`No Chromium at ${CHROMIUM} (apt-get install -y chromium): the GraphiQL browser test is skipped`);
}

let browser: Browser | undefined;
let stack: DevStack | undefined;
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe.skipIf(!hasChromium)('GraphiQL in a browser with no network beyond the gateway', () => {
  it('renders and runs the first example tab while every non-local request is blocked', { timeout: 120_000 }, async () => {
    stack = await startDevStack();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--headless', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage();
    const gateway = new URL(stack.url);
    const blocked: string[] = [];
    // Offline, a closed network, or a network that cannot reach a CDN: only the gateway answers.
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const local = url.protocol === 'data:' || url.protocol === 'blob:' || url.host === gateway.host;
      if (local) return route.continue();
      blocked.push(url.href);
      return route.abort('internetdisconnected');
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${stack.url}/graphql`, { waitUntil: 'load' });
    await page.locator('.graphiql-container').first().waitFor({ timeout: 60_000 });
    // The first tab (apps and server IPs) is open, with the dev key in its headers.
    await expect.poll(() => page.locator('.graphiql-query-editor').first().innerText(), { timeout: 30_000 }).toContain('AppsAndServerIps');
    await page.locator('.graphiql-execute-button').first().click();
    const response = page.locator('.graphiql-response').first();
    await expect.poll(() => response.innerText(), { timeout: 30_000 }).toContain('officialAccount');
    const text = await response.innerText();
    expect(text).toContain('"apiDomain"');
    expect(text).not.toContain('"errors"');
    expect(pageErrors).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
