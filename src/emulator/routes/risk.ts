import { createHash } from 'node:crypto';
import { text, type RouteDef } from '../route.ts';
import { checkSessionSignature } from '../session-signature.ts';
import { wechatError } from '../wechat-errors.ts';

/** A user key lives 3600 s; WeChat answers the last three, newest first (fixture getuserencryptkey.json). */
const KEY_LIFETIME_S = 3600;

/** User risk rank and per-user encrypt keys. */
export const riskRoutes: RouteDef[] = [
  {
    path: 'wxa/getuserriskrank',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      const openid = text(json.openid);
      if (text(json.appid) !== app.appid || (json.scene !== 0 && json.scene !== 1) || !text(json.client_ip)) return wechatError('dataFormat');
      if (!openid || !state.userByOpenid(app.appid, openid)) return wechatError('invalidOpenid');
      const digest = createHash('sha256').update(`risk:${app.appid}:${openid}:${String(json.scene)}`).digest();
      // Success errmsg is "getuserriskrank succ"; the request id is spelled unoin_id (fixture).
      return { errcode: 0, errmsg: 'getuserriskrank succ', risk_rank: digest[0]! % 5, unoin_id: digest.readUInt32BE(1) };
    },
  },
  {
    path: 'wxa/business/getuserencryptkey',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ query, state, app }) {
      const signed = checkSessionSignature(query, state, app.appid);
      if ('error' in signed) return signed.error;
      const { openid } = signed;
      const now = Math.floor(Date.now() / 1000);
      const period = Math.floor(now / KEY_LIFETIME_S);
      const key_info_list = [0, 1, 2].map((back) => {
        const digest = createHash('sha256').update(`encrypt-key:${app.appid}:${openid}:${period - back}`).digest();
        const createTime = (period - back) * KEY_LIFETIME_S;
        return {
          encrypt_key: digest.subarray(0, 16).toString('base64'),
          version: period - back - 490_000,
          expire_in: back === 0 ? createTime + KEY_LIFETIME_S - now : 0,
          iv: digest.subarray(16, 24).toString('hex'),
          create_time: createTime,
        };
      });
      return { errcode: 0, errmsg: 'ok', key_info_list };
    },
  },
];
