import { randomBytes } from 'node:crypto';
import type { AppConfig, Config } from '../config/index.ts';
import { readEmulatorEnv } from '../emulator/env.ts';
import { DEV_APPS, startEmulator, type Emulator } from '../emulator/server.ts';
import { API_KEY_PREFIX, hashApiKey } from '../graphql/principal.ts';

/** Fake push settings for the emulator's apps, so webhooks work out of the box. */
const DEV_PUSH = { token: 'wechatgraphqldev', encodingAesKey: 'ZGV2ZWxvcG1lbnQta2V5LWZvci13ZWNoYXQtZ3JhcGg' };

export const DEV_APP_IDS = { miniprogram: 'miniprogram', officialAccount: 'officialAccount' } as const;

export function emulatorApps(): AppConfig[] {
  return DEV_APPS.map((app) => ({ id: DEV_APP_IDS[app.kind], kind: app.kind, appid: app.appid, secret: app.secret, ...DEV_PUSH }));
}

/**
 * With no credentials configured, run WeChat's emulator in-process and point the gateway at it,
 * with a fresh development API key that holds every scope.
 */
export async function withEmulator(config: Config): Promise<{ config: Config; emulator: Emulator; apiKey: string }> {
  const emulator = await startEmulator({ ...readEmulatorEnv(), apps: DEV_APPS });
  const apiKey = `${API_KEY_PREFIX}dev_${randomBytes(18).toString('base64url')}`;
  return {
    emulator,
    apiKey,
    config: {
      ...config,
      apiBase: emulator.url,
      mpBase: emulator.url,
      apps: emulatorApps(),
      apiKeys: [...config.apiKeys, { name: 'development', sha256: hashApiKey(apiKey), scopes: ['admin'] }],
    },
  };
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
