import { z } from 'zod';
import { checkMediaAsync, type CheckDetail, type CheckScene } from '../../wechat/api/security.ts';
import { builder } from '../builder.ts';
import { badInput, gatewayError } from '../errors.ts';
import { appArg, ContentCheckSuggest, openidSchema } from './refs.ts';

type Suggest = 'pass' | 'review' | 'risky';

/** An advice WeChat has not documented is treated as "needs a person", never as a pass. */
export const toSuggest = (raw: string | undefined): Suggest => {
  const lower = raw?.toLowerCase();
  return lower === 'pass' || lower === 'risky' || lower === 'review' ? lower : 'review';
};

const LABELS = {
  NORMAL: [100, 'Normal content.'],
  ADVERTISING: [10001, 'Advertising.'],
  POLITICS: [20001, 'Politically sensitive.'],
  PORNOGRAPHY: [20002, 'Pornography.'],
  ABUSE: [20003, 'Abuse or insults.'],
  ILLEGAL: [20006, 'Illegal or criminal acts.'],
  FRAUD: [20008, 'Fraud.'],
  VULGAR: [20012, 'Vulgar content.'],
  COPYRIGHT: [20013, 'Copyright infringement.'],
  OTHER: [21000, 'Other (21000), and any label code WeChat adds later: see labelCode.'],
} as const;

const KNOWN_LABELS = new Set<number>(Object.values(LABELS).map(([code]) => code));
/** Label codes outside WeChat's documented list fall under OTHER; the raw code stays in labelCode. */
export const toLabel = (code: number) => (KNOWN_LABELS.has(code) ? code : 21000);

export const ContentCheckLabel = builder.enumType('ContentCheckLabel', {
  description: "WeChat's category for checked content (its numeric label in labelCode).",
  values: Object.fromEntries(Object.entries(LABELS).map(([name, [value, description]]) => [name, { value, description }])) as Record<
    keyof typeof LABELS,
    { value: number; description: string }
  >,
});

export const ContentCheckScene = builder.enumType('ContentCheckScene', {
  description: 'Where the content will appear; WeChat weighs its rules by scene.',
  values: {
    PROFILE: { value: 1, description: 'Profile data (nickname, signature...).' },
    COMMENT: { value: 2, description: 'A comment.' },
    FORUM: { value: 3, description: 'A forum post.' },
    SOCIAL_LOG: { value: 4, description: 'A social log or diary entry.' },
  } as const,
});

const ContentCheckDetail = builder.objectRef<CheckDetail>('ContentCheckDetail').implement({
  description: 'What one of WeChat\'s strategies (keyword match, content model...) found.',
  authScopes: { apiKey: 'security:check', session: true },
  fields: (t) => ({
    strategy: t.exposeString('strategy', { description: 'The strategy, e.g. "keyword" or "content_model".' }),
    errcode: t.exposeInt('errcode', { description: "0 when the strategy ran; WeChat's error code otherwise." }),
    suggest: t.field({
      type: ContentCheckSuggest,
      nullable: true,
      description: "This strategy's advice; null when it found nothing (a keyword strategy without a hit).",
      resolve: (detail) => (detail.suggest === undefined ? null : toSuggest(detail.suggest)),
    }),
    label: t.field({
      type: ContentCheckLabel,
      nullable: true,
      description: "This strategy's category; null when it found nothing.",
      resolve: (detail) => (detail.label === undefined ? null : toLabel(detail.label)),
    }),
    labelCode: t.int({ nullable: true, description: 'The numeric label exactly as WeChat sent it.', resolve: (detail) => detail.label ?? null }),
    keyword: t.string({ nullable: true, description: 'The keyword that matched (keyword strategy).', resolve: (detail) => detail.keyword ?? null }),
    level: t.int({ nullable: true, description: 'How strongly the keyword counts, 0-100 (keyword strategy).', resolve: (detail) => detail.level ?? null }),
    probability: t.int({ nullable: true, description: 'Confidence of the content model, 0-100.', resolve: (detail) => detail.prob ?? null }),
  }),
});

