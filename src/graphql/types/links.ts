import { addDays } from 'date-fns';
import { z } from 'zod';
import {
  generateShortLink,
  generateUrlLink,
  generateUrlScheme,
  queryUrlLink,
  queryUrlScheme,
  type LinkExpiry,
  type LinkInfo,
} from '../../wechat/api/links.ts';
import type { EnvVersion } from '../../wechat/api/qrcode.ts';
import { builder } from '../builder.ts';
import { appArg, MiniProgramEnvVersion } from './refs.ts';

/** WeChat's longest expiry for schemes and URL links (85401 beyond it, and under a minute). */
const MAX_DAYS = 30;
const MIN_LEAD_MS = 60_000;
/** Temporary short links live 30 days. */
const SHORT_LINK_DAYS = 30;

const linkPathSchema = z
  .string()
  .max(1024, 'must be at most 1024 characters')
  .refine((value) => !value.includes('?'), 'takes no query: pass it in query')
  .regex(/^\/?[A-Za-z0-9_\-./]*$/, 'must be a page path of letters, digits, _ - . and /, e.g. pages/index/index');
const linkQuerySchema = z
  .string()
  .max(1024, 'must be at most 1024 characters')
  .regex(/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~%]*$/, "may contain only 0-9, a-z, A-Z and !#$&'()*+,/:;=?@-._~% (percent-encode anything else)");

/** Fields shared by scheme and URL link inputs. */
function jumpInput(what: string) {
  return builder.inputType(`Generate${what.replace(/ /g, '')}Input`, {
    description: `Where the ${what} opens the mini program and when it stops working (at most 30 days: WeChat no longer issues permanent ones). Checked before WeChat is called.`,
    fields: (t) => ({
      path: t.string({
        required: false,
        description: 'A page of the released mini program, without query (e.g. pages/product/detail). Default: the home page.',
        validate: { schema: linkPathSchema },
      }),
      query: t.string({
        required: false,
        description: "Query the page receives, at most 1024 characters of 0-9 a-z A-Z !#$&'()*+,/:;=?@-._~%.",
        validate: { schema: linkQuerySchema },
      }),
      envVersion: t.field({
        type: MiniProgramEnvVersion,
        required: false,
        description: 'Which build it opens when used outside WeChat (default RELEASE).',
      }),
      expireAt: t.field({
        type: 'DateTime',
        required: false,
        description: 'Stops working at this time: at least 1 minute and at most 30 days from now. Give this or expireInDays (default 30 days).',
      }),
      expireInDays: t.int({
        required: false,
        description: 'Stops working this many days after it is generated, 1..30. Give this or expireAt (default 30).',
        validate: { schema: z.number().int().min(1, 'must be 1..30 days').max(MAX_DAYS, 'must be 1..30 days') },
      }),
    }),
    validate: {
      schema: z.any().superRefine((input: { expireAt?: Date | null; expireInDays?: number | null }, issues) => {
        const fail = (message: string) => issues.addIssue({ code: 'custom', path: ['expireAt'], message });
        if (input.expireAt != null && input.expireInDays != null) return fail('give expireAt or expireInDays, not both');
        if (input.expireAt == null) return;
        const lead = input.expireAt.getTime() - Date.now();
        if (lead < MIN_LEAD_MS) fail('must be at least 1 minute in the future');
        else if (lead > MAX_DAYS * 86_400_000) fail('must be at most 30 days from now');
      }),
    },
  });
}

const GenerateUrlSchemeInput = jumpInput('Url Scheme');
const GenerateUrlLinkInput = jumpInput('Url Link');
type JumpInput = typeof GenerateUrlSchemeInput.$inferInput;

function jumpTarget(input: JumpInput) {
  const expiry: LinkExpiry =
    input.expireAt != null ? { type: 'time', at: input.expireAt } : { type: 'interval', days: input.expireInDays ?? MAX_DAYS };
  const expiresAt = expiry.type === 'time' ? expiry.at : addDays(new Date(), expiry.days);
  return {
    target: { path: input.path || undefined, query: input.query || undefined, envVersion: (input.envVersion ?? 'release') as EnvVersion, expiry },
    expiresAt,
  };
}

interface Generated {
  value: string;
  expiresAt: Date;
}

