import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { invalid, type AdminRoutes } from './admin-types.ts';
import type { EmulatorState } from './state.ts';

/**
 * Official Account family state (issue #15): parametric QR codes and the permanent-code count,
 * template-message templates, industry, sent template messages (with client_msg_id dedupe),
 * short keys and publisher accounts. The emulator's own: nothing here is shared with the gateway.
 */

/** Permanent QR codes per account, for ever (45029 after). Every create call counts. */
export const PERMANENT_QR_QUOTA = 100_000;
/** Templates an account may hold (doc: 25; 45026 beyond). */
export const TEMPLATE_LIMIT = 25;
/** client_msg_id dedupes sends to one openid for 10 minutes (template-message doc). */
export const CLIENT_MSG_ID_WINDOW_MS = 10 * 60_000;
/** The industry may change once a month (43100 otherwise). */
export const INDUSTRY_CHANGE_MS = 30 * 86_400_000;

export interface QRCodeTicketRecord {
  appid: string;
  action: string;
  sceneId: number | null;
  sceneStr: string | null;
  url: string;
  createdAt: number;
  /** Epoch ms; null = permanent. */
  expiresAt: number | null;
}

export interface OATemplate {
  template_id: string;
  title: string;
  primary_industry: string;
  deputy_industry: string;
  content: string;
  example: string;
}

/**
 * Every account starts with two templates of the emulator's own: one of the 2023 style (typed
 * keywords only) and one of the old style with first/keywordN/remark, as accounts still hold.
 */
export const SEED_OA_TEMPLATES: OATemplate[] = [
  {
    template_id: 'Emu7OrderShipped0000000000000000000000000AB',
    title: '订单发货通知',
    primary_industry: 'IT科技',
    deputy_industry: '互联网|电子商务',
    content: '订单编号:{{character_string1.DATA}}\n商品名称:{{thing2.DATA}}\n发货时间:{{time3.DATA}}',
    example: '订单编号:20231001123\n商品名称:保温杯\n发货时间:2023年10月1日 10:00',
  },
  {
    template_id: 'Emu7LegacyPurchase000000000000000000000000C',
    title: '购买成功通知',
    primary_industry: 'IT科技',
    deputy_industry: '互联网|电子商务',
    content: '{{first.DATA}}\n商品:{{keyword1.DATA}}\n金额:{{keyword2.DATA}}\n时间:{{keyword3.DATA}}\n{{remark.DATA}}',
    example: '您好,您已购买成功\n商品:保温杯\n金额:39.8元\n时间:2023年10月1日\n欢迎再次购买',
  },
];

/** Library templates api_add_template knows (template_id_short → title and content). */
export const TEMPLATE_LIBRARY: Record<string, { title: string; content: string }> = {
  TM00015: { title: '订单支付成功', content: '支付金额:{{amount1.DATA}}\n商品信息:{{thing2.DATA}}' },
  OPENTM206831784: { title: '预约成功通知', content: '预约项目:{{thing1.DATA}}\n预约时间:{{time2.DATA}}' },
};

/** A few of WeChat's industry ids (api_set_industry) and the labels get_industry answers. */
export const INDUSTRIES: Record<string, { first_class: string; second_class: string }> = {
  '1': { first_class: 'IT科技', second_class: '互联网|电子商务' },
  '2': { first_class: 'IT科技', second_class: 'IT软件与服务' },
  '4': { first_class: 'IT科技', second_class: '电子技术' },
  '10': { first_class: '运输与仓储', second_class: '快递' },
  '41': { first_class: '其它', second_class: '其它' },
};

export type ReceiptStatus = 'success' | 'failed:user block' | 'failed: system failed';

export interface TemplateDelivery {
  seq: number;
  appid: string;
  touser: string;
  msgid: string;
  body: Record<string, unknown>;
  at: number;
}

interface ShortKeyRecord {
  appid: string;
  data: string;
  createdAt: number;
  expiresAt: number;
}

/** A 64-bit msgid above 2^53, as real ones are (1226691075109289985). */
const msgId = () => ((randomBytes(8).readBigUInt64BE() >> 3n) | (1n << 60n)).toString();

