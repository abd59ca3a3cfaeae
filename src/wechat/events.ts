/**
 * Push messages and events, normalised: one plain JSON object per push, whatever WeChat's
 * format (XML or JSON, numbers or strings, `List` as an object or an array, XML wrappers
 * around lists). Unknown kinds are kept whole, so nothing WeChat sends is dropped.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DELIVERY_EVENT_DATA, DELIVERY_EVENT_TYPES, deliveryDedupeParts } from './delivery-events.ts';
import { looseInt, looseNumber, looseString } from './loose.ts';
import { listOf } from './parse.ts';
import type { PushFields } from './push.ts';

// ---------------------------------------------------------------------------
// Tolerant field readers
// ---------------------------------------------------------------------------

// Push fields are optional: a missing or unreadable one reads as null (the raw push is kept whole).
const str = looseString(null);
const int = looseInt(null);
const float = looseNumber(null);
const record = z.record(z.string(), z.unknown());

// ---------------------------------------------------------------------------
// Kinds
// ---------------------------------------------------------------------------

/** XML nests subscribe-message lists in a wrapper element; JSON puts `List` at the top. */
function subscribeList(fields: PushFields, wrapper: string): unknown {
  const wrapped = fields[wrapper];
  if (wrapped && typeof wrapped === 'object' && !Array.isArray(wrapped) && 'List' in wrapped) return (wrapped as PushFields).List;
  return fields.List;
}

