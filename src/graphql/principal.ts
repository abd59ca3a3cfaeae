import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKeyConfig, Scope } from '../config/index.ts';

/** Who is calling: a trusted backend with an API key (end-user sessions come with login). */
export type Principal = { kind: 'apiKey'; name: string; scopes: ReadonlySet<Scope> };

export const API_KEY_PREFIX = 'wgk_';

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Looks an API key up by its hash; compares in constant time. */
export function createApiKeyResolver(keys: ApiKeyConfig[]) {
  const byHash = keys.map((key) => ({ ...key, digest: Buffer.from(key.sha256, 'hex') }));
  return (presented: string): Principal | null => {
    const digest = Buffer.from(hashApiKey(presented), 'hex');
    const match = byHash.find((key) => timingSafeEqual(key.digest, digest));
    return match ? { kind: 'apiKey', name: match.name, scopes: new Set(match.scopes) } : null;
  };
}

/** `x-api-key: wgk_...` or `Authorization: Bearer wgk_...`. */
export function presentedApiKey(headers: Headers): string | null {
  const header = headers.get('x-api-key');
  if (header) return header.trim();
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1];
  return bearer?.startsWith(API_KEY_PREFIX) ? bearer : null;
}
