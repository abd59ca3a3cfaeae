import { z } from 'zod';
import { requireStore, storeCall } from '../../services/store-guard.ts';
import { checkSessionKey, code2Session, getPaidUnionId, getUserPhoneNumber } from '../../wechat/api/auth.ts';
import { decryptUserData, sessionKeySignature } from '../../wechat/crypto.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { gatewayError } from '../errors.ts';
import { appArg, LoginResult, openidSchema, Viewer, WeChatApp } from './refs.ts';

/** Codes from wx.login / getPhoneNumber: short opaque tokens. Checked before WeChat sees them. */
const codeSchema = z.string().min(1, 'must not be empty').max(128, 'is longer than any WeChat code').regex(/^[A-Za-z0-9_-]+$/, 'has characters no WeChat code contains');
const base64Schema = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9+/=\s]+$/, 'must be base64');

const PhoneNumber = builder.simpleObject('PhoneNumber', {
  description: "A user's phone number as WeChat verified it.",
  // Reached only through a Viewer or bindPhoneNumber, which decide who may see it.
  authScopes: { public: true },
  fields: (t) => ({
    phoneNumber: t.string({ description: 'With the country code for numbers outside mainland China, e.g. "13800138000" or "+1 2025550123".' }),
    purePhoneNumber: t.string({ description: 'Without the country code.' }),
    countryCode: t.string({ description: 'Country calling code, e.g. "86".' }),
  }),
});

Viewer.implement({
  description: 'The signed-in user (mini-program login or Official Account web authorization). The session_key and web tokens WeChat issued stay on the server.',
  // Reached only through `me` (a session) and `login` (the code proves who it is): those fields decide.
  authScopes: { public: true },
  fields: (t) => ({
    openid: t.exposeString('openid', { description: "The user's OpenID in this app." }),
    unionid: t.exposeString('unionid', {
      nullable: true,
      description: 'UnionID across the apps of one WeChat Open Platform account; null when the app is not bound to one.',
    }),
    phoneNumber: t.field({
      type: PhoneNumber,
      nullable: true,
      description: 'The phone number bound with bindPhoneNumber or decryptUserData in this session.',
      resolve: (session) => session.phone ?? null,
    }),
    app: t.field({
      type: WeChatApp,
      description: 'The mini program the user signed in to.',
      resolve: (session, _args, ctx) => ctx.wechat(session.app).app,
    }),
    sessionExpiresAt: t.field({ type: 'DateTime', description: 'When this session ends.', resolve: (s) => new Date(s.expiresAt) }),
    sessionKeyValid: t.boolean({
      description:
        'Whether WeChat still holds this session_key (wxa/checksession). False means encrypted user data can no longer be decrypted: log in again.',
      // A web-authorization session (webLogin) never had a session_key.
      resolve: (session, _args, ctx) =>
        !!session.sessionKey && checkSessionKey(ctx.wechat(session.app), session.openid, sessionKeySignature(session.sessionKey), ctx.signal),
    }),
  }),
});

LoginResult.implement({
  description: 'A new session. Send the token as `Authorization: Bearer <token>`.',
  authScopes: { public: true },
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Opaque session token; keep it secret. Ends at expiresAt or on logout.' }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the session ends.', resolve: ({ session }) => new Date(session.expiresAt) }),
    viewer: t.field({ type: Viewer, description: 'The user who signed in.', resolve: ({ session }) => session }),
  }),
});

const UserDataResult = builder.simpleObject('DecryptedUserData', {
  description: 'Legacy encrypted user data (wx.getUserInfo, the old getPhoneNumber), decrypted with the session_key.',
  authScopes: { session: true },
  fields: (t) => ({
    data: t.field({ type: 'JSON', description: 'The decrypted object without its watermark.' }),
    watermarkTimestamp: t.field({ type: 'DateTime', nullable: true, description: 'When WeChat encrypted the data.' }),
  }),
});

function sessionOf(ctx: Context) {
  if (ctx.principal?.kind !== 'session') throw gatewayError('A signed-in user is required.', 'UNAUTHENTICATED');
  return ctx.principal;
}