const DATA = {
  text: z.object({ Content: str, bizmsgmenuid: str }).transform((f) => ({ content: f.Content ?? '', menuId: f.bizmsgmenuid })),
  image: z.object({ PicUrl: str, MediaId: str }).transform((f) => ({ picUrl: f.PicUrl, mediaId: f.MediaId })),
  voice: z
    .object({ MediaId: str, Format: str, Recognition: str, MediaId16K: str })
    .transform((f) => ({ mediaId: f.MediaId, format: f.Format, recognition: f.Recognition, mediaId16k: f.MediaId16K })),
  video: z.object({ MediaId: str, ThumbMediaId: str }).transform((f) => ({ mediaId: f.MediaId, thumbMediaId: f.ThumbMediaId })),
  shortvideo: z.object({ MediaId: str, ThumbMediaId: str }).transform((f) => ({ mediaId: f.MediaId, thumbMediaId: f.ThumbMediaId })),
  location: z
    .object({ Location_X: float, Location_Y: float, Scale: int, Label: str })
    .transform((f) => ({ latitude: f.Location_X, longitude: f.Location_Y, scale: f.Scale, label: f.Label })),
  link: z.object({ Title: str, Description: str, Url: str }).transform((f) => ({ title: f.Title, description: f.Description, url: f.Url })),
  miniprogrampage: z
    .object({ Title: str, AppId: str, PagePath: str, ThumbUrl: str, ThumbMediaId: str })
    .transform((f) => ({ title: f.Title, appId: f.AppId, pagePath: f.PagePath, thumbUrl: f.ThumbUrl, thumbMediaId: f.ThumbMediaId })),
  subscribe: z.object({ EventKey: str, Ticket: str }).transform((f) => ({
    eventKey: f.EventKey || null,
    // A follow through a parametric QR code carries `qrscene_<scene>`; a plain follow has no EventKey.
    scene: f.EventKey?.startsWith('qrscene_') ? f.EventKey.slice('qrscene_'.length) : null,
    ticket: f.Ticket || null,
  })),
  unsubscribe: z.object({}).transform(() => ({})),
  // SCAN (already following): EventKey is the scene itself, without the qrscene_ prefix.
  scan: z.object({ EventKey: str, Ticket: str }).transform((f) => ({ scene: f.EventKey ?? '', ticket: f.Ticket || null })),
  subscribe_msg_popup: z
    .object({ List: listOf(z.object({ TemplateId: str, SubscribeStatusString: str, PopupScene: int })) })
    .transform((f) => ({
      subscriptions: f.List.map((item) => ({ templateId: item.TemplateId ?? '', status: item.SubscribeStatusString ?? '', popupScene: item.PopupScene })),
    })),
  subscribe_msg_change: z
    .object({ List: listOf(z.object({ TemplateId: str, SubscribeStatusString: str })) })
    .transform((f) => ({ subscriptions: f.List.map((item) => ({ templateId: item.TemplateId ?? '', status: item.SubscribeStatusString ?? '' })) })),
  subscribe_msg_sent: z
    .object({ List: listOf(z.object({ TemplateId: str, MsgID: str, ErrorCode: int, ErrorStatus: str })) })
    .transform((f) => ({
      deliveries: f.List.map((item) => ({ templateId: item.TemplateId ?? '', msgId: item.MsgID, errorCode: item.ErrorCode ?? 0, errorStatus: item.ErrorStatus ?? '' })),
    })),
  user_enter_tempsession: z.object({ SessionFrom: str }).transform((f) => ({ sessionFrom: f.SessionFrom })),
  // wxa_media_check mixes CamelCase envelope keys with snake_case payload keys.
  media_check: z
    .object({
      appid: str,
      trace_id: str,
      version: int,
      result: z.object({ suggest: str, label: int }).nullish(),
      detail: listOf(z.object({ strategy: str, errcode: int, suggest: str, label: int, prob: float, keyword: str })),
    })
    .transform((f) => ({
      appId: f.appid,
      traceId: f.trace_id ?? '',
      version: f.version,
      suggest: f.result?.suggest ?? null,
      label: f.result?.label ?? null,
      details: f.detail.map((d) => ({ strategy: d.strategy, errcode: d.errcode, suggest: d.suggest, label: d.label, prob: d.prob, keyword: d.keyword })),
    })),
  // Mini-program delivery family (logistics assistant, immediate delivery): src/wechat/delivery-events.ts.
  ...DELIVERY_EVENT_DATA,
  // --- Official Account family (issue #15) ---
  // TEMPLATESENDJOBFINISH: Status is `success`, `failed:user block` (no space) or
  // `failed: system failed` (a space); compared without spaces. MsgID exceeds 2^53: a string.
  template_send_job_finish: z.object({ MsgID: str, Status: str }).transform((f) => {
    const compact = (f.Status ?? '').replace(/\s+/g, '').toLowerCase();
    const status = compact === 'success' ? 'SUCCESS' : compact === 'failed:userblock' ? 'USER_BLOCK' : compact === 'failed:systemfailed' ? 'SYSTEM_FAILED' : 'OTHER';
    return { msgId: f.MsgID ?? '', status: status as 'SUCCESS' | 'USER_BLOCK' | 'SYSTEM_FAILED' | 'OTHER', statusText: f.Status ?? '' };
  }),
  // --- end Official Account family ---
} satisfies Record<string, z.ZodType>;

type KnownType = keyof typeof DATA;
export type PushEventType = KnownType | 'unknown';
export const PUSH_EVENT_TYPES = [...(Object.keys(DATA) as KnownType[]), 'unknown'] as const satisfies readonly PushEventType[];

const MESSAGE_TYPES: Partial<Record<string, KnownType>> = {
  text: 'text',
  image: 'image',
  voice: 'voice',
  video: 'video',
  shortvideo: 'shortvideo',
  location: 'location',
  link: 'link',
  miniprogrampage: 'miniprogrampage',
};

// `SCAN` is upper-case while `subscribe` is lower-case; match case-insensitively.
const EVENT_TYPES: Partial<Record<string, KnownType>> = {
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  scan: 'scan',
  subscribe_msg_popup_event: 'subscribe_msg_popup',
  subscribe_msg_change_event: 'subscribe_msg_change',
  subscribe_msg_sent_event: 'subscribe_msg_sent',
  user_enter_tempsession: 'user_enter_tempsession',
  wxa_media_check: 'media_check',
  // Mini-program delivery family: src/wechat/delivery-events.ts.
  ...DELIVERY_EVENT_TYPES,
  // --- Official Account family (issue #15) ---
  templatesendjobfinish: 'template_send_job_finish',
};

