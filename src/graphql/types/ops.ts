import { getApiDomainIp, getCallbackIp } from '../../wechat/api/ops.ts';
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
