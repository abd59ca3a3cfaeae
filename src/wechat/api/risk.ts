import { z } from 'zod';
import type { AppClient } from '../client.ts';
import { sessionKeySignature, WeChatCryptoError } from '../crypto.ts';
import { WeChatApiError } from '../errors.ts';
import { listOf, parseBody } from '../parse.ts';

export const RISK_RANK = 'wxa/getuserriskrank';
export const ENCRYPT_KEY = 'wxa/business/getuserencryptkey';

export interface RiskRankQuery {
  openid: string;
  /** 0: registration, 1: marketing fraud (营销作弊). */
  scene: 0 | 1;
  clientIp: string;
  mobileNo?: string;
  emailAddress?: string;
  bankCardNo?: string;
  certNo?: string;
  extendedInfo?: string;
}

// Success errmsg is "getuserriskrank succ"; the request id is spelled `unoin_id` and is a number
// (not a unionid), so it becomes `requestId`, a string (it may pass 2^53).
export const riskRankResult = z
  .object({ risk_rank: z.coerce.number().default(0), unoin_id: z.union([z.string(), z.number(), z.bigint()]).optional() })
  .transform((b) => ({ riskRank: b.risk_rank, requestId: b.unoin_id === undefined ? undefined : String(b.unoin_id) }));

/** wxa/getuserriskrank: a read (WeChat keeps no state), so it may be retried. */
export async function getUserRiskRank(wx: AppClient, query: RiskRankQuery, signal?: AbortSignal) {
  const body = await wx.json({
    endpoint: RISK_RANK,
    method: 'POST',
    json: {
      appid: wx.app.appid,
      openid: query.openid,
      scene: query.scene,
      client_ip: query.clientIp,
      mobile_no: query.mobileNo,
      email_address: query.emailAddress,
      bank_card_no: query.bankCardNo,
      cert_no: query.certNo,
      extended_info: query.extendedInfo,
    },
    retry: 'read',
    signal,
  });
  return parseBody(RISK_RANK, riskRankResult, body);
}

export const encryptKeysResult = z
  .object({
    key_info_list: listOf(
      z.object({
        encrypt_key: z.coerce.string(),
        version: z.coerce.number(),
        expire_in: z.coerce.number().default(0),
        iv: z.coerce.string(),
        create_time: z.coerce.number(),
      }),
    ),
  })
  .transform((b) => b.key_info_list.map((k) => ({ encryptKey: k.encrypt_key, version: k.version, expiresIn: k.expire_in, iv: k.iv, createTime: k.create_time })));
export type UserEncryptKey = z.output<typeof encryptKeysResult>[number];

/**
 * wxa/business/getuserencryptkey: the user's last three keys, newest first. The signature is
 * hmac_sha256(session_key, "") as for wxa/checksession, made here so the session_key stays in
 * the gateway; 87009 means that session_key is no longer WeChat's.
 */
export async function getUserEncryptKeys(wx: AppClient, openid: string, sessionKey: string, signal?: AbortSignal): Promise<UserEncryptKey[]> {
  try {
    const body = await wx.json({
      endpoint: ENCRYPT_KEY,
      method: 'GET',
      query: { openid, signature: sessionKeySignature(sessionKey), sig_method: 'hmac_sha256' },
      retry: 'read',
      signal,
    });
    return parseBody(ENCRYPT_KEY, encryptKeysResult, body);
  } catch (error) {
    if (error instanceof WeChatApiError && error.errcode === 87009)
      throw new WeChatCryptoError('stale_session_key', 'getuserencryptkey: WeChat no longer holds this session_key (87009)');
    throw error;
  }
}