builder.queryField('me', (t) =>
  t.field({
    type: Viewer,
    description: 'The signed-in user.',
    authScopes: { session: true },
    resolve: (_root, _args, ctx) => sessionOf(ctx).session,
  }),
);

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginResult,
    description:
      'Exchanges a wx.login code for a session (code2Session). Codes are single use: on any failure get a new code before trying again.',
    authScopes: { public: true },
    args: { ...appArg(), code: t.arg.string({ description: 'The code from wx.login().', validate: { schema: codeSchema } }) },
    resolve: async (_root, args, ctx) => {
      const wx = ctx.wechat(args.app, 'miniprogram');
      // Before the code is spent: it is single use, and a session that cannot be saved would burn it.
      await requireStore(ctx.services.store, 'Sign-in');
      const { openid, unionid, sessionKey } = await code2Session(wx, args.code, ctx.signal);
      return storeCall('Sign-in', () => ctx.services.sessions.create({ app: wx.app.id, openid, unionid, sessionKey }));
    },
  }),
  logout: t.boolean({
    description: 'Ends the current session; its token is refused from now on.',
    authScopes: { session: true },
    resolve: (_root, _args, ctx) => ctx.services.sessions.revoke(sessionOf(ctx).token),
  }),
  bindPhoneNumber: t.field({
    type: PhoneNumber,
    description: "Resolves a getPhoneNumber code (wxa/business/getuserphonenumber) to the user's phone number and keeps it in the session.",
    authScopes: { session: true },
    args: { code: t.arg.string({ description: 'The code from the getPhoneNumber button.', validate: { schema: codeSchema } }) },
    resolve: async (_root, args, ctx) => {
      const { token, session } = sessionOf(ctx);
      const wx = ctx.wechat(session.app);
      const phone = await getUserPhoneNumber(wx, args.code, ctx.signal);
      // The watermark names the app the number was issued to; an empty appid occurs in real samples.
      if (phone.watermarkAppid && phone.watermarkAppid !== wx.app.appid)
        throw gatewayError('WeChat returned a phone number issued to another app.', 'WECHAT_ERROR');
      const bound = { phoneNumber: phone.phoneNumber, purePhoneNumber: phone.purePhoneNumber, countryCode: phone.countryCode };
      await ctx.services.sessions.update(token, { ...session, phone: bound });
      return bound;
    },
  }),
  decryptUserData: t.field({
    type: UserDataResult,
    description:
      "Decrypts legacy encryptedData with the session's session_key (AES-128-CBC) and checks its watermark. A phone number found in it is kept in the session.",
    authScopes: { session: true },
    args: {
      encryptedData: t.arg.string({ description: 'encryptedData from the mini program, base64.', validate: { schema: base64Schema(65_536) } }),
      iv: t.arg.string({ description: 'iv from the mini program, base64.', validate: { schema: base64Schema(64) } }),
    },
    resolve: async (_root, args, ctx) => {
      const { token, session } = sessionOf(ctx);
      const appid = ctx.wechat(session.app).app.appid;
      if (!session.sessionKey) throw gatewayError('This session came from web authorization and has no session_key: sign in with login(code) in the mini program.', 'FORBIDDEN');
      const { watermark, ...data } = decryptUserData({ sessionKey: session.sessionKey, encryptedData: args.encryptedData, iv: args.iv, appId: appid });
      if (typeof data.phoneNumber === 'string') {
        const phone = { phoneNumber: data.phoneNumber, purePhoneNumber: String(data.purePhoneNumber ?? data.phoneNumber), countryCode: String(data.countryCode ?? '') };
        await ctx.services.sessions.update(token, { ...session, phone });
      }
      return { data, watermarkTimestamp: watermark?.timestamp ? new Date(Number(watermark.timestamp) * 1000) : null };
    },
  }),
}));

builder.queryField('paidUnionId', (t) =>
  t.string({
    nullable: true,
    description:
      "A payer's UnionID without their authorization, within 5 minutes of a WeChat Pay payment (wxa/getpaidunionid). Give transactionId, or mchId with outTradeNo.",
    authScopes: { apiKey: 'users:read' },
    args: {
      ...appArg(),
      openid: t.arg.string({ description: "The payer's OpenID.", validate: { schema: openidSchema } }),
      transactionId: t.arg.string({ required: false, description: 'WeChat Pay transaction id.' }),
      mchId: t.arg.string({ required: false, description: 'Merchant id (with outTradeNo).' }),
      outTradeNo: t.arg.string({ required: false, description: "The merchant's order number (with mchId)." }),
    },
    validate: [
      (args) => !!args.transactionId !== !!(args.mchId || args.outTradeNo) && (!args.mchId === !args.outTradeNo),
      { message: 'give either transactionId, or both mchId and outTradeNo' },
    ],
    resolve: (_root, args, ctx) => {
      const wx = ctx.wechat(args.app, 'miniprogram');
      const lookup = args.transactionId
        ? { openid: args.openid, transactionId: args.transactionId }
        : { openid: args.openid, mchId: args.mchId!, outTradeNo: args.outTradeNo! };
      return getPaidUnionId(wx, lookup, ctx.signal).then((unionid) => unionid ?? null);
    },
  }),
);
