import { filter, pipe, Repeater } from 'graphql-yoga';
import { pushChannel, type PushEvent, type PushEventOf, type PushEventType } from '../../wechat/events.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { ContentCheckSuggest, DELIVERY_EVENT_TYPE_NAMES, ScanEventRef, SubscribeEventRef, WeChatApp, WeChatEvent, WeChatEventType } from './refs.ts';

const EVENTS_READ = { apiKey: 'events:read' } as const;

/** GraphQL type of each kind; short videos share the video type. */
const TYPE_NAMES: Record<PushEventType, string> = {
  text: 'TextMessageEvent',
  image: 'ImageMessageEvent',
  voice: 'VoiceMessageEvent',
  video: 'VideoMessageEvent',
  shortvideo: 'VideoMessageEvent',
  location: 'LocationMessageEvent',
  link: 'LinkMessageEvent',
  miniprogrampage: 'MiniProgramPageMessageEvent',
  subscribe: 'SubscribeEvent',
  unsubscribe: 'UnsubscribeEvent',
  scan: 'ScanEvent',
  subscribe_msg_popup: 'SubscribeMessagePopupEvent',
  subscribe_msg_change: 'SubscribeMessageChangeEvent',
  subscribe_msg_sent: 'SubscribeMessageSentEvent',
  user_enter_tempsession: 'UserEnterTempSessionEvent',
  media_check: 'MediaCheckEvent',
  // --- Official Account family (issue #15) ---
  template_send_job_finish: 'TemplateSendJobFinishEvent',
  unknown: 'UnknownEvent',
  // Mini-program delivery family: DELIVERY_EVENT_TYPE_NAMES in refs.ts.
  ...DELIVERY_EVENT_TYPE_NAMES,
};

WeChatEvent.implement({
  description:
    'A push from WeChat to one app, verified and decrypted by the gateway. Every kind carries these fields; `raw` has the whole message as WeChat sent it.',
  authScopes: EVENTS_READ,
  resolveType: (event) => TYPE_NAMES[event.type],
  fields: (t) => ({
    id: t.exposeID('id', {
      description: "The dedupe key: `msg:<MsgId>`, or `evt:<FromUserName>:<CreateTime>:<Event>` for events without a MsgId. WeChat's retries share it.",
    }),
    type: t.field({ type: WeChatEventType, description: 'What the push is.', resolve: (event) => event.type }),
    app: t.field({
      type: WeChatApp,
      description: 'The app the push was sent to.',
      resolve: (event, _args, ctx) => {
        const client = ctx.services.clients.get(event.app);
        if (!client) throw new Error(`push for unconfigured app ${event.app}`);
        return client.app;
      },
    }),
    fromUser: t.exposeString('fromUser', { description: "FromUserName: the user's openid (for system events, the sender WeChat names)." }),
    toUser: t.exposeString('toUser', { description: "ToUserName: the app's original id (`gh_...`) or AppID." }),
    createTime: t.field({ type: 'DateTime', description: 'CreateTime: when WeChat created the message.', resolve: (event) => new Date(event.createTime * 1000) }),
    receivedAt: t.field({ type: 'DateTime', description: 'When the gateway accepted the push.', resolve: (event) => new Date(event.receivedAt) }),
    msgType: t.exposeString('msgType', { description: 'MsgType as WeChat sent it (`text`, `event`, ...).' }),
    event: t.exposeString('event', { nullable: true, description: 'Event as WeChat sent it (`subscribe`, `SCAN`, ...); null for user messages.' }),
    raw: t.field({
      type: 'JSON',
      description: 'Every field of the decrypted message with WeChat\'s own names; 64-bit numbers such as MsgId are strings.',
      resolve: (event) => event.raw,
    }),
  }),
});

/** What every kind's object type shares. */
const EVENT = { interfaces: [WeChatEvent], authScopes: EVENTS_READ };

builder.objectRef<PushEventOf<'text'>>('TextMessageEvent').implement({
  ...EVENT,
  description: 'A text message a user sent to the app.',
  fields: (t) => ({
  content: t.string({ description: 'Content: the text, verbatim.', resolve: (e) => e.data.content }),
  menuId: t.string({ nullable: true, description: 'bizmsgmenuid: the menu option the user tapped, when the message came from a menu reply.', resolve: (e) => e.data.menuId }),
  }),
});