const UrlScheme = builder.objectRef<Generated>('UrlScheme').implement({
  description: 'An encrypted URL scheme that opens the mini program from SMS, mail or web pages (wxa/generatescheme).',
  authScopes: { apiKey: 'links:create' },
  fields: (t) => ({
    openlink: t.string({ description: 'The scheme, e.g. weixin://dl/business/?t=3uGqLFHHS3r.', resolve: (g) => g.value }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'When it stops working, as asked for (an interval counts from now).',
      resolve: (g) => g.expiresAt,
    }),
  }),
});

const UrlLink = builder.objectRef<Generated>('UrlLink').implement({
  description: 'A https URL that opens the mini program (wxa/generate_urllink).',
  authScopes: { apiKey: 'links:create' },
  fields: (t) => ({
    urlLink: t.string({ description: 'The link, e.g. https://wxaurl.cn/BQZRrcFCPvg.', resolve: (g) => g.value }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'When it stops working, as asked for (an interval counts from now).',
      resolve: (g) => g.expiresAt,
    }),
  }),
});

const ShortLink = builder.objectRef<{ value: string; expiresAt: Date | null }>('ShortLink').implement({
  description: 'A Short Link to paste inside WeChat (wxa/genwxashortlink). Not a URL: it looks like #小程序://<name>/<token>.',
  authScopes: { apiKey: 'links:create' },
  fields: (t) => ({
    link: t.string({ description: 'The short link text.', resolve: (g) => g.value }),
    permanent: t.boolean({ description: 'Whether it never expires.', resolve: (g) => g.expiresAt === null }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When a temporary link stops working (30 days from now); null for permanent links.',
      resolve: (g) => g.expiresAt,
    }),
  }),
});

const ENV_VERSIONS = new Set(['release', 'trial', 'develop']);

const MiniProgramLinkInfo = builder.objectRef<LinkInfo>('MiniProgramLinkInfo').implement({
  description: 'What WeChat knows about a URL scheme or URL link (wxa/queryscheme, wxa/query_urllink).',
  authScopes: { apiKey: 'links:read' },
  fields: (t) => ({
    appid: t.string({ nullable: true, description: 'AppID of the mini program it opens.', resolve: (i) => i.appid ?? null }),
    path: t.string({ description: 'The page it opens; empty for the home page.', resolve: (i) => i.path ?? '' }),
    query: t.string({ description: 'The query it passes; empty for none.', resolve: (i) => i.query ?? '' }),
    envVersion: t.field({
      type: MiniProgramEnvVersion,
      nullable: true,
      description: 'The build it opens; null when WeChat does not say or names one this schema does not know.',
      resolve: (i) => (i.envVersion && ENV_VERSIONS.has(i.envVersion) ? (i.envVersion as EnvVersion) : null),
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was generated; null for plain-text schemes, which WeChat does not store.',
      resolve: (i) => i.createdAt ?? null,
    }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, description: 'When it stops working; null when WeChat reports none.', resolve: (i) => i.expiresAt ?? null }),
    visitOpenid: t.string({ nullable: true, description: 'OpenID of the user who opened it, when WeChat reports one.', resolve: (i) => i.visitOpenid ?? null }),
  }),
});

