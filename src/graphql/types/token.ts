import type { TokenStatus } from '../../wechat/token.ts';
import { builder } from '../builder.ts';
import { appArg } from './refs.ts';

/**
 * The central token service: WeChat asks multi-server deployments to run one refresher.
 * Other internal services read the token here instead of refreshing it themselves.
 */
const AccessToken = builder.simpleObject('AccessToken', {
  description: "An app's current access_token, for internal services that call WeChat directly. Treat it as a secret.",
  authScopes: { apiKey: 'token:read' },
  fields: (t) => ({
    value: t.string({ description: 'The access_token.' }),
    expiresAt: t.field({ type: 'DateTime', description: 'When WeChat stops accepting it; the gateway refreshes about 5 minutes earlier.' }),
  }),
});

const TokenSourceEnum = builder.enumType('TokenSource', {
  description: 'Which WeChat endpoint issues the tokens.',
  values: {
    STABLE: { value: 'stable', description: 'cgi-bin/stable_token: never invalidates tokens held elsewhere.' },
    CLASSIC: { value: 'classic', description: 'cgi-bin/token: each refresh kills the previous token at once.' },
  } as const,
});

const SharedStoreState = builder.enumType('SharedStoreState', {
  description: 'Where tokens are shared between gateway instances.',
  values: {
    OK: { value: 'ok', description: 'Redis answers: every instance shares one token.' },
    DEGRADED: { value: 'degraded', description: 'Redis is unreachable: this instance serves from its own cache.' },
    MEMORY: { value: 'memory', description: 'No Redis configured: one instance only.' },
  } as const,
});

const TokenStatusType = builder.objectRef<TokenStatus>('TokenStatus').implement({
  description: "The state of an app's access token, without the token itself.",
  authScopes: { apiKey: 'admin' },
  fields: (t) => ({
    appId: t.exposeString('appid', { description: "The app's AppID." }),
    source: t.field({ type: TokenSourceEnum, description: 'The endpoint that issues the tokens.', resolve: (s) => s.source }),
    refreshedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the current token was fetched; null before the first call.', resolve: (s) => s.refreshedAt ?? null }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, description: 'When the current token expires.', resolve: (s) => s.expiresAt ?? null }),
    sharedStore: t.field({ type: SharedStoreState, description: 'Whether the token is shared through Redis right now.', resolve: (s) => s.sharedStore }),
  }),
});

builder.queryFields((t) => ({
  accessToken: t.field({
    type: AccessToken,
    description: "The app's current access_token (fetched or refreshed if needed), so a company runs one refresher.",
    authScopes: { apiKey: 'token:read' },
    args: appArg(),
    resolve: async (_root, args, ctx) => {
      const wx = ctx.wechat(args.app);
      const value = await ctx.services.tokens.get(wx.app, { signal: ctx.signal });
      const status = await ctx.services.tokens.status(wx.app);
      return { value, expiresAt: status.expiresAt ?? new Date() };
    },
  }),
  tokenStatus: t.field({
    type: TokenStatusType,
    description: "The state of an app's access token: source, last refresh, expiry, shared-store health.",
    authScopes: { apiKey: 'admin' },
    args: appArg(),
    resolve: (_root, args, ctx) => ctx.services.tokens.status(ctx.wechat(args.app).app),
  }),
}));
