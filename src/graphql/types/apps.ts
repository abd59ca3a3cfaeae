import { builder } from '../builder.ts';
import { WeChatApp } from './refs.ts';

export const AppKind = builder.enumType('AppKind', {
  description: 'What sort of WeChat account an app is.',
  values: {
    MINIPROGRAM: { value: 'miniprogram', description: 'A Mini Program.' },
    OFFICIAL_ACCOUNT: { value: 'officialAccount', description: 'An Official Account.' },
  } as const,
});

WeChatApp.implement({
  description: 'A WeChat app this gateway is configured to serve. Its secrets never leave the gateway.',
  authScopes: { public: true },
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The name callers pass as `app`.' }),
    kind: t.field({ type: AppKind, description: 'Mini Program or Official Account.', resolve: (app) => app.kind }),
    appId: t.exposeString('appid', { description: "WeChat's AppID (public)." }),
    pushEnabled: t.boolean({
      description: 'Whether a push token is configured, so /wechat/:app accepts pushes for it.',
      resolve: (app) => !!app.token,
    }),
  }),
});

builder.queryField('apps', (t) =>
  t.field({
    type: [WeChatApp],
    description: 'The WeChat apps this gateway serves; the first is the default `app`.',
    authScopes: { public: true },
    resolve: (_root, _args, ctx) => [...ctx.services.clients.values()].map((client) => client.app),
  }),
);