builder.objectRef<PushEventOf<'image'>>('ImageMessageEvent').implement({
  ...EVENT,
  description: 'An image a user sent.',
  fields: (t) => ({
  picUrl: t.string({ nullable: true, description: 'PicUrl: a temporary link to the image.', resolve: (e) => e.data.picUrl }),
  mediaId: t.string({ nullable: true, description: 'MediaId: fetch the image with the temporary-media API.', resolve: (e) => e.data.mediaId }),
  }),
});

builder.objectRef<PushEventOf<'voice'>>('VoiceMessageEvent').implement({
  ...EVENT,
  description: 'A voice message a user sent.',
  fields: (t) => ({
  mediaId: t.string({ nullable: true, description: 'MediaId of the recording.', resolve: (e) => e.data.mediaId }),
  format: t.string({ nullable: true, description: 'Format: `amr`, `speex`, ...', resolve: (e) => e.data.format }),
  recognition: t.string({ nullable: true, description: 'Recognition: the speech as text, when recognition is on.', resolve: (e) => e.data.recognition }),
  }),
});

builder.objectRef<PushEventOf<'video'> | PushEventOf<'shortvideo'>>('VideoMessageEvent').implement({
  description: 'A video or short video a user sent.',
  interfaces: [WeChatEvent],
  authScopes: EVENTS_READ,
  fields: (t) => ({
    mediaId: t.string({ nullable: true, description: 'MediaId of the video.', resolve: (e) => e.data.mediaId }),
    thumbMediaId: t.string({ nullable: true, description: 'ThumbMediaId of its thumbnail.', resolve: (e) => e.data.thumbMediaId }),
    short: t.boolean({ description: 'Whether it is a short video (MsgType `shortvideo`).', resolve: (e) => e.type === 'shortvideo' }),
  }),
});

builder.objectRef<PushEventOf<'location'>>('LocationMessageEvent').implement({
  ...EVENT,
  description: 'A location a user sent.',
  fields: (t) => ({
  latitude: t.float({ nullable: true, description: 'Location_X: latitude.', resolve: (e) => e.data.latitude }),
  longitude: t.float({ nullable: true, description: 'Location_Y: longitude.', resolve: (e) => e.data.longitude }),
  scale: t.int({ nullable: true, description: 'Scale: the map zoom level.', resolve: (e) => e.data.scale }),
  label: t.string({ nullable: true, description: 'Label: the place name.', resolve: (e) => e.data.label }),
  }),
});

builder.objectRef<PushEventOf<'link'>>('LinkMessageEvent').implement({
  ...EVENT,
  description: 'A link a user sent.',
  fields: (t) => ({
  title: t.string({ nullable: true, description: 'Title of the link.', resolve: (e) => e.data.title }),
  description: t.string({ nullable: true, description: 'Description of the link.', resolve: (e) => e.data.description }),
  url: t.string({ nullable: true, description: 'Url of the link.', resolve: (e) => e.data.url }),
  }),
});

builder.objectRef<PushEventOf<'miniprogrampage'>>('MiniProgramPageMessageEvent').implement({
  ...EVENT,
  description: 'A mini-program page card a user sent to customer service.',
  fields: (t) => ({
  title: t.string({ nullable: true, description: 'Title of the card.', resolve: (e) => e.data.title }),
  appId: t.string({ nullable: true, description: 'AppId of the mini program the card opens.', resolve: (e) => e.data.appId }),
  pagePath: t.string({ nullable: true, description: 'PagePath the card opens.', resolve: (e) => e.data.pagePath }),
  thumbUrl: t.string({ nullable: true, description: 'ThumbUrl: the card image.', resolve: (e) => e.data.thumbUrl }),
  thumbMediaId: t.string({ nullable: true, description: 'ThumbMediaId of the card image.', resolve: (e) => e.data.thumbMediaId }),
  }),
});

SubscribeEventRef.implement({
  ...EVENT,
  description: 'A user followed the Official Account; through a parametric QR code when `scene` is set.',
  fields: (t) => ({
  scene: t.string({ nullable: true, description: 'The QR code scene (EventKey without its `qrscene_` prefix); null for a plain follow.', resolve: (e) => e.data.scene }),
  eventKey: t.string({ nullable: true, description: 'EventKey as sent (`qrscene_<scene>`).', resolve: (e) => e.data.eventKey }),
  ticket: t.string({ nullable: true, description: 'Ticket of the QR code, which can fetch its image.', resolve: (e) => e.data.ticket }),
  }),
});

