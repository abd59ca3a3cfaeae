import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKeyConfig, Scope } from '../config/index.ts';
import { storeCall } from '../services/store-guard.ts';
import { SESSION_TOKEN_PREFIX, type SessionRecord, type SessionStore } from '../store/index.ts';

/** Who is calling: a trusted backend with an API key, or a signed-in mini-program user. */
export type Principal =
  | { kind: 'apiKey'; name: string; scopes: ReadonlySet<Scope> }
  | { kind: 'session'; token: string; session: SessionRecord };

/** Why credentials that were sent were not accepted; shapes the UNAUTHENTICATED message. */
export type CredentialProblem = 'unknown_api_key' | 'invalid_session' | 'unknown_bearer';

export const API_KEY_PREFIX = 'wgk_';

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Looks an API key up by its hash; compares in constant time. */
export function createApiKeyResolver(keys: ApiKeyConfig[]) {
  const byHash = keys.map((key) => ({
    digest: Buffer.from(key.sha256, 'hex'),
    principal: Object.freeze({ kind: 'apiKey', name: key.name, scopes: new Set(key.scopes) }) as Principal,
  }));
  return (presented: string): Principal | null => {
    const digest = Buffer.from(hashApiKey(presented), 'hex');
    return byHash.find((key) => timingSafeEqual(key.digest, digest))?.principal ?? null;
  };
}

/**
 * `x-api-key: wgk_...` or `Authorization: Bearer wgk_...` for backends;
 * `Authorization: Bearer wgs_...` for end-user sessions.
 */
export async function authenticate(
  headers: Headers,
  resolveApiKey: (key: string) => Principal | null,
  sessions: SessionStore,
): Promise<{ principal: Principal | null; problem?: CredentialProblem }> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1];
  const apiKey = headers.get('x-api-key')?.trim() || (bearer?.startsWith(API_KEY_PREFIX) ? bearer : undefined);
  if (apiKey) {
    const principal = resolveApiKey(apiKey);
    return principal ? { principal } : { principal: null, problem: 'unknown_api_key' };
  }
  if (!bearer) return { principal: null };
  if (!bearer.startsWith(SESSION_TOKEN_PREFIX)) return { principal: null, problem: 'unknown_bearer' };
  // A store outage is not a bad token: say so (STORE_UNAVAILABLE) rather than "sign in again".
  const session = await storeCall('Checking the session', () => sessions.get(bearer));
  return session ? { principal: { kind: 'session', token: bearer, session } } : { principal: null, problem: 'invalid_session' };
}
