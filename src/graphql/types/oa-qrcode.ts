import { z } from 'zod';
import { PERMANENT_CODES_PER_ACCOUNT, type ObtainedOAQRCode, type OAQRCodeRecord } from '../../services/oa-qrcodes.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { appArg, ScanEventRef, SubscribeEventRef } from './refs.ts';

const QRCODE_CREATE = { apiKey: 'qrcode:create' } as const;
const MAX_TEMPORARY_SECONDS = 2_592_000;

const CreateOfficialAccountQRCodeInput = builder.inputType('CreateOfficialAccountQRCodeInput', {
  description:
    'A parametric QR code of an Official Account (cgi-bin/qrcode/create): a scene (sceneId or sceneStr, exactly one) that WeChat pushes back in SubscribeEvent / ScanEvent when a user scans it. Checked before WeChat is called.',
  fields: (t) => ({
    permanent: t.boolean({
      description:
        'true: a permanent code (QR_LIMIT_SCENE / QR_LIMIT_STR_SCENE), one of 100 000 per account for ever; the same scene returns the stored code with no WeChat call. false: a temporary code (QR_SCENE / QR_STR_SCENE) that lives expireSeconds.',
    }),
    sceneId: t.int({
      required: false,
      description: 'A number scene: temporary codes any non-zero 32-bit integer, permanent codes 1..100000.',
    }),
    sceneStr: t.string({ required: false, description: 'A string scene of 1..64 characters.', validate: { schema: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters') } }),
    expireSeconds: t.int({
      required: false,
      description: 'Temporary codes only: lifetime in seconds, 60..2592000 (30 days). Default 2592000.',
      validate: { schema: z.number().int().min(60, 'must be at least 60 seconds').max(MAX_TEMPORARY_SECONDS, 'must be at most 2592000 seconds (30 days)') },
    }),
  }),
  validate: {
    schema: z.any().superRefine((input: { permanent: boolean; sceneId?: number | null; sceneStr?: string | null; expireSeconds?: number | null }, issues) => {
      const fail = (path: string[], message: string) => issues.addIssue({ code: 'custom', path, message });
      if ((input.sceneId == null) === (input.sceneStr == null)) fail([], 'give exactly one of sceneId and sceneStr');
      else if (input.permanent && input.expireSeconds != null) fail(['expireSeconds'], 'permanent codes do not expire; leave expireSeconds out');
      else if (input.sceneId != null && input.permanent && (input.sceneId < 1 || input.sceneId > 100_000)) fail(['sceneId'], 'permanent codes take 1..100000');
      else if (input.sceneId != null && !input.permanent && (input.sceneId === 0 || input.sceneId < -2_147_483_648 || input.sceneId > 2_147_483_647))
        fail(['sceneId'], 'temporary codes take a non-zero 32-bit integer');
    }),
  },
});

interface QRView extends ObtainedOAQRCode {}

const OfficialAccountQRCode = builder.objectRef<QRView>('OfficialAccountQRCode').implement({
  description: 'A parametric QR code of an Official Account, made by this gateway; its image is kept and served at imageUrl.',
  authScopes: QRCODE_CREATE,
  fields: (t) => ({
    ticket: t.string({ description: 'The ticket WeChat issued (it also fetches the image from showqrcode, URL-encoded).', resolve: (q) => q.record.ticket }),
    contentUrl: t.string({ nullable: true, description: 'What the code holds (http://weixin.qq.com/q/...): draw your own code from it if you like.', resolve: (q) => q.record.url }),
    permanent: t.boolean({ description: 'Whether the code never expires (counts against the 100 000).', resolve: (q) => q.record.permanent }),
    sceneId: t.int({ nullable: true, description: 'The number scene, when it has one.', resolve: (q) => q.record.sceneId }),
    sceneStr: t.string({ nullable: true, description: 'The string scene, when it has one.', resolve: (q) => q.record.sceneStr }),
    createdAt: t.field({ type: 'DateTime', description: 'When WeChat made the code.', resolve: (q) => new Date(q.record.createdAt) }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the code stops working; null for a permanent code (WeChat sends no expire_seconds for them).',
      resolve: (q) => (q.record.expiresAt === null ? null : new Date(q.record.expiresAt)),
    }),
    imageUrl: t.string({
      description: 'Where this gateway serves the image without credentials: /media/<id>, relative to the gateway origin. Kept for ever for permanent codes, until expiresAt for temporary ones.',
      resolve: (q) => `/media/${q.media.id}`,
    }),
    contentType: t.string({ description: 'The image type, as WeChat sent it.', resolve: (q) => q.media.contentType }),
    byteSize: t.int({ description: 'Size of the image in bytes.', resolve: (q) => q.media.byteSize }),
    reused: t.boolean({
      description: 'True when this request made no cgi-bin/qrcode/create call: the stored code (permanent, or temporary with more than a minute left) was returned.',
      resolve: (q) => q.reused,
    }),
  }),
});

builder.mutationField('createOfficialAccountQRCode', (t) =>
  t.field({
    type: OfficialAccountQRCode,
    description:
      'Makes (or returns) a parametric QR code of an Official Account (cgi-bin/qrcode/create) and keeps its image (showqrcode) at /media/<id>. A permanent code for a scene is made once per account for ever: repeats, concurrent or after a restart on a durable store, make no WeChat call; QUOTA_EXHAUSTED once 100 000 are used (or WeChat answers 45029). A temporary code for the same scene is reused while it has more than a minute to live.',
    authScopes: QRCODE_CREATE,
    args: { ...appArg(), input: t.arg({ type: CreateOfficialAccountQRCodeInput, description: 'The scene and lifetime.' }) },
    resolve: async (_root, args, ctx) => {
      const wx = ctx.wechat(args.app, 'officialAccount');
      const { permanent, sceneId, sceneStr, expireSeconds } = args.input;
      return ctx.services.oaQRCodes.obtain(
        wx,
        { permanent, sceneId: sceneId ?? undefined, sceneStr: sceneStr ?? undefined, expireSeconds: permanent ? undefined : (expireSeconds ?? MAX_TEMPORARY_SECONDS) },
        ctx.signal,
      );
    },
  }),
);

const OfficialAccountQRCodeQuota = builder.objectRef<{ used: number }>('OfficialAccountQRCodeQuota').implement({
  description: "An Official Account's use of its 100 000 permanent QR codes, as counted by this gateway (WeChat does not report it; codes made elsewhere are not included).",
  authScopes: QRCODE_CREATE,
  fields: (t) => ({
    permanentUsed: t.int({ description: 'Permanent codes this gateway made (set to the total once WeChat answers 45029).', resolve: (q) => q.used }),
    permanentTotal: t.int({ description: 'The lifetime total per account: 100 000.', resolve: () => PERMANENT_CODES_PER_ACCOUNT }),
    permanentRemaining: t.int({ description: 'permanentTotal - permanentUsed, never below 0.', resolve: (q) => Math.max(0, PERMANENT_CODES_PER_ACCOUNT - q.used) }),
  }),
});

builder.queryField('officialAccountQRCodeQuota', (t) =>
  t.field({
    type: OfficialAccountQRCodeQuota,
    description: "How much of an Official Account's 100 000 permanent QR codes this gateway has used.",
    authScopes: QRCODE_CREATE,
    args: appArg(),
    resolve: async (_root, args, ctx) => {
      const wx = ctx.wechat(args.app, 'officialAccount');
      return { used: await ctx.services.oaQRCodes.permanentUsed(wx.app.appid) };
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Scans traced back to the code (and campaign) that made them

const ScannedQRCode = builder.objectRef<OAQRCodeRecord>('ScannedQRCode').implement({
  description: 'The parametric QR code a user scanned, when this gateway made it (matched by ticket): traces a follower to the campaign.',
  authScopes: { apiKey: 'events:read' },
  fields: (t) => ({
    ticket: t.exposeString('ticket', { description: 'The ticket of the code.' }),
    permanent: t.exposeBoolean('permanent', { description: 'Whether the code is permanent.' }),
    sceneId: t.exposeInt('sceneId', { nullable: true, description: 'The number scene, when it has one.' }),
    sceneStr: t.exposeString('sceneStr', { nullable: true, description: 'The string scene, when it has one.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When the code was made.', resolve: (r) => new Date(r.createdAt) }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, description: 'When a temporary code stops working; null for a permanent one.', resolve: (r) => (r.expiresAt === null ? null : new Date(r.expiresAt)) }),
  }),
});

async function scanned(event: { app: string; data: { ticket: string | null } }, ctx: Context): Promise<OAQRCodeRecord | null> {
  const appid = ctx.services.clients.get(event.app)?.app.appid;
  if (!appid || !event.data.ticket) return null;
  return ctx.services.oaQRCodes.byTicket(appid, event.data.ticket);
}

builder.objectField(SubscribeEventRef, 'qrCode', (t) =>
  t.field({
    type: ScannedQRCode,
    nullable: true,
    description: 'The QR code the user followed through, when this gateway made it (by Ticket); null for a plain follow or a code made elsewhere.',
    resolve: (event, _args, ctx) => scanned(event, ctx),
  }),
);

builder.objectField(ScanEventRef, 'qrCode', (t) =>
  t.field({
    type: ScannedQRCode,
    nullable: true,
    description: 'The QR code the follower scanned, when this gateway made it (by Ticket); null for a code made elsewhere.',
    resolve: (event, _args, ctx) => scanned(event, ctx),
  }),
);