builder.objectRef<PushEventOf<'unsubscribe'>>('UnsubscribeEvent').implement({
  ...EVENT,
  description: 'A user unfollowed the Official Account.',
  fields: () => ({}),
});

ScanEventRef.implement({
  ...EVENT,
  description: 'A user who already follows scanned a parametric QR code.',
  fields: (t) => ({
  scene: t.string({ nullable: true, description: 'The QR code scene (EventKey; SCAN sends it without a prefix).', resolve: (e) => e.data.scene || null }),
  ticket: t.string({ nullable: true, description: 'Ticket of the QR code.', resolve: (e) => e.data.ticket }),
  }),
});

const SubscribeMessagePopupChoice = builder
  .objectRef<PushEventOf<'subscribe_msg_popup'>['data']['subscriptions'][number]>('SubscribeMessagePopupChoice')
  .implement({
    description: 'What a user chose for one template in the subscribe-message popup.',
    authScopes: EVENTS_READ,
    fields: (t) => ({
      templateId: t.exposeString('templateId', { description: 'TemplateId of the subscribe-message template.' }),
      status: t.exposeString('status', { description: 'SubscribeStatusString: `accept`, `reject`, or another value WeChat adds.' }),
      accepted: t.boolean({ description: 'Whether the user accepted (status starts with `accept`).', resolve: (c) => c.status.startsWith('accept') }),
      popupScene: t.exposeInt('popupScene', { nullable: true, description: 'PopupScene: where the popup was shown (WeChat code).' }),
    }),
  });

builder.objectRef<PushEventOf<'subscribe_msg_popup'>>('SubscribeMessagePopupEvent').implement({
  ...EVENT,
  description: 'A user answered the subscribe-message popup for one or more templates.',
  fields: (t) => ({
  subscriptions: t.field({ type: [SubscribeMessagePopupChoice], description: 'One entry per template (List, object or array on the wire).', resolve: (e) => e.data.subscriptions }),
  }),
});

const SubscribeMessageChangeChoice = builder
  .objectRef<PushEventOf<'subscribe_msg_change'>['data']['subscriptions'][number]>('SubscribeMessageChangeChoice')
  .implement({
    description: "A template whose subscription a user changed in the mini program's settings.",
    authScopes: EVENTS_READ,
    fields: (t) => ({
      templateId: t.exposeString('templateId', { description: 'TemplateId of the subscribe-message template.' }),
      status: t.exposeString('status', { description: 'SubscribeStatusString: `accept` or `reject`.' }),
      accepted: t.boolean({ description: 'Whether the subscription is now on.', resolve: (c) => c.status.startsWith('accept') }),
    }),
  });

builder.objectRef<PushEventOf<'subscribe_msg_change'>>('SubscribeMessageChangeEvent').implement({
  ...EVENT,
  description: 'A user changed subscribe-message choices in settings.',
  fields: (t) => ({
  subscriptions: t.field({ type: [SubscribeMessageChangeChoice], description: 'One entry per template.', resolve: (e) => e.data.subscriptions }),
  }),
});

const SubscribeMessageSentDelivery = builder
  .objectRef<PushEventOf<'subscribe_msg_sent'>['data']['deliveries'][number]>('SubscribeMessageSentDelivery')
  .implement({
    description: 'The delivery outcome of one subscribe message.',
    authScopes: EVENTS_READ,
    fields: (t) => ({
      templateId: t.exposeString('templateId', { description: 'TemplateId of the message sent.' }),
      msgId: t.exposeString('msgId', { nullable: true, description: 'MsgID of the message (64-bit, as a string).' }),
      errorCode: t.exposeInt('errorCode', { description: 'ErrorCode: 0 when delivered.' }),
      errorStatus: t.exposeString('errorStatus', { description: 'ErrorStatus: `success`, or why it failed.' }),
      delivered: t.boolean({ description: 'Whether it reached the user (ErrorCode 0).', resolve: (d) => d.errorCode === 0 }),
    }),
  });

builder.objectRef<PushEventOf<'subscribe_msg_sent'>>('SubscribeMessageSentEvent').implement({
  ...EVENT,
  description: 'Delivery receipts for subscribe messages the app sent.',
  fields: (t) => ({
  deliveries: t.field({ type: [SubscribeMessageSentDelivery], description: 'One entry per message.', resolve: (e) => e.data.deliveries }),
  }),
});

