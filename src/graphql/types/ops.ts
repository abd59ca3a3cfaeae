import { z } from 'zod';
import { getApiDomainIp, getApiQuota, getCallbackIp, getRequestInfo, type ApiQuota, type RequestInfo } from '../../wechat/api/ops.ts';
import type { AppClient } from '../../wechat/client.ts';
import { builder } from '../builder.ts';
import { appArg } from './common.ts';

const WeChatServerIps = builder.objectRef<AppClient>('WeChatServerIps').implement({
  description: "WeChat's own server addresses, for firewall rules. Entries may be single IPv4 addresses or CIDR blocks.",
  authScopes: { apiKey: 'logs:read' },
  fields: (t) => ({
    apiDomain: t.stringList({
      description: 'Addresses behind api.weixin.qq.com (outbound allowlists). From `cgi-bin/get_api_domain_ip`.',
      resolve: (wx, _args, ctx) => getApiDomainIp(wx, ctx.signal),
    }),
    callback: t.stringList({
      description: 'Addresses WeChat pushes messages from (inbound allowlists). From `cgi-bin/getcallbackip`.',
      resolve: (wx, _args, ctx) => getCallbackIp(wx, ctx.signal),
    }),
  }),
});

builder.queryField('wechatServerIps', (t) =>
  t.field({
    type: WeChatServerIps,
    description: "WeChat's API and push server addresses as seen by one app's access token.",
    authScopes: { apiKey: 'logs:read' },
    args: appArg(),
    resolve: (_root, args, ctx) => ctx.wechat(args.app),
  }),
);

const ApiQuotaType = builder.objectRef<ApiQuota & { path: string }>('ApiQuota').implement({
  description: "Today's call quota of one WeChat API for an app (cgi-bin/openapi/quota/get).",
  authScopes: { apiKey: 'logs:read' },
  fields: (t) => ({
    path: t.exposeString('path', { description: 'The API path asked about.' }),
    dailyLimit: t.exposeInt('dailyLimit', { description: 'Calls allowed per day.' }),
    used: t.exposeInt('used', { description: 'Calls made today.' }),
    remain: t.exposeInt('remain', { description: 'Calls left today.' }),
    rateLimitCalls: t.int({
      nullable: true,
      description: 'Calls allowed per rate-limit window, when WeChat reports one.',
      resolve: (quota) => quota.rateLimit?.callCount ?? null,
    }),
    rateLimitWindowSeconds: t.int({
      nullable: true,
      description: 'Length of the rate-limit window in seconds, when WeChat reports one.',
      resolve: (quota) => quota.rateLimit?.refreshSeconds ?? null,
    }),
  }),
});

const ApiRequestInfo = builder.objectRef<RequestInfo>('ApiRequestInfo').implement({
  description: 'What WeChat recorded about one call, found by the rid in its error message (cgi-bin/openapi/rid/get). Credentials in the URL are redacted.',
  authScopes: { apiKey: 'logs:read' },
  fields: (t) => ({
    invokedAt: t.field({ type: 'DateTime', description: 'When the call reached WeChat.', resolve: (info) => info.invokedAt }),
    costMs: t.exposeInt('costMs', { description: 'How long WeChat took, in milliseconds.' }),
    requestUrl: t.exposeString('requestUrl', { description: 'The path and query WeChat received (access_token redacted).' }),
    requestBody: t.exposeString('requestBody', { description: 'The request body WeChat received.' }),
    responseBody: t.exposeString('responseBody', { description: 'What WeChat answered.' }),
    clientIp: t.exposeString('clientIp', { nullable: true, description: 'The address the call came from.' }),
  }),
});

builder.queryFields((t) => ({
  apiQuota: t.field({
    type: ApiQuotaType,
    description: "Today's quota of one WeChat API path for an app, e.g. \"/cgi-bin/message/custom/send\".",
    authScopes: { apiKey: 'logs:read' },
    args: {
      ...appArg(),
      path: t.arg.string({
        description: 'The API path with its leading slash, without query, e.g. "/wxa/msg_sec_check".',
        validate: { schema: z.string().regex(/^\/[a-z0-9_/-]+$/i, 'must be an API path such as /cgi-bin/message/custom/send').max(128) },
      }),
    },
    resolve: async (_root, args, ctx) => ({ path: args.path, ...(await getApiQuota(ctx.wechat(args.app), args.path, ctx.signal)) }),
  }),
  apiRequest: t.field({
    type: ApiRequestInfo,
    description: 'Looks up a failed call by the rid WeChat appended to its errmsg (errors from this gateway carry it as extensions.rid).',
    authScopes: { apiKey: 'logs:read' },
    args: {
      ...appArg(),
      rid: t.arg.string({
        description: 'The request id, e.g. "654e0b13-0f2e7229-0494092b".',
        validate: { schema: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/i, 'must look like 654e0b13-0f2e7229-0494092b') },
      }),
    },
    resolve: (_root, args, ctx) => getRequestInfo(ctx.wechat(args.app), args.rid, ctx.signal),
  }),
}));
