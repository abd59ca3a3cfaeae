import { randomBytes } from 'node:crypto';
import type { AppConfig, Config } from '../config/index.ts';
import { readEmulatorEnv } from '../emulator/env.ts';
import { DEV_APPS, startEmulator, type Emulator } from '../emulator/server.ts';
import { API_KEY_PREFIX, hashApiKey } from '../graphql/principal.ts';
import { createStore } from '../store/index.ts';
import { devGraphiQL, EXAMPLE_TEMPLATE, EXAMPLE_USER } from './dev-graphiql.ts';
import type { GraphiQLOptions } from './graphiql.ts';

/** Fake push settings for the emulator's apps, so webhooks work out of the box. */
const DEV_PUSH = { token: 'wechatgraphqldev', encodingAesKey: 'ZGV2ZWxvcG1lbnQta2V5LWZvci13ZWNoYXQtZ3JhcGg' };

export const DEV_APP_IDS = { miniprogram: 'miniprogram', officialAccount: 'officialAccount' } as const;

export function emulatorApps(): AppConfig[] {
  return DEV_APPS.map((app) => ({ id: DEV_APP_IDS[app.kind], kind: app.kind, appid: app.appid, secret: app.secret, ...DEV_PUSH }));
}

/**
 * The development API key (every scope): made once and kept in the store, so it stays the
 * same across restarts (and a saved GraphiQL tab keeps working) for as long as the store does.
 */
export async function developmentApiKey(config: Config): Promise<string> {
  const store = await createStore({ ...config.store, prefix: config.redisPrefix });
  try {
    const keys = store.namespace<string>('development');
    const kept = await keys.get('apiKey');
    if (kept) return kept;
    const apiKey = `${API_KEY_PREFIX}dev_${randomBytes(18).toString('base64url')}`;
    await keys.set('apiKey', apiKey);
    return apiKey;
  } finally {
    await store.close();
  }
}

/**
 * With no credentials configured, run WeChat's emulator in-process and point the gateway at it,
 * with the development API key, and GraphiQL tabs of example operations that run as they are.
 */
export async function withEmulator(config: Config): Promise<{ config: Config; emulator: Emulator; apiKey: string; graphiql: GraphiQLOptions }> {
  const emulator = await startEmulator({ ...readEmulatorEnv(), apps: DEV_APPS });
  const apiKey = await developmentApiKey(config);
  const apps = emulatorApps();
  const subscriberOpenid = await acceptExampleSubscription(emulator, apps);
  return {
    emulator,
    apiKey,
    graphiql: devGraphiQL({ apiKey, emulatorUrl: emulator.url, apps, subscriberOpenid }),
    config: {
      ...config,
      apiBase: emulator.url,
      mpBase: emulator.url,
      apps,
      apiKeys: [...config.apiKeys, { name: 'development', sha256: hashApiKey(apiKey), scopes: ['admin'] }],
    },
  };
}

/** The example user accepts the example long-term template, so GraphiQL's send tab can send. */
async function acceptExampleSubscription(emulator: Emulator, apps: AppConfig[]): Promise<string> {
  const appid = apps.find((app) => app.kind === 'miniprogram')?.appid;
  const response = await fetch(`${emulator.url}/__emulator/messages/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appid, user: EXAMPLE_USER, templateId: EXAMPLE_TEMPLATE, count: 1 }),
  });
  if (!response.ok) throw new Error(`emulator subscription for the GraphiQL examples: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { openid: string }).openid;
}

/**
 * Enters the dev apps' push settings in the emulator (as one would in WeChat's console), so
 * `POST /__emulator/push` and the emulator's own events reach this gateway's `/wechat/:app`.
 */
export async function connectEmulatorPush(emulator: Emulator, gatewayUrl: string, apps: AppConfig[]): Promise<void> {
  for (const app of apps) {
    const response = await fetch(`${emulator.url}/__emulator/push/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appid: app.appid, url: `${gatewayUrl}/wechat/${app.id}`, token: app.token, encodingAesKey: app.encodingAesKey, mode: 'safe', format: app.kind === 'miniprogram' ? 'json' : 'xml' }),
    });
    if (!response.ok) throw new Error(`emulator push settings for ${app.id}: HTTP ${response.status} ${await response.text()}`);
  }
}
