import { z } from 'zod';
import type { QRCode as QRCodeShape, QRCodeKind as Kind, QRCodeQuota as QRCodeQuotaShape } from '../../services/qr-codes.ts';
import { builder } from '../builder.ts';
import { appArg, MiniProgramEnvVersion } from './refs.ts';

const QRCodeKind = builder.enumType('QRCodeKind', {
  description: 'The three WeChat mini-program code APIs.',
  values: {
    UNLIMITED: {
      description:
        'wxa/getwxacodeunlimit: a round mini-program code with a scene (<= 32 characters); no count limit. Reused for QRCODE_UNLIMITED_CACHE_SECONDS.',
    },
    LIMITED: {
      description: 'wxa/getwxacode: a round code for a path with query; counts against 100 000 per app for ever (shared with LEGACY). Kept for ever.',
    },
    LEGACY: {
      description: 'cgi-bin/wxaapp/createwxaqrcode: a square QR code for a path; shares the 100 000 with LIMITED. Kept for ever.',
    },
  } as const,
});

// Scene characters WeChat accepts (40129 otherwise); other characters must be encoded by the caller.
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/;
const PAGE_CHARS = /^[A-Za-z0-9_\-./]*$/;
const noLeadingSlash = (value: string) => !value.startsWith('/');

const sceneSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(32, 'must be at most 32 characters')
  .regex(SCENE_CHARS, "may contain only 0-9, a-z, A-Z and !#$&'()*+,/:;=?@-._~ (encode anything else yourself)");
const pageSchema = z
  .string()
  .min(1, 'must not be empty (leave it out for the home page)')
  .max(1024, 'must be at most 1024 characters')
  .refine(noLeadingSlash, 'must not start with "/" (write pages/index/index)')
  .refine((value) => !value.includes('?'), 'takes no query: pass parameters in scene')
  .regex(PAGE_CHARS, 'may contain only letters, digits, _ - . and /');
const pathSchema = z
  .string()
  .min(1, 'must not be empty')
  .refine((value) => Buffer.byteLength(value, 'utf8') <= 128, 'must be at most 128 bytes (UTF-8)')
  .refine(noLeadingSlash, 'must not start with "/" (write pages/index/index?id=1)')
  .refine((value) => !/[?&]scancode_time=/.test(value), 'must not carry scancode_time, which WeChat reserves (errcode 85096)');
const channel = z.number().int().min(0, 'must be 0..255').max(255, 'must be 0..255');

const LineColorInput = builder.inputType('QRCodeLineColorInput', {
  description: 'An RGB colour for the code lines; each channel 0..255.',
  fields: (t) => ({
    r: t.int({ description: 'Red, 0..255.', validate: { schema: channel } }),
    g: t.int({ description: 'Green, 0..255.', validate: { schema: channel } }),
    b: t.int({ description: 'Blue, 0..255.', validate: { schema: channel } }),
  }),
});

/** Options each kind does not take; giving them is refused rather than silently dropped. */
const NOT_FOR: Record<Kind, string[]> = {
  UNLIMITED: ['path'],
  LIMITED: ['scene', 'page', 'checkPath'],
  LEGACY: ['scene', 'page', 'checkPath', 'envVersion', 'autoColor', 'lineColor', 'isHyaline'],
};

const CreateQRCodeInput = builder.inputType('CreateQRCodeInput', {
  description:
    'What to draw. UNLIMITED takes scene (+ page); LIMITED and LEGACY take path. Everything is checked before WeChat is called.',
  fields: (t) => ({
    kind: t.field({ type: QRCodeKind, description: 'Which WeChat API draws the code.' }),
    scene: t.string({
      required: false,
      description: "UNLIMITED only, required: up to 32 characters of 0-9 a-z A-Z !#$&'()*+,/:;=?@-._~, read by the page as options.scene.",
      validate: { schema: sceneSchema },
    }),
    page: t.string({
      required: false,
      description: 'UNLIMITED only: the page to open, without a leading "/" and without query, e.g. pages/index/index. Default: the home page.',
      validate: { schema: pageSchema },
    }),
    checkPath: t.boolean({
      required: false,
      description: 'UNLIMITED only: whether WeChat checks that page exists in the released version (default true; errcode 41030 otherwise).',
    }),
    path: t.string({
      required: false,
      description: 'LIMITED and LEGACY, required: page with optional query, at most 128 bytes, without a leading "/", e.g. pages/product/detail?id=7.',
      validate: { schema: pathSchema },
    }),
    envVersion: t.field({
      type: MiniProgramEnvVersion,
      required: false,
      description: 'UNLIMITED and LIMITED: which build the code opens (default RELEASE).',
    }),
    width: t.int({
      required: false,
      description: 'Width in pixels, 280..1280 (default 430).',
      validate: { schema: z.number().int().min(280, 'must be at least 280 pixels').max(1280, 'must be at most 1280 pixels') },
    }),
    autoColor: t.boolean({ required: false, description: 'Not LEGACY: let WeChat pick the line colour (default false).' }),
    lineColor: t.field({
      type: LineColorInput,
      required: false,
      description: 'Not LEGACY: the line colour when autoColor is false (default black).',
    }),
    isHyaline: t.boolean({ required: false, description: 'Not LEGACY: transparent background (default false).' }),
  }),
  validate: {
    schema: z.any().superRefine((input: Record<string, unknown>, issues) => {
      const fail = (path: string[], message: string) => issues.addIssue({ code: 'custom', path, message });
      const kind = input.kind as Kind;
      const extra = NOT_FOR[kind].filter((key) => input[key] != null);
      if (extra.length) fail([], `${kind} codes do not take ${extra.join(', ')}`);
      else if (kind === 'UNLIMITED' && input.scene == null) fail(['scene'], 'UNLIMITED codes need a scene (1..32 characters)');
      else if (kind !== 'UNLIMITED' && input.path == null) fail(['path'], `${kind} codes need a path`);
      else if (input.autoColor && input.lineColor) fail(['lineColor'], 'applies only when autoColor is false');
    }),
  },
});

