import { z } from 'zod';
import { fetchShortKey, generateShortKey } from '../../wechat/api/shorten.ts';
import { builder } from '../builder.ts';
import { appArg } from './refs.ts';

const MAX_SECONDS = 2_592_000;

const ShortKey = builder.simpleObject('ShortKey', {
  description: 'Data kept by WeChat behind a short key (cgi-bin/shorten/fetch).',
  authScopes: { apiKey: 'links:read' },
  fields: (t) => ({
    key: t.string({ description: 'The short key.' }),
    data: t.string({ description: 'The data stored under it.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When the key was made.' }),
    expiresAt: t.field({ type: 'DateTime', description: 'When WeChat forgets it (from the remaining lifetime WeChat reports).' }),
  }),
});

builder.mutationField('createShortKey', (t) =>
  t.string({
    description:
      'Stores up to 4 KB of data under a short key for up to 30 days (cgi-bin/shorten/gen) and returns the key, e.g. to carry long parameters through a QR code or link. This replaces cgi-bin/shorturl (long→short URL), which WeChat stopped on 2021-03-15.',
    authScopes: { apiKey: 'links:create' },
    args: {
      ...appArg(),
      data: t.arg.string({
        description: 'The data, at most 4096 bytes (UTF-8).',
        validate: { schema: z.string().min(1, 'must not be empty').refine((v) => Buffer.byteLength(v, 'utf8') <= 4096, 'must be at most 4096 bytes (UTF-8)') },
      }),
      expireSeconds: t.arg.int({
        required: false,
        description: 'How long WeChat keeps it: 1..2592000 seconds (30 days, the default).',
        validate: { schema: z.number().int().min(1, 'must be at least 1 second').max(MAX_SECONDS, 'must be at most 2592000 seconds (30 days)') },
      }),
    },
    resolve: (_root, args, ctx) => generateShortKey(ctx.wechat(args.app, 'officialAccount'), args.data, args.expireSeconds ?? MAX_SECONDS, ctx.signal),
  }),
);

builder.queryField('shortKey', (t) =>
  t.field({
    type: ShortKey,
    nullable: true,
    description: "The data behind a short key (cgi-bin/shorten/fetch); null when the key is unknown, expired or another account's (9410012).",
    authScopes: { apiKey: 'links:read' },
    args: { ...appArg(), key: t.arg.string({ description: 'The short key.', validate: { schema: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'is not a short key') } }) },
    resolve: async (_root, args, ctx) => {
      const found = await fetchShortKey(ctx.wechat(args.app, 'officialAccount'), args.key, ctx.signal);
      if (!found) return null;
      const now = Date.now();
      return { key: args.key, data: found.longData, createdAt: new Date(found.createTime * 1000), expiresAt: new Date(now + found.expireSeconds * 1000) };
    },
  }),
);