builder.objectRef<PushEventOf<'user_enter_tempsession'>>('UserEnterTempSessionEvent').implement({
  ...EVENT,
  description: 'A user opened the customer-service chat of the mini program.',
  fields: (t) => ({
  sessionFrom: t.string({ nullable: true, description: "SessionFrom: the `session-from` of the button the user tapped.", resolve: (e) => e.data.sessionFrom }),
  }),
});

const suggestion = (value: string | null | undefined) => (value === 'pass' || value === 'review' || value === 'risky' ? value : null);

const MediaCheckEventDetail = builder
  .objectRef<PushEventOf<'media_check'>['data']['details'][number]>('MediaCheckEventDetail')
  .implement({
    description: "One strategy's finding in a media check verdict.",
    authScopes: EVENTS_READ,
    fields: (t) => ({
      strategy: t.exposeString('strategy', { nullable: true, description: 'strategy: `content_model`, `keyword`, ...' }),
      errcode: t.exposeInt('errcode', { nullable: true, description: 'errcode of this strategy (0 = it ran).' }),
      suggest: t.field({ type: ContentCheckSuggest, nullable: true, description: 'suggest of this strategy.', resolve: (d) => suggestion(d.suggest) }),
      riskLabel: t.exposeInt('label', { nullable: true, description: 'label: the risk category (100 = normal).' }),
      prob: t.exposeFloat('prob', { nullable: true, description: 'prob: confidence, 0-100.' }),
      keyword: t.exposeString('keyword', { nullable: true, description: 'keyword that matched, for the keyword strategy.' }),
    }),
  });

builder.objectRef<PushEventOf<'media_check'>>('MediaCheckEvent').implement({
  ...EVENT,
  description: 'The verdict of an asynchronous media check (media_check_async), matched by traceId.',
  fields: (t) => ({
  traceId: t.string({ description: 'trace_id returned when the check was requested.', resolve: (e) => e.data.traceId }),
  appId: t.string({ nullable: true, description: 'appid the check was made for.', resolve: (e) => e.data.appId }),
  version: t.int({ nullable: true, description: 'version of the check API (2).', resolve: (e) => e.data.version }),
  suggest: t.field({ type: ContentCheckSuggest, nullable: true, description: 'result.suggest: the overall verdict.', resolve: (e) => suggestion(e.data.suggest) }),
  riskLabel: t.int({ nullable: true, description: 'result.label: the main risk category (100 = normal).', resolve: (e) => e.data.label }),
  details: t.field({ type: [MediaCheckEventDetail], description: "detail: each strategy's finding.", resolve: (e) => e.data.details }),
  }),
});

builder.objectRef<PushEventOf<'unknown'>>('UnknownEvent').implement({
  ...EVENT,
  description: 'A push of a kind the gateway does not model (or in a shape it cannot read): read `raw`.',
  fields: () => ({}),
});

builder.subscriptionField('wechatEvents', (t) =>
  t.field({
    type: WeChatEvent,
    description:
      'Pushes WeChat sends to the app named by `app`, or to every app with a push token (mini programs and Official Accounts) when `app` is omitted, live, from the moment the subscription starts (each once, even when WeChat retries). Over SSE: POST /graphql with `accept: text/event-stream`.',
    authScopes: EVENTS_READ,
    args: {
      app: t.arg.string({ required: false, description: 'Id of the configured app whose pushes to deliver; every app with a push token when omitted.' }),
      types: t.arg({
        type: [WeChatEventType],
        required: false,
        description: 'Only these kinds; all kinds when omitted or empty.',
      }),
    },
    subscribe: (_root, args, ctx) => {
      const apps = args.app ? [ctx.wechat(args.app).app] : ctx.services.config.apps.filter((app) => app.token);
      const [first] = apps;
      if (!first) throw badInput('No configured app has a push token, so WeChat cannot push to this gateway.', 'app');
      if (!first.token) throw badInput(`App "${first.id}" has no push token configured, so WeChat cannot push to /wechat/${first.id}.`, 'app');
      const sources = apps.map((app) => ctx.services.events.subscribe(pushChannel(app.id)));
      const source = sources.length === 1 ? sources[0]! : Repeater.merge(sources);
      const wanted = new Set(args.types ?? []);
      return wanted.size ? pipe(source, filter((event: PushEvent) => wanted.has(event.type))) : source;
    },
    resolve: (event) => event,
  }),
);