const LIST_WRAPPERS: Partial<Record<KnownType, string>> = {
  subscribe_msg_popup: 'SubscribeMsgPopupEvent',
  subscribe_msg_change: 'SubscribeMsgChangeEvent',
  subscribe_msg_sent: 'SubscribeMsgSentEvent',
};

// ---------------------------------------------------------------------------
// The normalised event
// ---------------------------------------------------------------------------

interface PushEventBase {
  /** The dedupe key: `msg:<MsgId>`, or `evt:<FromUserName>:<CreateTime>:<Event>[:<trace_id>]`. */
  id: string;
  /** The gateway's app id (the `:app` of `/wechat/:app`). */
  app: string;
  msgType: string;
  event: string | null;
  fromUser: string;
  toUser: string;
  /** Unix seconds (CreateTime); the receive time when WeChat sent none. */
  createTime: number;
  /** ISO-8601 time the gateway accepted the push. */
  receivedAt: string;
  msgId: string | null;
  /** Every field as WeChat sent it (64-bit numbers as strings). */
  raw: PushFields;
}

export type PushEventData<T extends KnownType> = z.output<(typeof DATA)[T]>;
export type PushEventOf<T extends PushEventType> = PushEventBase & {
  type: T;
  data: T extends KnownType ? PushEventData<T> : Record<string, never>;
};
export type PushEvent = { [T in PushEventType]: PushEventOf<T> }[PushEventType];

function classify(msgType: string, event: string | null): PushEventType {
  if (msgType === 'event') return EVENT_TYPES[(event ?? '').toLowerCase()] ?? 'unknown';
  return MESSAGE_TYPES[msgType] ?? 'unknown';
}

const envelope = z.object({
  MsgType: str,
  Event: str,
  FromUserName: str,
  ToUserName: str,
  CreateTime: int,
  MsgId: str,
  MsgID: str,
  trace_id: str,
});

/**
 * WeChat retries a push three times: the same MsgId, or for events without one the same
 * FromUserName + CreateTime + Event (message-push doc, "消息排重"). The media-check trace_id
 * is added so two verdicts in the same second stay apart.
 */
export function dedupeKey(fields: PushFields): string {
  const f = envelope.parse(fields);
  const msgId = f.MsgId ?? f.MsgID;
  if (msgId) return `msg:${msgId}`;
  if (f.FromUserName && f.CreateTime !== null) {
    return ['evt', f.FromUserName, f.CreateTime, f.Event ?? f.MsgType ?? '', ...(f.trace_id ? [f.trace_id] : []), ...deliveryDedupeParts(fields)].join(':');
  }
  return `body:${createHash('sha256').update(JSON.stringify(fields)).digest('base64url')}`;
}

/** Turns a push's fields into the event GraphQL subscribers receive. Never throws: odd shapes become `unknown`. */
export function normalizePush(app: string, fields: PushFields, receivedAt: Date): PushEvent {
  const f = envelope.parse(fields);
  const base: PushEventBase = {
    id: dedupeKey(fields),
    app,
    msgType: f.MsgType ?? '',
    event: f.Event,
    fromUser: f.FromUserName ?? '',
    toUser: f.ToUserName ?? '',
    createTime: f.CreateTime ?? Math.floor(receivedAt.getTime() / 1000),
    receivedAt: receivedAt.toISOString(),
    msgId: f.MsgId ?? f.MsgID,
    raw: fields,
  };
  const type = classify(base.msgType, base.event);
  if (type === 'unknown') return { ...base, type, data: {} };
  const wrapper = LIST_WRAPPERS[type];
  const input = wrapper ? { ...fields, List: subscribeList(fields, wrapper) } : fields;
  const parsed = (DATA[type] as z.ZodType).safeParse(record.parse(input));
  // A known kind in a shape we cannot read is still delivered, raw, as unknown.
  if (!parsed.success) return { ...base, type: 'unknown', data: {} };
  return { ...base, type, data: parsed.data } as PushEvent;
}

/** The event-bus channel an app's pushes are published on. */
export const pushChannel = (app: string) => `push:${app}`;