export class OfficialAccountState {
  readonly tickets = new Map<string, QRCodeTicketRecord>();
  private readonly permanentUsed = new Map<string, number>();
  private readonly templates = new Map<string, OATemplate[]>();
  private readonly industries = new Map<string, { id1: string; id2: string; changedAt: number }>();
  readonly deliveries: TemplateDelivery[] = [];
  private readonly clientMsgIds = new Map<string, { msgid: string; at: number }>();
  /** openid → the receipt status its template messages get (default success). */
  readonly receiptStatus = new Map<string, ReceiptStatus>();
  private readonly shortKeys = new Map<string, ShortKeyRecord>();
  /** Appids that are not ad publishers (publisher/stat answers ret 2009). */
  readonly nonPublishers = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A ticket as WeChat's: base64 of a record holding the code's URL, creation time and lifetime. */
  newTicket(record: Omit<QRCodeTicketRecord, 'url' | 'createdAt'>): { ticket: string; record: QRCodeTicketRecord } {
    const createdAt = this.now();
    const url = `http://weixin.qq.com/q/02${randomBytes(15).toString('base64url').slice(0, 20)}`;
    const lifetime = record.expiresAt === null ? 0 : Math.round((record.expiresAt - createdAt) / 1000);
    const head = Buffer.from([0x81, 0x01, 0x23, 0xf1, 0x3c, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, url.length]);
    const tail = Buffer.alloc(12);
    tail.writeUInt16BE(0x0204, 0);
    tail.writeUInt32LE(Math.floor(createdAt / 1000), 2);
    tail.writeUInt16BE(0x0304, 6);
    tail.writeUInt32LE(lifetime, 8);
    // 80 bytes: the base64 always ends in '=' (as some real ones do), and random bytes bring '+' and '/'.
    const ticket = Buffer.concat([head, Buffer.from(url), Buffer.from([0x00]), tail, randomBytes(7)]).toString('base64');
    const full = { ...record, url, createdAt };
    this.tickets.set(ticket, full);
    return { ticket, record: full };
  }

  /** A live ticket's record; expired temporary tickets are gone. */
  ticket(ticket: string): QRCodeTicketRecord | undefined {
    const record = this.tickets.get(ticket);
    return record && (record.expiresAt === null || record.expiresAt > this.now()) ? record : undefined;
  }

  takePermanent(appid: string): boolean {
    const used = this.permanentUsed.get(appid) ?? 0;
    if (used >= PERMANENT_QR_QUOTA) return false;
    this.permanentUsed.set(appid, used + 1);
    return true;
  }

  setPermanentUsed(appid: string, used: number): void {
    this.permanentUsed.set(appid, used);
  }

  templatesOf(appid: string): OATemplate[] {
    let list = this.templates.get(appid);
    if (!list) this.templates.set(appid, (list = SEED_OA_TEMPLATES.map((t) => ({ ...t }))));
    return list;
  }

  addTemplate(appid: string, shortId: string, keywordNames: string[] | undefined): OATemplate | 'limit' | 'unknown' {
    const library = TEMPLATE_LIBRARY[shortId];
    if (!library) return 'unknown';
    const list = this.templatesOf(appid);
    if (list.length >= TEMPLATE_LIMIT) return 'limit';
    const content = keywordNames?.length ? keywordNames.map((name, i) => `${name}:{{thing${i + 1}.DATA}}`).join('\n') : library.content;
    const template = {
      template_id: createHash('sha256').update(`${appid}:${shortId}:${randomBytes(8).toString('hex')}`).digest('base64url').slice(0, 43),
      title: library.title,
      primary_industry: 'IT科技',
      deputy_industry: '互联网|电子商务',
      content,
      example: '',
    };
    list.push(template);
    return template;
  }

  deleteTemplate(appid: string, templateId: string): boolean {
    const list = this.templatesOf(appid);
    const index = list.findIndex((t) => t.template_id === templateId);
    if (index < 0) return false;
    list.splice(index, 1);
    return true;
  }

  industry(appid: string): { id1: string; id2: string } {
    return this.industries.get(appid) ?? { id1: '1', id2: '4' };
  }

