import { detectImage, readMultipartFile } from '../multipart.ts';
import { messagesState, type TemplateRecord } from '../messages-state.ts';
import { text, type RouteDef } from '../route.ts';
import type { EmulatorApp, EmulatorState } from '../state.ts';
import { rid, wechatError } from '../wechat-errors.ts';

/** An errcode answer worded as WeChat words it (fixtures cgi-bin/message/*), with the rid suffix. */
const fail = (errcode: number, message: string) => ({ errcode, errmsg: `${message} rid: ${rid()}` });
const OK = () => ({ errcode: 0, errmsg: 'ok' });

const invalidOpenid = () => fail(40003, 'invalid openid');

/** How long a value of each keyword type may be (subscribe-message value rules), and what it may hold. */
const VALUE_RULES: Record<string, { max: number; pattern?: RegExp }> = {
  thing: { max: 20 },
  number: { max: 32, pattern: /^\d+(\.\d+)?$/ },
  letter: { max: 32, pattern: /^[A-Za-z]+$/ },
  symbol: { max: 5 },
  character_string: { max: 32, pattern: /^[\x20-\x7e]+$/ },
  phone_number: { max: 17, pattern: /^[\d+\-() ]+$/ },
  car_number: { max: 8 },
  name: { max: 20 },
  phrase: { max: 5, pattern: /^\p{Script=Han}+$/u },
};

const KEYWORD = /\{\{\s*([A-Za-z_]+\d+)\.DATA\s*\}\}/g;
const keysOf = (template: TemplateRecord) => [...template.content.matchAll(KEYWORD)].map((match) => match[1]!);

/** Checks template data as WeChat does: 47003 naming the first key at fault. */
function checkTemplateData(template: TemplateRecord, data: unknown): object | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return wechatError('dataFormat');
  const entries = data as Record<string, unknown>;
  const keys = keysOf(template);
  for (const key of Object.keys(entries)) if (!keys.includes(key)) return fail(47003, `argument invalid! data.${key}.value invalid`);
  for (const key of keys) {
    const value = (entries[key] as { value?: unknown } | undefined)?.value;
    // WeChat's own spelling: "emtpy" (fixture cgi-bin/message/subscribe/send.json).
    if (typeof value !== 'string' || value === '') return fail(47003, `argument invalid! data.${key}.value is emtpy`);
    const type = key.replace(/\d+$/, '');
    const rule = VALUE_RULES[type];
    const allowed = template.keywordEnumValueList?.find((entry) => entry.keywordCode === `${key}.DATA`)?.enumValueList;
    const bad = allowed ? !allowed.includes(value) : rule ? [...value].length > rule.max || (rule.pattern && !rule.pattern.test(value)) : false;
    if (bad || /[\u0000-\u001f]/.test(value)) return fail(47003, `argument invalid! data.${key}.value invalid`);
  }
  return undefined;
}

const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'];
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];

/** Message types customer service may send, per app kind. */
const CUSTOMER_SERVICE_TYPES: Record<EmulatorApp['kind'], string[]> = {
  miniprogram: ['text', 'image', 'link', 'miniprogrampage'],
  officialAccount: ['text', 'image', 'voice', 'video', 'music', 'news', 'mpnews', 'msgmenu', 'wxcard', 'miniprogrampage'],
};

function checkCustomerServicePayload(state: EmulatorState, app: EmulatorApp, msgtype: string, payload: unknown): object | undefined {
  if (payload === null || typeof payload !== 'object') return wechatError('dataFormat');
  const body = payload as Record<string, unknown>;
  const messages = messagesState(state);
  switch (msgtype) {
    case 'text':
      return text(body.content) ? undefined : wechatError('dataFormat');
    case 'image':
      return messages.mediaOf(app.appid, body.media_id) ? undefined : fail(40007, 'invalid media_id');
    case 'link':
      return text(body.title) && text(body.description) && text(body.url) && text(body.thumb_url) ? undefined : wechatError('dataFormat');
    case 'miniprogrampage':
      if (!text(body.title) || !text(body.pagepath) || (app.kind === 'officialAccount' && !text(body.appid))) return wechatError('dataFormat');
      return messages.mediaOf(app.appid, body.thumb_media_id) ? undefined : fail(40007, 'invalid media_id');
    default:
      // Other official-account types are accepted as they come.
      return undefined;
  }
}

