import { randomBytes } from 'node:crypto';
import type { AppConfig, Config } from '../config/index.ts';
import { readEmulatorEnv } from '../emulator/env.ts';
import { DEV_APPS, startEmulator, type Emulator } from '../emulator/server.ts';
import { API_KEY_PREFIX, hashApiKey } from '../graphql/principal.ts';

/** Fake push settings for the emulator's apps, so webhooks work out of the box. */
const DEV_PUSH = { token: 'wechatgraphqldev', encodingAesKey: 'ZGV2ZWxvcG1lbnQta2V5LWZvci13ZWNoYXQtZ3JhcGhxbA' };

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
      apps: emulatorApps(),
      apiKeys: [...config.apiKeys, { name: 'development', sha256: hashApiKey(apiKey), scopes: ['admin'] }],
    },
  };
}