interface TextVerdictShape {
  traceId: string;
  suggest: Suggest;
  labelCode: number;
  details: CheckDetail[];
}

const TextCheckVerdict = builder.objectRef<TextVerdictShape>('TextCheckVerdict').implement({
  description: "WeChat's verdict on a text (msgSecCheck version 2). A risky text is a verdict, not an error.",
  authScopes: { apiKey: 'security:check', session: true },
  fields: (t) => ({
    traceId: t.exposeString('traceId', { description: "WeChat's id of this check, for appeals and its logs." }),
    suggest: t.field({ type: ContentCheckSuggest, description: 'What to do with the text.', resolve: (verdict) => verdict.suggest }),
    label: t.field({ type: ContentCheckLabel, description: 'The main category.', resolve: (verdict) => toLabel(verdict.labelCode) }),
    labelCode: t.exposeInt('labelCode', { description: 'The numeric label exactly as WeChat sent it (100 = normal).' }),
    details: t.field({ type: [ContentCheckDetail], description: 'What each strategy found.', resolve: (verdict) => verdict.details }),
  }),
});

const TextCheckInput = builder.inputType('TextCheckInput', {
  description: 'A text to check, with the user who wrote it.',
  fields: (t) => ({
    content: t.string({ description: 'The text, up to 2500 characters.' }),
    scene: t.field({ type: ContentCheckScene, description: 'Where the text will appear.' }),
    openid: t.string({
      required: false,
      description:
        'OpenID of the author, who must have opened the mini program in the last 2 hours. Required with an API key; a signed-in user leaves it out (the session says who they are).',
    }),
    title: t.string({ required: false, description: 'The title that goes with the text, if any.' }),
    nickname: t.string({ required: false, description: "The author's nickname, if shown with the text." }),
    signature: t.string({ required: false, description: "The author's profile signature; only with scene PROFILE." }),
  }),
});

const checkedText = (what: string) => z.string().max(2500, `${what} may be at most 2500 characters (WeChat's limit)`);

const textCheckSchema = z
  .object({
    content: z
      .string()
      .refine((value) => value.trim() !== '', 'must not be empty')
      .refine((value) => [...value].length <= 2500, "may be at most 2500 characters (WeChat's limit)"),
    scene: z.literal([1, 2, 3, 4]),
    openid: openidSchema.nullish(),
    title: checkedText('title').nullish(),
    nickname: checkedText('nickname').nullish(),
    signature: checkedText('signature').nullish(),
  })
  .refine((input) => !input.signature || input.scene === 1, { message: 'is only checked with scene PROFILE', path: ['signature'] });

builder.mutationField('checkText', (t) =>
  t.field({
    type: TextCheckVerdict,
    description:
      "Checks a text with WeChat's content security (msgSecCheck v2). Backends with security:check name the author; signed-in users check their own text. At most 4000 checks per minute per app across all instances.",
    authScopes: { apiKey: 'security:check', session: true },
    args: { ...appArg(), input: t.arg({ type: TextCheckInput, description: 'The text and its author.', validate: { schema: textCheckSchema } }) },
    resolve: async (_root, args, ctx) => {
      const { input } = args;
      const principal = ctx.principal!;
      let openid: string;
      let appId: string | null | undefined = args.app;
      if (principal.kind === 'session') {
        const { session } = principal;
        if (args.app && args.app !== session.app)
          throw gatewayError(`checkText: a signed-in user checks text in the app they signed in to ("${session.app}").`, 'FORBIDDEN');
        if (input.openid && input.openid !== session.openid)
          throw gatewayError('checkText: a signed-in user may check only their own text; leave openid out (the session says who you are).', 'FORBIDDEN');
        openid = session.openid;
        appId = session.app;
      } else {
        if (!input.openid) throw badInput('input.openid: required with an API key: the OpenID of the author of the text.', 'input.openid');
        openid = input.openid;
      }
      const check = {
        content: input.content,
        scene: input.scene as CheckScene,
        openid,
        title: input.title ?? undefined,
        nickname: input.nickname ?? undefined,
        signature: input.signature ?? undefined,
      };
      const wx = ctx.wechat(appId, 'miniprogram');
      const verdict = await ctx.services.contentSecurity.checkText(wx, check, { byUser: principal.kind === 'session' }, ctx.signal);
      return { traceId: verdict.traceId, suggest: toSuggest(verdict.suggest), labelCode: verdict.label, details: verdict.details };
    },
  }),
);