/** Temporary media size limits per type (official-account media docs). */
const MEDIA_LIMITS: Record<string, number> = { image: 10 * 1024 * 1024, voice: 2 * 1024 * 1024, video: 10 * 1024 * 1024, thumb: 64 * 1024 };

/** Subscribe messages, customer-service messages, typing, temporary media and templates. */
export const messagesRoutes: RouteDef[] = [
  {
    path: 'cgi-bin/message/subscribe/send',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      const touser = text(json.touser);
      if (!touser || !state.userByOpenid(app.appid, touser)) return invalidOpenid();
      const messages = messagesState(state);
      const template = messages.templatesOf(app.appid).find((t) => t.priTmplId === json.template_id);
      if (!template) return fail(40037, 'invalid template_id');
      if (json.miniprogram_state !== undefined && !MINIPROGRAM_STATES.includes(String(json.miniprogram_state))) return wechatError('dataFormat');
      if (json.lang !== undefined && !LANGS.includes(String(json.lang))) return wechatError('dataFormat');
      if (json.page !== undefined && typeof json.page !== 'string') return wechatError('dataFormat');
      const invalid = checkTemplateData(template, json.data);
      if (invalid) return invalid;
      if (!messages.takeSubscription(app.appid, touser, template)) return fail(43101, 'user refuse to accept the msg');
      messages.record('subscribe', app.appid, touser, json);
      return OK();
    },
  },
  {
    path: 'cgi-bin/message/custom/send',
    method: 'POST',
    auth: 'access_token',
    handle({ json, state, app }) {
      const touser = text(json.touser);
      if (!touser || !state.userByOpenid(app.appid, touser)) return invalidOpenid();
      const msgtype = text(json.msgtype);
      if (!msgtype || !CUSTOMER_SERVICE_TYPES[app.kind].includes(msgtype)) return fail(40008, 'invalid message type');
      const invalid = checkCustomerServicePayload(state, app, msgtype, json[msgtype]);
      if (invalid) return invalid;
      const messages = messagesState(state);
      if (!messages.inServiceWindow(app.appid, touser)) return fail(45015, 'response out of time limit or subscription is canceled');
      messages.record('customerService', app.appid, touser, json);
      return OK();
    },
  },
  {
    path: 'cgi-bin/message/custom/typing',
    method: 'POST',
    auth: 'access_token',
    handle({ json, state, app }) {
      const touser = text(json.touser);
      if (!touser || !state.userByOpenid(app.appid, touser)) return invalidOpenid();
      if (json.command !== 'Typing' && json.command !== 'CancelTyping') return wechatError('dataFormat');
      const messages = messagesState(state);
      if (!messages.inServiceWindow(app.appid, touser)) return fail(45015, 'response out of time limit or subscription is canceled');
      messages.record('typing', app.appid, touser, json);
      return OK();
    },
  },
  {
    path: 'cgi-bin/media/upload',
    method: 'POST',
    auth: 'access_token',
    bodyFormat: 'raw',
    async handle({ query, rawBody, headers, state, app }) {
      const type = query.get('type') ?? '';
      const limit = MEDIA_LIMITS[type];
      if (limit === undefined) return fail(40004, 'invalid media type');
      const file = await readMultipartFile(rawBody, headers, 'media');
      if (!file) return fail(41005, 'media data missing');
      if ((type === 'image' || type === 'thumb') && !detectImage(file.bytes)) return fail(40005, 'invalid file type');
      if (file.bytes.length > limit) return fail(40006, 'invalid media size');
      const { mediaId, createdAt } = messagesState(state).storeMedia(app.appid, type, file.bytes.length);
      return { type, media_id: mediaId, created_at: Math.floor(createdAt / 1000) };
    },
  },
  {
    path: 'wxaapi/newtmpl/gettemplate',
    auth: 'access_token',
    handle({ state, app }) {
      return { errcode: 0, errmsg: 'ok', data: messagesState(state).templatesOf(app.appid) };
    },
  },
];
