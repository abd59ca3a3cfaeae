import { z } from 'zod';
import { looseInt, looseString } from '../loose.ts';
import type { AppClient } from '../client.ts';
import { WeChatApiError } from '../errors.ts';
import { parseBody } from '../parse.ts';

/** WeChat's wire shapes, parsed tolerantly: optional keys may be absent, numbers may be strings. */
const code2SessionBody = z.object({
  openid: z.string().min(1),
  session_key: z.string().min(1),
  unionid: z.string().optional(),
});

const phoneInfoBody = z.object({
  phone_info: z.object({
    phoneNumber: looseString(),
    purePhoneNumber: looseString(),
    // A number (86) in the doc example, a string ("86") in other samples.
    countryCode: looseString(),
    watermark: z.object({ timestamp: looseInt(), appid: z.string().optional() }).optional(),
  }),
});


export interface WeChatSession {
  openid: string;
  unionid?: string;
  sessionKey: string;
}

/** sns/jscode2session: single-use code, so never retried (40163 on a second try). */
export async function code2Session(wx: AppClient, code: string, signal?: AbortSignal): Promise<WeChatSession> {
  const endpoint = 'sns/jscode2session';
  const body = await wx.json({
    endpoint,
    method: 'GET',
    auth: 'appSecret',
    query: { js_code: code, grant_type: 'authorization_code' },
    retry: 'never',
    signal,
  });
  const { openid, unionid, session_key } = parseBody(endpoint, code2SessionBody, body);
  return { openid, unionid, sessionKey: session_key };
}

export interface PhoneNumber {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
  watermarkAppid?: string;
  watermarkTimestamp?: number;
}

/** wxa/business/getuserphonenumber: the code from getPhoneNumber is single use too. */
export async function getUserPhoneNumber(wx: AppClient, code: string, signal?: AbortSignal): Promise<PhoneNumber> {
  const endpoint = 'wxa/business/getuserphonenumber';
  const body = await wx.json({ endpoint, method: 'POST', json: { code }, retry: 'never', signal });
  const { phone_info: info } = parseBody(endpoint, phoneInfoBody, body);
  return {
    phoneNumber: info.phoneNumber,
    purePhoneNumber: info.purePhoneNumber,
    countryCode: info.countryCode,
    watermarkAppid: info.watermark?.appid || undefined,
    watermarkTimestamp: info.watermark?.timestamp,
  };
}

/** wxa/checksession: whether WeChat still holds this session_key; signature = hmac_sha256(session_key, ""). */
export async function checkSessionKey(wx: AppClient, openid: string, signature: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await wx.json({
      endpoint: 'wxa/checksession',
      method: 'GET',
      query: { openid, signature, sig_method: 'hmac_sha256' },
      retry: 'read',
      signal,
    });
    return true;
  } catch (error) {
    // 87009: the signature, so the session_key behind it, is no longer valid.
    if (error instanceof WeChatApiError && error.errcode === 87009) return false;
    throw error;
  }
}

export type PaidUnionIdLookup = { openid: string } & ({ transactionId: string } | { mchId: string; outTradeNo: string });

/** wxa/getpaidunionid: a payer's UnionID within 5 minutes of payment, without authorization. */
export async function getPaidUnionId(wx: AppClient, lookup: PaidUnionIdLookup, signal?: AbortSignal): Promise<string | undefined> {
  const query =
    'transactionId' in lookup
      ? { openid: lookup.openid, transaction_id: lookup.transactionId }
      : { openid: lookup.openid, mch_id: lookup.mchId, out_trade_no: lookup.outTradeNo };
  const body = await wx.json<{ unionid?: string }>({ endpoint: 'wxa/getpaidunionid', method: 'GET', query, retry: 'read', signal });
  return body.unionid || undefined;
}
