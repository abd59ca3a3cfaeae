import { z } from 'zod';
import { webAuthorizeUrl } from '../../wechat/api/oauth.ts';
import { builder } from '../builder.ts';
import { appArg, LoginResult, Viewer } from './refs.ts';

/** Codes WeChat appends to the redirect: short opaque tokens, checked before WeChat sees them. */
const codeSchema = z.string().min(1, 'must not be empty').max(128, 'is longer than any WeChat code').regex(/^[A-Za-z0-9_-]+$/, 'has characters no WeChat code contains');

const WebAuthScope = builder.enumType('WebAuthScope', {
  description: 'Official Account web authorization scope.',
  values: {
    BASE: { value: 'snsapi_base', description: 'snsapi_base: silent, gives the OpenID only.' },
    USERINFO: { value: 'snsapi_userinfo', description: 'snsapi_userinfo: WeChat asks the user, and the nickname and avatar come with the OpenID.' },
  } as const,
});

const WebProfile = builder.simpleObject('WebProfile', {
  description: 'What sns/userinfo returned when the user granted snsapi_userinfo.',
  // Reached only through Viewer, which `me` and the login mutations guard.
  authScopes: { public: true },
  fields: (t) => ({
    nickname: t.string({ nullable: true, description: 'The WeChat nickname.' }),
    avatarUrl: t.string({ nullable: true, description: 'headimgurl: a link to the avatar.' }),
  }),
});

builder.objectFields(Viewer, (t) => ({
  profile: t.field({
    type: WebProfile,
    nullable: true,
    description: 'The profile from web authorization with scope USERINFO; null for mini-program logins and scope BASE.',
    resolve: (session) => (session.profile ? { nickname: session.profile.nickname ?? null, avatarUrl: session.profile.avatarUrl ?? null } : null),
  }),
  signedInWith: t.string({
    description: '`login` (mini program, code2Session) or `webLogin` (Official Account web authorization).',
    resolve: (session) => (session.web ? 'webLogin' : 'login'),
  }),
}));

builder.queryField('webAuthorizationUrl', (t) =>
  t.string({
    description:
      "The Official Account authorize link to send an H5 page's browser to (inside WeChat). WeChat sends the user back to redirectUri with `code` and `state`; pass the code to webLogin.",
    authScopes: { public: true },
    args: {
      ...appArg(),
      redirectUri: t.arg.string({
        description: "Where WeChat sends the user back; its domain must be the Official Account's web-authorization domain.",
        validate: { schema: z.url({ protocol: /^https?$/ }).max(1024) },
      }),
      scope: t.arg({ type: WebAuthScope, required: false, description: 'BASE (default, silent) or USERINFO (asks the user).' }),
      state: t.arg.string({
        description: 'An unguessable value the page keeps and checks when WeChat sends the user back (at most 128 letters or digits).',
        validate: { schema: z.string().regex(/^[A-Za-z0-9]{1,128}$/, 'must be 1 to 128 letters or digits') },
      }),
    },
    resolve: (_root, args, ctx) => {
      const { app } = ctx.wechat(args.app, 'officialAccount');
      return webAuthorizeUrl(ctx.services.config.apiBase, { appid: app.appid, redirectUri: args.redirectUri, scope: args.scope ?? 'snsapi_base', state: args.state });
    },
  }),
);

builder.mutationField('webLogin', (t) =>
  t.field({
    type: LoginResult,
    description:
      "Exchanges the code WeChat appended to an H5 page's URL (Official Account web authorization, sns/oauth2/access_token) for a session, like login does for mini programs. Codes are single use: on failure start the authorization again.",
    authScopes: { public: true },
    args: { ...appArg(), code: t.arg.string({ description: 'The `code` query parameter WeChat sent the user back with.', validate: { schema: codeSchema } }) },
    resolve: (_root, args, ctx) => ctx.services.webAuth.signIn(ctx.wechat(args.app, 'officialAccount'), args.code, ctx.signal),
  }),
);
