import { text, type RouteDef } from '../route.ts';
import { checkSessionSignature } from '../session-signature.ts';
import { wechatError } from '../wechat-errors.ts';

/** Credentials, login, phone number and session checks. */
export const authRoutes: RouteDef[] = [
  {
    path: 'cgi-bin/token',
    handle({ query, state }) {
      if (query.get('grant_type') !== 'client_credential') return wechatError('invalidGrantType');
      const app = state.checkCredentials(text(query.get('appid')), text(query.get('secret')));
      if (!app.ok) return wechatError(app.error);
      return state.issueClassicToken(app.value.appid);
    },
  },
  {
    path: 'cgi-bin/stable_token',
    method: 'POST',
    handle({ json, state }) {
      if (json.grant_type !== 'client_credential') return wechatError('invalidGrantType');
      const forceRefresh = json.force_refresh ?? false;
      if (typeof forceRefresh !== 'boolean') return wechatError('dataFormat');
      const app = state.checkCredentials(text(json.appid), text(json.secret));
      if (!app.ok) return wechatError(app.error);
      return state.stableToken(app.value.appid, forceRefresh);
    },
  },
  {
    path: 'sns/jscode2session',
    handle({ query, state }) {
      const grantType = query.get('grant_type');
      if (grantType !== null && grantType !== 'authorization_code') return wechatError('invalidGrantType');
      const app = state.checkCredentials(text(query.get('appid')), text(query.get('secret')));
      if (!app.ok) return wechatError(app.error);
      if (app.value.kind !== 'miniprogram') return wechatError('invalidAppid');
      const code = text(query.get('js_code'));
      if (!code) return wechatError('codeMissing');
      const redeemed = state.redeemCode(app.value.appid, 'login', code);
      if (!redeemed.ok) return wechatError(redeemed.reason === 'used' ? 'codeUsed' : 'invalidCode');
      const { openid, unionid } = redeemed.user;
      // Success carries no errcode (see the fixture); key order as in wechatpy's sample.
      return { session_key: state.startSession(redeemed.user), openid, unionid };
    },
  },
  {
    path: 'wxa/business/getuserphonenumber',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      const code = text(json.code);
      if (!code) return wechatError('codeMissing');
      const redeemed = state.redeemCode(app.appid, 'phone', code);
      // Unlike jscode2session (40163), a reused phone code answers 40029 like an unknown one.
      if (!redeemed.ok) return wechatError('invalidCode');
      const phone = redeemed.user.phoneNumber;
      return {
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: phone,
          purePhoneNumber: phone,
          countryCode: 86,
          watermark: { timestamp: Math.floor(Date.now() / 1000), appid: app.appid },
        },
      };
    },
  },
  {
    path: 'wxa/checksession',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ query, state, app }) {
      const signed = checkSessionSignature(query, state, app.appid);
      if ('error' in signed) return signed.error;
      return { errcode: 0, errmsg: 'ok' };
    },
  },
  {
    path: 'wxa/getpaidunionid',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ query, state, app }) {
      const openid = text(query.get('openid'));
      const byTransaction = text(query.get('transaction_id'));
      const byOrder = text(query.get('mch_id')) && text(query.get('out_trade_no'));
      if (!openid || !(byTransaction || byOrder)) return wechatError('dataFormat');
      const user = state.userByOpenid(app.appid, openid);
      if (!user) return wechatError('invalidOpenid');
      return { unionid: user.unionid, errcode: 0, errmsg: 'ok' };
    },
  },
];