const GenerateShortLinkInput = builder.inputType('GenerateShortLinkInput', {
  description: 'A Short Link to a page. Checked before WeChat is called.',
  fields: (t) => ({
    pageUrl: t.string({
      description: 'A page of the released mini program with optional query, at most 1024 characters, e.g. pages/product/detail?id=7.',
      validate: {
        schema: z
          .string()
          .min(1, 'must not be empty')
          .max(1024, 'must be at most 1024 characters')
          .regex(/^\/?[A-Za-z0-9_\-./]+(\?[0-9A-Za-z!#$&'()*+,/:;=?@\-._~%]*)?$/, 'must be a page path with optional ?query, e.g. pages/product/detail?id=7'),
      },
    }),
    pageTitle: t.string({
      required: false,
      description: 'Title shown with the link; WeChat shortens titles over 20 characters.',
      validate: { schema: z.string().max(1024, 'must be at most 1024 characters') },
    }),
    permanent: t.boolean({
      required: false,
      description: 'A link that never expires; WeChat allows 100 000 per app for ever (errcode 85400). Default false: the link lives 30 days.',
    }),
  }),
});

const schemeArg = z
  .string()
  .max(2048, 'must be at most 2048 characters')
  .regex(/^weixin:\/\/dl\/business\/\?\S+$/, 'must be a URL scheme such as weixin://dl/business/?t=3uGqLFHHS3r');
const urlLinkArg = z
  .string()
  .max(2048, 'must be at most 2048 characters')
  .regex(/^https:\/\/wxaurl\.cn\/[A-Za-z0-9]+(\?\S*)?$/, 'must be a URL link such as https://wxaurl.cn/BQZRrcFCPvg');

builder.mutationFields((t) => ({
  generateUrlScheme: t.field({
    type: UrlScheme,
    description: 'Generates an encrypted URL scheme (wxa/generatescheme). Counts against the daily 500 000 schemes and URL links.',
    authScopes: { apiKey: 'links:create' },
    args: { ...appArg(), input: t.arg({ type: GenerateUrlSchemeInput, required: false, description: 'Target and expiry; all optional.' }) },
    resolve: async (_root, args, ctx) => {
      const wx = ctx.wechat(args.app, 'miniprogram');
      const { target, expiresAt } = jumpTarget(args.input ?? {});
      return { value: await generateUrlScheme(wx, target, ctx.signal), expiresAt };
    },
  }),
  generateUrlLink: t.field({
    type: UrlLink,
    description: 'Generates a URL link (wxa/generate_urllink). Counts against the daily 500 000 schemes and URL links.',
    authScopes: { apiKey: 'links:create' },
    args: { ...appArg(), input: t.arg({ type: GenerateUrlLinkInput, required: false, description: 'Target and expiry; all optional.' }) },
    resolve: async (_root, args, ctx) => {
      const wx = ctx.wechat(args.app, 'miniprogram');
      const { target, expiresAt } = jumpTarget(args.input ?? {});
      return { value: await generateUrlLink(wx, target, ctx.signal), expiresAt };
    },
  }),
  generateShortLink: t.field({
    type: ShortLink,
    description: 'Generates a Short Link (wxa/genwxashortlink) to share inside WeChat.',
    authScopes: { apiKey: 'links:create' },
    args: { ...appArg(), input: t.arg({ type: GenerateShortLinkInput, description: 'Page, title and lifetime.' }) },
    resolve: async (_root, args, ctx) => {
      const wx = ctx.wechat(args.app, 'miniprogram');
      const permanent = args.input.permanent ?? false;
      const link = await generateShortLink(wx, { pageUrl: args.input.pageUrl, pageTitle: args.input.pageTitle ?? undefined, permanent }, ctx.signal);
      return { value: link, expiresAt: permanent ? null : addDays(new Date(), SHORT_LINK_DAYS) };
    },
  }),
}));

builder.queryFields((t) => ({
  urlScheme: t.field({
    type: MiniProgramLinkInfo,
    nullable: true,
    description: 'What WeChat knows about a URL scheme (wxa/queryscheme); null when WeChat does not know it (85403).',
    authScopes: { apiKey: 'links:read' },
    args: { ...appArg(), scheme: t.arg.string({ description: 'The scheme, e.g. weixin://dl/business/?t=3uGqLFHHS3r.', validate: { schema: schemeArg } }) },
    resolve: async (_root, args, ctx) => (await queryUrlScheme(ctx.wechat(args.app, 'miniprogram'), args.scheme, ctx.signal)) ?? null,
  }),
  urlLink: t.field({
    type: MiniProgramLinkInfo,
    nullable: true,
    description: 'What WeChat knows about a URL link (wxa/query_urllink); null when WeChat does not know it (85403).',
    authScopes: { apiKey: 'links:read' },
    args: { ...appArg(), urlLink: t.arg.string({ description: 'The link, e.g. https://wxaurl.cn/BQZRrcFCPvg.', validate: { schema: urlLinkArg } }) },
    resolve: async (_root, args, ctx) => (await queryUrlLink(ctx.wechat(args.app, 'miniprogram'), args.urlLink, ctx.signal)) ?? null,
  }),
}));
