import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { recordText } from '../helpers/leak-scan.ts';

let child: ChildProcess | undefined;
afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

/** What a newcomer does: `npm start` with no configuration at all. */
describe('npm start with no configuration', () => {
  it('runs the emulator in-process and serves GraphiQL and a working dev API key', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(WECHAT_|REDIS_|API_KEYS)/.test(name)));
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...env, PORT: '0', HOST: '127.0.0.1', EMULATOR_PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr!.on('data', (chunk) => (output += chunk));
    const banner = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (chunk) => {
        output += chunk;
        if (/API key \(dev\)/.test(output)) resolve(output);
      });
      child!.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    const graphiql = /GraphiQL\s+(\S+)/.exec(banner)?.[1];
    const apiKey = /(wgk_\S+)/.exec(banner)?.[1];
    expect(graphiql).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(apiKey).toBeTruthy();

    const page = await fetch(graphiql!, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('graphiql');

    const response = await fetch(graphiql!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey! },
      body: JSON.stringify({ query: '{ apps { id } wechatServerIps { apiDomain } }' }),
    });
    const body = (await response.json()) as { data?: { apps: { id: string }[]; wechatServerIps: { apiDomain: string[] } } };
    expect(body.data?.apps.map((app) => app.id)).toEqual(['miniprogram', 'officialAccount']);
    expect(body.data?.wechatServerIps.apiDomain.length).toBeGreaterThan(0);
    recordText(output.replace(apiKey!, '')); // the banner prints the dev key on purpose; nothing else may leak
  });
});