const ImageCheckVerdict = builder.simpleObject('ImageCheckVerdict', {
  description: "WeChat's verdict on an image (imgSecCheck): PASS or RISKY.",
  authScopes: { apiKey: 'security:check' },
  fields: (t) => ({
    suggest: t.field({ type: ContentCheckSuggest, description: 'PASS, or RISKY when WeChat found the image problematic (its errcode 87014).' }),
    format: t.string({ description: 'The image format the gateway found: png, jpeg or gif.' }),
    width: t.int({ description: 'Width in pixels.' }),
    height: t.int({ description: 'Height in pixels.' }),
  }),
});

builder.mutationField('checkImage', (t) =>
  t.field({
    type: ImageCheckVerdict,
    description:
      "Checks an image with WeChat's content security (imgSecCheck), sent as a GraphQL multipart upload. PNG, JPEG or GIF, at most 1 MB and 750x1334 pixels; checked before WeChat is called.",
    authScopes: { apiKey: 'security:check' },
    args: { ...appArg(), image: t.arg({ type: 'File', description: 'The image (multipart upload).' }) },
    resolve: async (_root, args, ctx) => {
      const { risky, format, width, height } = await ctx.services.contentSecurity.checkImage(ctx.wechat(args.app, 'miniprogram'), args.image, 'image', ctx.signal);
      return { suggest: risky ? ('risky' as const) : ('pass' as const), format, width, height };
    },
  }),
);

const MediaCheckType = builder.enumType('MediaCheckType', {
  description: 'What kind of media an asynchronous check looks at.',
  values: {
    AUDIO: { value: 1, description: 'An audio file.' },
    IMAGE: { value: 2, description: 'An image.' },
  } as const,
});

const MediaCheckInput = builder.inputType('MediaCheckInput', {
  description: 'Media, by URL, for an asynchronous check.',
  fields: (t) => ({
    mediaUrl: t.string({ description: 'Where WeChat downloads the media from (http or https).' }),
    mediaType: t.field({ type: MediaCheckType, description: 'Audio or image.' }),
    scene: t.field({ type: ContentCheckScene, description: 'Where the media will appear.' }),
    openid: t.string({ description: 'OpenID of the user who posted it; they must have opened the mini program in the last 2 hours.' }),
  }),
});

const mediaCheckSchema = z.object({
  mediaUrl: z
    .string()
    .max(2048, 'may be at most 2048 characters')
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http or https URL WeChat can download' })),
  mediaType: z.literal([1, 2]),
  scene: z.literal([1, 2, 3, 4]),
  openid: openidSchema,
});

const MediaCheckSubmission = builder.simpleObject('MediaCheckSubmission', {
  description: 'An accepted asynchronous media check. Its verdict arrives later as a wxa_media_check push event with the same trace id.',
  authScopes: { apiKey: 'security:check' },
  fields: (t) => ({
    traceId: t.string({ description: 'Matches the trace_id of the wxa_media_check push event carrying the verdict.' }),
  }),
});

builder.mutationField('checkMediaAsync', (t) =>
  t.field({
    type: MediaCheckSubmission,
    description:
      'Submits an image or audio URL to WeChat for an asynchronous content check (media_check_async v2). The verdict is pushed to the webhook later. Not repeated when the outcome is unknown.',
    authScopes: { apiKey: 'security:check' },
    args: { ...appArg(), input: t.arg({ type: MediaCheckInput, description: 'The media and its author.', validate: { schema: mediaCheckSchema } }) },
    resolve: async (_root, args, ctx) => {
      const { input } = args;
      const wx = ctx.wechat(args.app, 'miniprogram');
      return checkMediaAsync(wx, { mediaUrl: input.mediaUrl, mediaType: input.mediaType as 1 | 2, scene: input.scene as CheckScene, openid: input.openid }, ctx.signal);
    },
  }),
);
