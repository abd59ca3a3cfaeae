import { afterAll, expect } from 'vitest';

/**
 * Every response body and log line the harness sees is recorded here; after each test file
 * they are scanned for secrets: configured AppSecrets and API keys, and anything shaped like
 * an access token (`<digits>_<long url-safe run>`, as WeChat and the emulator issue them) or a
 * session_key (base64 of 16 bytes).
 */
interface LeakRegistry {
  texts: string[];
  secrets: Set<string>;
}

const registry: LeakRegistry = ((globalThis as { __leaks?: LeakRegistry }).__leaks ??= { texts: [], secrets: new Set() });

export const recordText = (text: string) => void registry.texts.push(text);
export const registerSecret = (secret: string) => void registry.secrets.add(secret);

const TOKEN_SHAPE = /\b\d{1,3}_[A-Za-z0-9_-]{60,}/;
/** A session_key is base64 of 16 bytes. */
const SESSION_KEY_SHAPE = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{22}==/;

afterAll(() => {
  const leaks: string[] = [];
  for (const text of registry.texts) {
    for (const secret of registry.secrets) if (text.includes(secret)) leaks.push(`secret in: ${text.slice(0, 200)}`);
    if (TOKEN_SHAPE.test(text)) leaks.push(`access token in: ${text.slice(0, 200)}`);
    if (SESSION_KEY_SHAPE.test(text)) leaks.push(`session_key in: ${text.slice(0, 200)}`);
  }
  registry.texts.length = 0;
  expect(leaks).toEqual([]);
});
