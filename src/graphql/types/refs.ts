import { z } from 'zod';
import type { AppConfig } from '../../config/index.ts';
import type { SessionRecord } from '../../store/index.ts';
import type { PushEvent, PushEventOf, PushEventType } from '../../wechat/events.ts';
import { builder } from '../builder.ts';

/*
 * What more than one type module uses: object refs (declared here, implemented by the module of
 * their domain), shared enums and shared arguments. Type modules import nothing else from each other.
 */

/** The `app` argument every WeChat-backed field takes. */
export const appArg = () =>
  builder.args((t) => ({
    app: t.string({
      required: false,
      description: 'Id of the configured WeChat app to use. Defaults to the first configured app of the kind the field needs.',
    }),
  }));

/** An OpenID as WeChat issues them (28 characters today; 16 to 64 accepted), checked before any call. */
export const openidSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not an OpenID (16 to 64 letters, digits, "_" or "-")');

// --- object refs: implemented in apps.ts, session.ts, events.ts ---

export const WeChatApp = builder.objectRef<AppConfig>('WeChatApp');
export const Viewer = builder.objectRef<SessionRecord>('Viewer');
export const LoginResult = builder.objectRef<{ token: string; session: SessionRecord }>('LoginResult');
export const WeChatEvent = builder.interfaceRef<PushEvent>('WeChatEvent');
export const SubscribeEventRef = builder.objectRef<PushEventOf<'subscribe'>>('SubscribeEvent');
export const ScanEventRef = builder.objectRef<PushEventOf<'scan'>>('ScanEvent');

// --- shared enums ---

export const ContentCheckSuggest = builder.enumType('ContentCheckSuggest', {
  description: "WeChat's advice on checked content.",
  values: {
    PASS: { value: 'pass', description: 'Nothing found: publish it.' },
    REVIEW: { value: 'review', description: 'Possibly problematic: have a person look before publishing.' },
    RISKY: { value: 'risky', description: 'Problematic: do not publish.' },
  } as const,
});

export const MiniProgramEnvVersion = builder.enumType('MiniProgramEnvVersion', {
  description: 'Which build of the mini program a code or link opens.',
  values: {
    RELEASE: { value: 'release', description: 'The published version (default).' },
    TRIAL: { value: 'trial', description: 'The trial (体验版) version.' },
    DEVELOP: { value: 'develop', description: 'The development version.' },
  } as const,
});

const ACTIONS = {
  PICKED_UP: [100001, 'Picked up by the courier (揽件成功).'],
  PICKUP_FAILED: [100002, 'Pick-up failed.'],
  COURIER_ASSIGNED: [100003, 'A courier was assigned.'],
  IN_TRANSIT: [200001, 'In transit.'],
  OUT_FOR_DELIVERY: [300002, 'Out for delivery.'],
  DELIVERED: [300003, 'Signed for.'],
  DELIVERY_FAILED: [300004, 'Signing failed.'],
  CANCELLED: [400001, 'The order was cancelled.'],
  HELD: [400002, 'Held (滞留).'],
  OTHER: [0, 'A code WeChat has not documented: see typeCode.'],
} as const;
const KNOWN_ACTIONS = new Set<number>(Object.values(ACTIONS).map(([code]) => code));

export const ExpressActionType = builder.enumType('ExpressActionType', {
  description: "A step of a parcel's track (action_type of path/get and of the add_express_path push).",
  values: Object.fromEntries(Object.entries(ACTIONS).map(([name, [value, description]]) => [name, { value, description }])) as Record<
    keyof typeof ACTIONS,
    { value: number; description: string }
  >,
});
/** Action codes WeChat has not documented read as OTHER; the raw code stays in typeCode. */
export const toActionType = (code: number) => (KNOWN_ACTIONS.has(code) ? code : 0);

/** Names of the delivery-family push events, spread into `WeChatEventType` and the type map in `events.ts`. */
export const DELIVERY_EVENT_ENUM_VALUES = {
  EXPRESS_PATH: {
    value: 'express_path',
    description: "A parcel's track grew (logistics assistant, Event `add_express_path`).",
  },
  WAYBILL_STATUS: {
    value: 'waybill_status',
    description: 'An immediate-delivery order changed status (Event `update_waybill_status`).',
  },
} as const;

export const DELIVERY_EVENT_TYPE_NAMES = {
  express_path: 'ExpressPathEvent',
  waybill_status: 'WaybillStatusEvent',
} as const;

export const WeChatEventType = builder.enumType('WeChatEventType', {
  description: 'What a WeChat push is: a user message (MsgType) or an event (MsgType `event`, by its Event).',
  values: {
    TEXT: { value: 'text', description: 'A text message from a user (MsgType `text`).' },
    IMAGE: { value: 'image', description: 'An image message (MsgType `image`).' },
    VOICE: { value: 'voice', description: 'A voice message (MsgType `voice`).' },
    VIDEO: { value: 'video', description: 'A video message (MsgType `video`).' },
    SHORT_VIDEO: { value: 'shortvideo', description: 'A short video message (MsgType `shortvideo`).' },
    LOCATION: { value: 'location', description: 'A location a user sent (MsgType `location`).' },
    LINK: { value: 'link', description: 'A link a user sent (MsgType `link`).' },
    MINIPROGRAM_PAGE: { value: 'miniprogrampage', description: 'A mini-program page card sent to customer service (MsgType `miniprogrampage`).' },
    SUBSCRIBE: { value: 'subscribe', description: 'A user followed the Official Account (Event `subscribe`), maybe through a QR code.' },
    UNSUBSCRIBE: { value: 'unsubscribe', description: 'A user unfollowed the Official Account (Event `unsubscribe`).' },
    SCAN: { value: 'scan', description: 'A follower scanned a parametric QR code (Event `SCAN`).' },
    SUBSCRIBE_MESSAGE_POPUP: {
      value: 'subscribe_msg_popup',
      description: 'A user answered the subscribe-message popup (Event `subscribe_msg_popup_event`).',
    },
    SUBSCRIBE_MESSAGE_CHANGE: {
      value: 'subscribe_msg_change',
      description: 'A user changed subscribe-message choices in settings (Event `subscribe_msg_change_event`).',
    },
    SUBSCRIBE_MESSAGE_SENT: {
      value: 'subscribe_msg_sent',
      description: 'Delivery receipts of subscribe messages (Event `subscribe_msg_sent_event`).',
    },
    USER_ENTER_TEMPSESSION: {
      value: 'user_enter_tempsession',
      description: 'A user opened the customer-service chat (Event `user_enter_tempsession`).',
    },
    MEDIA_CHECK: { value: 'media_check', description: 'The verdict of an asynchronous media check (Event `wxa_media_check`).' },
    // --- Official Account family (issue #15) ---
    TEMPLATE_SEND_JOB_FINISH: {
      value: 'template_send_job_finish',
      description: 'The delivery receipt of a template message (Event `TEMPLATESENDJOBFINISH`).',
    },
    UNKNOWN: { value: 'unknown', description: 'Any other push, delivered raw so nothing is dropped.' },
    // Mini-program delivery family (below).
    ...DELIVERY_EVENT_ENUM_VALUES,
  } as const satisfies Record<string, { value: PushEventType; description: string }>,
});
