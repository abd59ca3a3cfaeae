import pino, { type Logger } from 'pino';

/**
 * Everything secret is redacted by key wherever it appears, so a careless log call cannot
 * leak an AppSecret, access_token, session_key or API key.
 */
export const REDACT_PATHS = [
  'secret',
  'appSecret',
  'access_token',
  'accessToken',
  'token',
  'session_key',
  'sessionKey',
  'apiKey',
  'authorization',
  'encodingAesKey',
  'refresh_token',
  'refreshToken',
  '*.secret',
  '*.appSecret',
  '*.access_token',
  '*.accessToken',
  '*.token',
  '*.session_key',
  '*.sessionKey',
  '*.apiKey',
  '*.authorization',
  '*.encodingAesKey',
  '*.refresh_token',
  '*.refreshToken',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined }, destination);
}

export type { Logger };
