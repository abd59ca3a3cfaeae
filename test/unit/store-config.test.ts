import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.ts';

const SECRET = 'redis-password-never-echoed';
const fail = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toContain(SECRET);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('store configuration', () => {
  it('keeps state in a SQLite file under ./data by default', () => {
    expect(loadConfig({}).store).toEqual({ kind: 'sqlite', path: './data/wechat-graphql.sqlite' });
    expect(loadConfig({ STORE_PATH: '/var/lib/wgql/state.db' }).store).toEqual({ kind: 'sqlite', path: '/var/lib/wgql/state.db' });
    expect(loadConfig({ STORE: 'memory' }).store).toEqual({ kind: 'memory' });
  });

  it('uses Redis when one deployment is named: URL, Sentinel or Cluster', () => {
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379/2' }).store).toEqual({ kind: 'redis', redis: { mode: 'standalone', url: 'redis://cache:6379/2' } });
    expect(loadConfig({ REDIS_SENTINELS: 's1:26379, s2:26380', REDIS_PASSWORD: SECRET }).store).toEqual({
      kind: 'redis',
      redis: { mode: 'sentinel', sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26380 }], name: 'mymaster', password: SECRET },
    });
    expect(loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000,[::1]:7001', REDIS_SENTINEL_NAME: 'ignored' }).store).toEqual({
      kind: 'redis',
      redis: { mode: 'cluster', nodes: [{ host: '10.0.0.1', port: 7000 }, { host: '::1', port: 7001 }] },
    });
  });

  it('refuses settings that contradict each other, naming the variable', () => {
    expect(fail({ REDIS_URL: 'redis://a:6379', REDIS_CLUSTER_NODES: 'b:7000' })).toMatch(/^REDIS_CLUSTER_NODES: set only one of/);
    expect(fail({ STORE: 'memory', REDIS_SENTINELS: 's:26379', REDIS_PASSWORD: SECRET })).toMatch(/^STORE: "memory" conflicts with REDIS_SENTINELS/);
    expect(fail({ STORE: 'redis' })).toMatch(/^STORE: "redis" needs REDIS_URL/);
    expect(fail({ REDIS_CLUSTER_NODES: 'nodeA' })).toMatch(/^REDIS_CLUSTER_NODES: expected host:port/);
    expect(fail({ REDIS_SENTINELS: 's:0' })).toMatch(/^REDIS_SENTINELS: expected host:port/);
    expect(fail({ STORE: 'disk' })).toMatch(/^STORE: /);
  });
});
