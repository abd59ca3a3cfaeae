import { createHmac } from 'node:crypto';
import { text } from './route.ts';
import type { EmulatorState } from './state.ts';
import { wechatError, type WeChatErrorBody } from './wechat-errors.ts';

/**
 * The user-signed query of wxa/checksession and wxa/business/getuserencryptkey:
 * `signature = hmac_sha256(session_key, "")` with `sig_method=hmac_sha256`. The HMAC key is the
 * base64 session_key text itself, not its decoded bytes. Returns WeChat's error, or the openid.
 */
export function checkSessionSignature(query: URLSearchParams, state: EmulatorState, appid: string): { openid: string } | { error: WeChatErrorBody } {
  const openid = text(query.get('openid'));
  const signature = text(query.get('signature'));
  if (!openid || !signature || query.get('sig_method') !== 'hmac_sha256') return { error: wechatError('dataFormat') };
  const sessionKey = state.sessionKey(appid, openid);
  const expected = sessionKey && createHmac('sha256', sessionKey).update('').digest('hex');
  if (!expected || signature.toLowerCase() !== expected) return { error: wechatError('invalidSignature') };
  return { openid };
}
