import { z } from 'zod';
import { getUserEncryptKeys, getUserRiskRank, type UserEncryptKey } from '../../wechat/api/risk.ts';
import { builder } from '../builder.ts';
import { gatewayError } from '../errors.ts';
import { appArg, openidSchema } from './refs.ts';

const UserRiskRank = builder.objectRef<{ riskRank: number; requestId?: string }>('UserRiskRank').implement({
  description: "WeChat's risk level of a user for a scene (wxa/getuserriskrank). API key with users:read.",
  authScopes: { apiKey: 'users:read' },
  fields: (t) => ({
    riskRank: t.exposeInt('riskRank', { description: 'risk_rank: 0 (lowest risk) to 4 (highest).' }),
    requestId: t.string({
      nullable: true,
      description: "WeChat's id of this assessment (sent as the misspelled `unoin_id`; a number, not a unionid), for feedback to WeChat.",
      resolve: (r) => r.requestId ?? null,
    }),
  }),
});

const RiskScene = builder.enumType('UserRiskScene', {
  description: 'What the risk is assessed for.',
  values: {
    REGISTER: { value: 0, description: 'Registration (注册).' },
    MARKETING: { value: 1, description: 'Marketing campaigns: fraud and abuse (营销作弊).' },
  } as const,
});

const RiskInput = builder.inputType('UserRiskRankInput', {
  description: 'The user and what is known about them. Sent to WeChat only; never logged.',
  fields: (t) => ({
    openid: t.string({ description: 'OpenID of the user.' }),
    scene: t.field({ type: RiskScene, description: 'The scene.' }),
    clientIp: t.string({ description: "client_ip: the user's IP address as your server saw it." }),
    mobileNo: t.string({ required: false, description: 'mobile_no.' }),
    emailAddress: t.string({ required: false, description: 'email_address.' }),
    bankCardNo: t.string({ required: false, description: 'bank_card_no.' }),
    certNo: t.string({ required: false, description: 'cert_no: the ID number.' }),
    extendedInfo: t.string({ required: false, description: 'extended_info.' }),
  }),
});

const riskSchema = z.object({
  openid: openidSchema,
  scene: z.union([z.literal(0), z.literal(1)]),
  clientIp: z.union([z.ipv4(), z.ipv6()], { error: 'is not an IP address' }),
  mobileNo: z.string().regex(/^\+?\d{5,20}$/, 'is not a phone number').nullish(),
  emailAddress: z.email('is not an email address').nullish(),
  bankCardNo: z.string().regex(/^\d{12,19}$/, 'is not a card number').nullish(),
  certNo: z.string().regex(/^[0-9]{17}[0-9Xx]$/, 'is not an 18-character ID number').nullish(),
  extendedInfo: z.string().max(1024).nullish(),
});

builder.queryField('userRiskRank', (t) =>
  t.field({
    type: UserRiskRank,
    description: "A user's risk level for registration or a marketing campaign (wxa/getuserriskrank). API key with users:read.",
    authScopes: { apiKey: 'users:read' },
    args: { ...appArg(), input: t.arg({ type: RiskInput, description: 'The user.', validate: { schema: riskSchema } }) },
    resolve: (_root, args, ctx) => {
      const { input } = args;
      const opt = (value: string | null | undefined) => value ?? undefined;
      return getUserRiskRank(
        ctx.wechat(args.app, 'miniprogram'),
        {
          openid: input.openid,
          scene: input.scene,
          clientIp: input.clientIp,
          mobileNo: opt(input.mobileNo),
          emailAddress: opt(input.emailAddress),
          bankCardNo: opt(input.bankCardNo),
          certNo: opt(input.certNo),
          extendedInfo: opt(input.extendedInfo),
        },
        ctx.signal,
      );
    },
  }),
);

const UserEncryptKeyType = builder.objectRef<UserEncryptKey>('UserEncryptKey').implement({
  description: "One of the signed-in user's encrypt keys (wxa/business/getuserencryptkey). Signed-in user only: handed to no one else.",
  authScopes: { session: true },
  fields: (t) => ({
    encryptKey: t.exposeString('encryptKey', { description: 'encrypt_key: base64 of 16 bytes.' }),
    iv: t.exposeString('iv', { description: 'iv: 16 hex characters.' }),
    version: t.exposeInt('version', { description: 'version: the key version, sent back with encrypted data.' }),
    expiresIn: t.exposeInt('expiresIn', { description: 'expire_in: seconds left (keys live 3600 s; 0 = expired).' }),
    createTime: t.field({ type: 'DateTime', description: 'create_time.', resolve: (k) => new Date(k.createTime * 1000) }),
  }),
});

builder.queryField('myEncryptKeys', (t) =>
  t.field({
    type: [UserEncryptKeyType],
    description:
      "The signed-in user's last three encrypt keys, newest first (wxa/business/getuserencryptkey). The gateway signs with the session_key, which never leaves it; SESSION_KEY_STALE means log in again. Signed-in user.",
    authScopes: { session: true },
    resolve: (_root, _args, ctx) => {
      if (ctx.principal?.kind !== 'session') throw gatewayError('A signed-in user is required.', 'UNAUTHENTICATED');
      const { session } = ctx.principal;
      // Sessions from Official Account web authorization have no session_key to sign with.
      if (!session.sessionKey) throw gatewayError('Encrypt keys need a mini-program session (login with a wx.login code).', 'FORBIDDEN');
      return getUserEncryptKeys(ctx.wechat(session.app, 'miniprogram'), session.openid, session.sessionKey, ctx.signal);
    },
  }),
);