const QRCode = builder.objectRef<QRCodeShape>('QRCode').implement({
  description: 'A mini-program code image kept by the gateway and served at url.',
  authScopes: { apiKey: 'qrcode:create' },
  fields: (t) => ({
    id: t.id({ description: 'Random, unguessable id of the stored image (22 characters).', resolve: ({ media }) => media.id }),
    kind: t.field({ type: QRCodeKind, description: 'Which WeChat API drew it.', resolve: ({ kind }) => kind }),
    contentType: t.string({ description: 'image/jpeg or image/png, as WeChat sent it.', resolve: ({ media }) => media.contentType }),
    byteSize: t.int({ description: 'Size of the image in bytes.', resolve: ({ media }) => media.byteSize }),
    url: t.string({
      description:
        'Where this gateway serves the image without credentials: /media/<id>, relative to the gateway origin. Cacheable (immutable) until expiresAt.',
      resolve: ({ media }) => `/media/${media.id}`,
    }),
    dataUrl: t.string({
      description: 'The image inline as a data: URL (base64). Computed only when selected.',
      resolve: ({ media }) => `data:${media.contentType};base64,${media.bytes.toString('base64')}`,
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When WeChat drew it.', resolve: ({ media }) => new Date(media.createdAt) }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the gateway forgets it (UNLIMITED); null for LIMITED and LEGACY codes, which are kept for ever.',
      resolve: ({ media }) => (media.expiresAt === undefined ? null : new Date(media.expiresAt)),
    }),
    reused: t.boolean({
      description: 'True when this request made no WeChat call: the same code was already stored, or being drawn for another request.',
      resolve: ({ reused }) => reused,
    }),
  }),
});

const QRCodeQuota = builder.objectRef<QRCodeQuotaShape>('QRCodeQuota').implement({
  description:
    "An app's use of the 100 000 limited codes (LIMITED + LEGACY), as counted by this gateway: WeChat does not report it, so codes made elsewhere are not included.",
  authScopes: { apiKey: 'qrcode:create' },
  fields: (t) => ({
    limitedUsed: t.int({ description: 'Distinct limited codes obtained from WeChat (set to the total once WeChat answers 45029).', resolve: (q) => q.limitedUsed }),
    limitedTotal: t.int({ description: 'The lifetime total per app: 100 000.', resolve: (q) => q.limitedTotal }),
    limitedRemaining: t.int({ description: 'limitedTotal - limitedUsed, never below 0.', resolve: (q) => q.limitedRemaining }),
    unlimitedCacheSeconds: t.int({
      description: 'How long an UNLIMITED code is reused and served (QRCODE_UNLIMITED_CACHE_SECONDS).',
      resolve: (q) => q.unlimitedCacheSeconds,
    }),
  }),
});

builder.mutationField('createQRCode', (t) =>
  t.field({
    type: QRCode,
    description:
      'Draws a mini-program code and keeps it at /media/<id>. The same request returns the stored image without calling WeChat: for ever for LIMITED and LEGACY (their 100 000 per app never come back), for QRCODE_UNLIMITED_CACHE_SECONDS for UNLIMITED. Identical concurrent requests make one WeChat call.',
    authScopes: { apiKey: 'qrcode:create' },
    args: { ...appArg(), input: t.arg({ type: CreateQRCodeInput, description: 'What to draw.' }) },
    resolve: (_root, args, ctx) => ctx.services.qrCodes.create(ctx.wechat(args.app, 'miniprogram'), args.input, ctx.signal),
  }),
);

builder.queryField('qrCodeQuota', (t) =>
  t.field({
    type: QRCodeQuota,
    description: "How much of an app's 100 000 limited codes this gateway has used.",
    authScopes: { apiKey: 'qrcode:create' },
    args: appArg(),
    resolve: (_root, args, ctx) => ctx.services.qrCodes.quota(ctx.wechat(args.app, 'miniprogram')),
  }),
);
