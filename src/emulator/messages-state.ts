import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AdminReply, AdminRoutes, AdminTarget } from './admin-types.ts';
import type { EmulatorState, WeChatUser } from './state.ts';

/** A subscribe-message template as `wxaapi/newtmpl/gettemplate` lists it. `type` 2 = one-time, 3 = long-term. */
export interface TemplateRecord {
  priTmplId: string;
  title: string;
  content: string;
  example: string;
  type: 2 | 3;
  keywordEnumValueList?: { keywordCode: string; enumValueList: string[] }[];
}

/**
 * Every app starts with these templates: the two of the gettemplate doc example, and the
 * template of the real subscribe/send capture (fixture cgi-bin/message/subscribe/send.json).
 * The enum values of the second one are the emulator's own.
 */
export const SEED_TEMPLATES: TemplateRecord[] = [
  {
    priTmplId: '9Aw5ZV1j9xdWTFEkqCpZ7mIBbSC34khK55OtzUPl0rU',
    title: '报名结果通知',
    content: '会议时间:{{date2.DATA}}\n会议地点:{{thing1.DATA}}\n',
    example: '会议时间:2016年8月8日\n会议地点:TIT会议室\n',
    type: 2,
  },
  {
    priTmplId: 'cy_DfOZL7lypxHh3ja3DyAUbn1GYQRGwezuy5LBTFME',
    title: '洗衣机故障提醒',
    content: '完成时间:{{time1.DATA}}\n所在位置:{{enum_string2.DATA}}\n提示说明:{{thing3.DATA}}\n',
    example: '完成时间:2021年10月21日 12:00:00\n所在位置:客厅\n提示说明:设备发生故障,导致工作异常,请及时查看\n',
    type: 3,
    keywordEnumValueList: [{ keywordCode: 'enum_string2.DATA', enumValueList: ['客厅', '厨房', '卧室', '阳台'] }],
  },
  {
    priTmplId: 'qsWWqh5wHxIMwPXVcrk0x7ctBZ__79-aLRnZp4YbtTI',
    title: '拼团成功通知',
    content: '活动名称:{{thing7.DATA}}\n成团时间:{{date5.DATA}}\n团长:{{thing4.DATA}}\n订单号:{{character_string10.DATA}}\n温馨提示:{{thing9.DATA}}\n',
    example: '活动名称:沙龙\n成团时间:2020-01-18 16:18:49\n团长:高峰Elvis\n订单号:427578039669760\n温馨提示:请点击查看拼团详情\n',
    type: 2,
  },
];

export type DeliveryKind = 'subscribe' | 'customerService' | 'typing';

/** A message WeChat accepted (or a typing command), as tests read it back. */
export interface Delivery {
  seq: number;
  kind: DeliveryKind;
  appid: string;
  touser: string;
  at: number;
  body: Record<string, unknown>;
}

export interface MediaRecord {
  appid: string;
  type: string;
  size: number;
  createdAt: number;
}

/** Temporary media live 3 days. */
export const MEDIA_TTL_MS = 3 * 86_400_000;
/** Customer-service messages may answer a user for 48 hours after their last message. */
export const SERVICE_WINDOW_MS = 48 * 3_600_000;

/** Templates, subscriptions, the 48-hour windows, uploaded media and every accepted send. */
export class MessagesState {
  readonly deliveries: Delivery[] = [];
  readonly media = new Map<string, MediaRecord>();
  private readonly templates = new Map<string, TemplateRecord[]>();
  /** `${appid}:${openid}:${templateId}` -> sends left (one-time) or 1 for an accepted long-term template. */
  private readonly subscriptions = new Map<string, number>();
  private readonly lastUserMessage = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  templatesOf(appid: string): TemplateRecord[] {
    let list = this.templates.get(appid);
    if (!list) this.templates.set(appid, (list = SEED_TEMPLATES.map((template) => structuredClone(template))));
    return list;
  }

  /** The user tapped "allow" in wx.requestSubscribeMessage `count` times. */
  subscribe(appid: string, openid: string, templateId: string, count: number): number {
    const key = `${appid}:${openid}:${templateId}`;
    const template = this.templatesOf(appid).find((t) => t.priTmplId === templateId);
    const left = template?.type === 3 ? 1 : (this.subscriptions.get(key) ?? 0) + count;
    this.subscriptions.set(key, left);
    return left;
  }