  setIndustry(appid: string, id1: string, id2: string): boolean {
    const known = this.industries.get(appid);
    if (known && this.now() - known.changedAt < INDUSTRY_CHANGE_MS) return false;
    this.industries.set(appid, { id1, id2, changedAt: this.now() });
    return true;
  }

  /** Records a template send; a repeated client_msg_id for the same user within 10 minutes returns the first msgid, undelivered. */
  sendTemplate(appid: string, touser: string, clientMsgId: string | undefined, body: Record<string, unknown>): { msgid: string; duplicate: boolean } {
    const dedupe = clientMsgId ? `${appid}:${touser}:${clientMsgId}` : undefined;
    const seen = dedupe ? this.clientMsgIds.get(dedupe) : undefined;
    if (seen && this.now() - seen.at < CLIENT_MSG_ID_WINDOW_MS) return { msgid: seen.msgid, duplicate: true };
    const msgid = msgId();
    if (dedupe) this.clientMsgIds.set(dedupe, { msgid, at: this.now() });
    this.deliveries.push({ seq: this.deliveries.length + 1, appid, touser, msgid, body, at: this.now() });
    return { msgid, duplicate: false };
  }

  newShortKey(appid: string, data: string, expireSeconds: number): string {
    let key = '';
    while (key.length < 15) key += randomBytes(16).toString('base64').replace(/[^A-Za-z0-9]/g, '');
    key = key.slice(0, 15);
    this.shortKeys.set(key, { appid, data, createdAt: this.now(), expiresAt: this.now() + expireSeconds * 1000 });
    return key;
  }

  shortKey(appid: string, key: string): { data: string; createdAt: number; remainingSeconds: number } | undefined {
    const record = this.shortKeys.get(key);
    if (!record || record.appid !== appid || record.expiresAt <= this.now()) return undefined;
    return { data: record.data, createdAt: record.createdAt, remainingSeconds: Math.floor((record.expiresAt - this.now()) / 1000) };
  }

  /** Admin: let a short key's time pass. */
  expireShortKeys(): void {
    for (const record of this.shortKeys.values()) record.expiresAt = this.now() - 1;
  }
}

export const oaState = (state: EmulatorState): OfficialAccountState => state.domain('official-account', () => new OfficialAccountState());

const appBody = z.object({ appid: z.string().min(1) });

/** `/__emulator/oa/*`: what the account did, and the states tests need to reach. */
export const oaAdmin: AdminRoutes = {
  // Pretend the account has already made `used` permanent QR codes, to reach 45029.
  'oa/qrcode/quota': {
    PUT: (target, body) => {
      const parsed = appBody.extend({ used: z.number().int().min(0) }).safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      if (!target.state.app(parsed.data.appid)) return [404, { error: 'unknown appid' }];
      oaState(target.state).setPermanentUsed(parsed.data.appid, parsed.data.used);
      return [200, parsed.data];
    },
  },
  'oa/template-messages': {
    GET: (target) => [200, { messages: oaState(target.state).deliveries }],
  },
  // The TEMPLATESENDJOBFINISH status messages to this user get: the user blocked them, or WeChat failed.
  'oa/template-receipts': {
    PUT: (target, body) => {
      const parsed = z.object({ openid: z.string().min(1), status: z.enum(['success', 'failed:user block', 'failed: system failed']) }).safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      oaState(target.state).receiptStatus.set(parsed.data.openid, parsed.data.status);
      return [200, parsed.data];
    },
  },
  // Whether the account opened ad publishing (流量主); publisher/stat answers ret 2009 when not.
  'oa/publisher': {
    PUT: (target, body) => {
      const parsed = appBody.extend({ publisher: z.boolean() }).safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      const set = oaState(target.state).nonPublishers;
      if (parsed.data.publisher) set.delete(parsed.data.appid);
      else set.add(parsed.data.appid);
      return [200, parsed.data];
    },
  },
  'oa/shorten/expire': {
    POST: (target) => {
      oaState(target.state).expireShortKeys();
      return [200, { ok: true }];
    },
  },
};
