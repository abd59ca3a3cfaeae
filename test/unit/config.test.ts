import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.ts';

const SECRET = 'a-secret-that-must-never-be-echoed';
const fail = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain(SECRET);
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('runs on the emulator when no credentials are set', () => {
    const config = loadConfig({});
    expect(config.useEmulator).toBe(true);
    expect(config.apps).toEqual([]);
    expect(config.tokenSource).toBe('stable');
    expect(config.apiBase).toBe('https://api.weixin.qq.com');
  });

  it('builds one app from the environment', () => {
    const config = loadConfig({ WECHAT_APP_ID: 'wx0123456789abcdef', WECHAT_APP_SECRET: SECRET, WECHAT_APP_KIND: 'officialAccount' });
    expect(config.useEmulator).toBe(false);
    expect(config.apps).toEqual([{ id: 'default', kind: 'officialAccount', appid: 'wx0123456789abcdef', secret: SECRET }]);
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ WECHAT_API_BASE: 'ftp://example.com' }, /^WECHAT_API_BASE: /],
    [{ REDIS_URL: 'http://localhost' }, /^REDIS_URL: /],
    [{ WECHAT_TOKEN_SOURCE: 'sometimes' }, /^WECHAT_TOKEN_SOURCE: /],
    [{ WECHAT_APP_ID: 'wx0123456789abcdef' }, /^WECHAT_APP_SECRET: required/],
    [{ WECHAT_APP_SECRET: SECRET }, /^WECHAT_APP_ID: required/],
    [{ WECHAT_APP_ID: 'not-an-appid', WECHAT_APP_SECRET: SECRET }, /^WECHAT_APP_ID: .*wx followed by 16 hex/],
    [{ WECHAT_APP_ID: 'wx0123456789abcdef', WECHAT_APP_SECRET: SECRET, WECHAT_ENCODING_AES_KEY: SECRET }, /^WECHAT_ENCODING_AES_KEY: /],
    [{ API_KEYS: '[{"name":"x","sha256":"nothex","scopes":["admin"]}]' }, /^API_KEYS 0\.sha256: /],
    [{ API_KEYS: '[{"name":"x","sha256":"' + 'a'.repeat(64) + '","scopes":["root"]}]' }, /^API_KEYS 0\.scopes\.0: /],
    [{ API_KEYS: SECRET }, /^API_KEYS: not valid JSON/],
    [{ WECHAT_CONFIG: '/nonexistent/wechat.json' }, /^WECHAT_CONFIG: cannot read .* \(ENOENT\)$/],
  ])('refuses %j with one line naming the variable', (env, pattern) => {
    expect(fail(env)).toMatch(pattern);
  });

  it('never runs the emulator in production: no app is a configuration error', () => {
    expect(fail({ NODE_ENV: 'production' })).toMatch(/^WECHAT_APP_ID: no WeChat app configured/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', REDIS_URL: '' }).port).toBe(4000);
  });

  it('reads several apps and hashed API keys from WECHAT_CONFIG', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wgql-'));
    const file = join(dir, 'wechat.json');
    const apps = [
      { id: 'shop', kind: 'miniprogram', appid: 'wx0123456789abcdef', secret: SECRET },
      { id: 'news', kind: 'officialAccount', appid: 'wxfedcba9876543210', secret: SECRET, token: 'pushtoken' },
    ];
    writeFileSync(file, JSON.stringify({ apps, apiKeys: [{ name: 'bi', sha256: 'b'.repeat(64), scopes: ['analytics:read'] }] }));
    const config = loadConfig({ WECHAT_CONFIG: file });
    expect(config.apps.map((app) => app.id)).toEqual(['shop', 'news']);
    expect(config.apiKeys[0]?.scopes).toEqual(['analytics:read']);

    writeFileSync(file, JSON.stringify({ apps: [apps[0], apps[0]] }));
    expect(fail({ WECHAT_CONFIG: file })).toMatch(/duplicate id "shop"/);
    writeFileSync(file, JSON.stringify({ apps: [{ ...apps[0], kind: 'game' }] }));
    expect(fail({ WECHAT_CONFIG: file })).toMatch(/apps\.0\.kind: /);
  });

  it('reads CORS_ORIGINS, TRUST_PROXY, METRICS_PORT and WECHAT_PUSH_MODE', () => {
    const app = { WECHAT_APP_ID: 'wx0123456789abcdef', WECHAT_APP_SECRET: SECRET };
    expect(loadConfig({ ...app, NODE_ENV: 'production' }).corsOrigins).toBe('same-origin');
    expect(loadConfig({}).corsOrigins).toBe('*');
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:3000' }).corsOrigins).toEqual(['https://a.example', 'http://localhost:3000']);
    expect(fail({ CORS_ORIGINS: 'https://a.example/path' })).toMatch(/^CORS_ORIGINS: /);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ hops: 2 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toEqual({ addresses: ['10.0.0.0/8', 'loopback'] });
    expect(fail({ TRUST_PROXY: '10.0.0.0/99' })).toMatch(/^TRUST_PROXY: /);
    expect(loadConfig({ METRICS_PORT: '9464' }).metricsPort).toBe(9464);
    expect(loadConfig({}).metricsPort).toBeUndefined();
    expect(loadConfig({ ...app, WECHAT_TOKEN: 'tok', WECHAT_PUSH_MODE: 'plain' }).apps[0]!.pushMode).toBe('plain');
    expect(fail({ ...app, WECHAT_TOKEN: 'tok', WECHAT_PUSH_MODE: 'safe' })).toMatch(/^WECHAT_ENCODING_AES_KEY: .*push modes need/);
  });
});
