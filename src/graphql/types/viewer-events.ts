import { filter, pipe } from 'graphql-yoga';
import { pushChannel, type PushEvent } from '../../wechat/events.ts';
import { builder } from '../builder.ts';
import { gatewayError } from '../errors.ts';
import { WeChatEventType } from './refs.ts';

const ViewerEvent = builder.objectRef<PushEvent>('ViewerEvent').implement({
  description:
    "A push WeChat sent about the signed-in user: a message they sent to the app (customer service, Official Account chat) or an event they caused (subscribe, subscribe-message choices...). Reached only through viewerEvents.",
  authScopes: { session: true },
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The dedupe key, as WeChatEvent.id.' }),
    type: t.field({ type: WeChatEventType, description: 'What the push is.', resolve: (event) => event.type }),
    msgType: t.exposeString('msgType', { description: 'MsgType as WeChat sent it.' }),
    event: t.exposeString('event', { nullable: true, description: 'Event as WeChat sent it; null for user messages.' }),
    createTime: t.field({ type: 'DateTime', description: 'CreateTime: when WeChat created the message.', resolve: (event) => new Date(event.createTime * 1000) }),
    content: t.string({
      nullable: true,
      description: 'The text of a text message; null for other kinds.',
      resolve: (event) => (event.type === 'text' ? event.data.content : null),
    }),
    raw: t.field({ type: 'JSON', description: 'Every field of the message with WeChat\'s own names.', resolve: (event) => event.raw }),
  }),
});

builder.subscriptionField('viewerEvents', (t) =>
  t.field({
    type: ViewerEvent,
    description:
      "Pushes about the signed-in user (FromUserName is their OpenID in the app they signed in to), live from the moment the subscription starts. For a signed-in user. Over SSE: POST /graphql with `accept: text/event-stream`.",
    authScopes: { session: true },
    subscribe: (_root, _args, ctx) => {
      if (ctx.principal?.kind !== 'session') throw gatewayError('A signed-in user is required.', 'UNAUTHENTICATED');
      const { app, openid } = ctx.principal.session;
      return pipe(
        ctx.services.events.subscribe(pushChannel(app)),
        filter((event: PushEvent) => event.fromUser === openid),
      );
    },
    resolve: (event) => event,
  }),
);