  /** Uses one subscription; false is WeChat's 43101. Long-term templates are not used up. */
  takeSubscription(appid: string, openid: string, template: TemplateRecord): boolean {
    const key = `${appid}:${openid}:${template.priTmplId}`;
    const left = this.subscriptions.get(key) ?? 0;
    if (left <= 0) return false;
    if (template.type === 2) this.subscriptions.set(key, left - 1);
    return true;
  }

  /** The user wrote to customer service: the 48-hour window opens. */
  userMessaged(appid: string, openid: string): number {
    const at = this.now();
    this.lastUserMessage.set(`${appid}:${openid}`, at);
    return at + SERVICE_WINDOW_MS;
  }

  inServiceWindow(appid: string, openid: string): boolean {
    const at = this.lastUserMessage.get(`${appid}:${openid}`);
    return at !== undefined && this.now() - at < SERVICE_WINDOW_MS;
  }

  record(kind: DeliveryKind, appid: string, touser: string, body: Record<string, unknown>): void {
    this.deliveries.push({ seq: this.deliveries.length + 1, kind, appid, touser, at: this.now(), body });
  }

  /** A media_id like WeChat's: 64 URL-safe characters. */
  storeMedia(appid: string, type: string, size: number): { mediaId: string; createdAt: number } {
    let mediaId = '';
    while (mediaId.length < 64) mediaId += randomBytes(48).toString('base64').replace(/[^A-Za-z0-9]/g, '');
    mediaId = mediaId.slice(0, 64);
    const createdAt = this.now();
    this.media.set(mediaId, { appid, type, size, createdAt });
    return { mediaId, createdAt };
  }

  mediaOf(appid: string, mediaId: unknown): MediaRecord | undefined {
    const record = typeof mediaId === 'string' ? this.media.get(mediaId) : undefined;
    return record && record.appid === appid && this.now() - record.createdAt < MEDIA_TTL_MS ? record : undefined;
  }
}

export const messagesState = (state: EmulatorState): MessagesState => state.domain('messages', () => new MessagesState());

const userRef = z
  .object({ appid: z.string().min(1), user: z.string().min(1).max(128).optional(), openid: z.string().min(1).optional() })
  .refine((body) => !!body.user !== !!body.openid, { message: 'give either user (a name) or openid' });

/** The user a test names: by name (made on first use, as a login would) or by an openid the emulator knows. */
function resolveUser(target: AdminTarget, body: z.infer<typeof userRef>): WeChatUser | AdminReply {
  const app = target.state.app(body.appid);
  if (!app) return [404, { error: 'unknown appid' }];
  if (body.user) return target.state.user(body.appid, body.user);
  const user = target.state.userByOpenid(body.appid, body.openid!);
  return user ?? [404, { error: 'unknown openid for that app: name a user instead' }];
}

const subscribeBody = userRef.and(z.object({ templateId: z.string().min(1), count: z.number().int().positive().max(1000).default(1) }));

/** `/__emulator/messages*`: what was sent, and the user actions that allow sending. */
export const messagesAdmin: AdminRoutes = {
  messages: {
    GET: (target) => [200, { messages: messagesState(target.state).deliveries }],
  },
  // The user accepted a subscription in wx.requestSubscribeMessage (`count` times for one-time templates).
  'messages/subscriptions': {
    POST: (target, body) => {
      const parsed = subscribeBody.safeParse(body);
      if (!parsed.success) return [400, { error: z.prettifyError(parsed.error) }];
      const user = resolveUser(target, parsed.data);
      if (Array.isArray(user)) return user;
      const messages = messagesState(target.state);
      if (!messages.templatesOf(user.appid).some((t) => t.priTmplId === parsed.data.templateId)) return [404, { error: 'unknown templateId' }];
      return [200, { openid: user.openid, remaining: messages.subscribe(user.appid, user.openid, parsed.data.templateId, parsed.data.count) }];
    },
  },
  // The user wrote to customer service, which opens the 48-hour reply window.
  'messages/user-message': {
    POST: (target, body) => {
      const parsed = userRef.safeParse(body);
      if (!parsed.success) return [400, { error: z.prettifyError(parsed.error) }];
      const user = resolveUser(target, parsed.data);
      if (Array.isArray(user)) return user;
      const windowEndsAt = messagesState(target.state).userMessaged(user.appid, user.openid);
      return [200, { openid: user.openid, windowEndsAt: new Date(windowEndsAt).toISOString() }];
    },
  },
};
