import { z } from 'zod';
import type { AppClient } from '../client.ts';
import { WeChatApiError } from '../errors.ts';
import { parseBody } from '../parse.ts';

/**
 * Short keys (cgi-bin/shorten/*): WeChat's replacement for cgi-bin/shorturl, which stopped
 * making short links on 2021-03-15. A key stands for up to 4 KB of data for up to 30 days.
 */
export const SHORTEN_GEN = 'cgi-bin/shorten/gen';
export const SHORTEN_FETCH = 'cgi-bin/shorten/fetch';

/** cgi-bin/shorten/gen → the short key. 9410010: data over 4 KB; 9410011: expiry over 30 days. */
export async function generateShortKey(wx: AppClient, longData: string, expireSeconds: number, signal?: AbortSignal): Promise<string> {
  // A repeat only makes a second key for the same data: safe to retry.
  const body = await wx.json({ endpoint: SHORTEN_GEN, method: 'POST', json: { long_data: longData, expire_seconds: expireSeconds }, retry: 'read', signal });
  return parseBody(SHORTEN_GEN, z.object({ short_key: z.string().min(1) }), body).short_key;
}

export interface ShortKeyData {
  longData: string;
  /** Unix seconds. */
  createTime: number;
  /** The REMAINING lifetime in seconds (86300 after a gen with 86400), not the one given to gen. */
  expireSeconds: number;
}

const fetchBody = z.object({ long_data: z.string(), create_time: z.coerce.number().int(), expire_seconds: z.coerce.number().int() });

/** cgi-bin/shorten/fetch; null for 9410012 (unknown, expired or another account's key). */
export async function fetchShortKey(wx: AppClient, shortKey: string, signal?: AbortSignal): Promise<ShortKeyData | null> {
  try {
    const body = await wx.json({ endpoint: SHORTEN_FETCH, method: 'POST', json: { short_key: shortKey }, retry: 'read', signal });
    const parsed = parseBody(SHORTEN_FETCH, fetchBody, body);
    return { longData: parsed.long_data, createTime: parsed.create_time, expireSeconds: parsed.expire_seconds };
  } catch (error) {
    if (error instanceof WeChatApiError && error.errcode === 9410012) return null;
    throw error;
  }
}
