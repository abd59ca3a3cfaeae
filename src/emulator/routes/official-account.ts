import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { mulberry32 } from '../faults.ts';
import { messagesState } from '../messages-state.ts';
import { INDUSTRIES, oaState } from '../oa-state.ts';
import { deliverPush } from '../push.ts';
import { RawReply, text, type RouteDef } from '../route.ts';
import type { EmulatorApp, EmulatorState } from '../state.ts';
import { usersOf } from '../users-state.ts';
import { rid, wechatError } from '../wechat-errors.ts';

/**
 * Official Account family (issue #15): parametric QR codes and their images on the mp host,
 * template messages (receipts pushed as TEMPLATESENDJOBFINISH), templates and industry,
 * subscription notifications, the withdrawn uniform_send and shorturl, short keys, publisher/stat.
 */

// "hint: [..]" is the suffix of this API family's real error bodies (fixture cgi-bin/message/template/send.json).
const fail = (errcode: number, errmsg: string) => ({ errcode, errmsg: `${errmsg} rid: ${rid()}` });
const OK = () => ({ errcode: 0, errmsg: 'ok' });
const invalidArgs = () => fail(40097, 'invalid args');


const INT32 = { min: -2_147_483_648, max: 2_147_483_647 };
const MAX_TEMPORARY_SECONDS = 2_592_000;

function qrcodeCreate(json: Record<string, unknown>, state: EmulatorState, app: EmulatorApp): object {
  const action = json.action_name;
  if (action !== 'QR_SCENE' && action !== 'QR_STR_SCENE' && action !== 'QR_LIMIT_SCENE' && action !== 'QR_LIMIT_STR_SCENE') return invalidArgs();
  const scene = (json.action_info as { scene?: Record<string, unknown> } | undefined)?.scene;
  if (!scene || typeof scene !== 'object') return wechatError('dataFormat');
  const permanent = action.startsWith('QR_LIMIT');
  let sceneId: number | null = null;
  let sceneStr: string | null = null;
  if (action.endsWith('STR_SCENE')) {
    if (typeof scene.scene_str !== 'string' || scene.scene_str.length < 1 || scene.scene_str.length > 64) return invalidArgs();
    sceneStr = scene.scene_str;
  } else {
    const id = scene.scene_id;
    if (typeof id !== 'number' || !Number.isInteger(id)) return wechatError('dataFormat');
    if (permanent ? id < 1 || id > 100_000 : id === 0 || id < INT32.min || id > INT32.max) return invalidArgs();
    sceneId = id;
  }
  const oa = oaState(state);
  let expiresAt: number | null = null;
  let expireSeconds = 0;
  if (!permanent) {
    // The doc: 60 s when omitted; at most 30 days (longer is cut to 30 days).
    const asked = json.expire_seconds ?? 60;
    if (typeof asked !== 'number' || !Number.isInteger(asked) || asked < 1) return wechatError('dataFormat');
    expireSeconds = Math.min(Math.max(asked, 60), MAX_TEMPORARY_SECONDS);
    expiresAt = Date.now() + expireSeconds * 1000;
  } else if (!oa.takePermanent(app.appid)) return fail(45029, 'qrcode count out of limit');
  const { ticket, record } = oa.newTicket({ appid: app.appid, action, sceneId, sceneStr, expiresAt });
  // Permanent codes come back with no expire_seconds key at all (fixture cgi-bin/qrcode/create.json).
  return permanent ? { ticket, url: record.url } : { ticket, expire_seconds: expireSeconds, url: record.url };
}

/** Where a TEMPLATESENDJOBFINISH receipt goes: to the app's push URL, a moment after the send. */
function pushReceipt(state: EmulatorState, app: EmulatorApp, touser: string, msgid: string): void {
  const status = oaState(state).receiptStatus.get(touser) ?? 'success';
  setTimeout(() => {
    void deliverPush(state, app.appid, {
      FromUserName: touser,
      MsgType: 'event',
      Event: 'TEMPLATESENDJOBFINISH',
      // A bare 64-bit number in the XML, as WeChat writes it.
      MsgID: BigInt(msgid),
      Status: status,
    }).catch(() => {});
  }, 10);
}

function templateSend(json: Record<string, unknown>, state: EmulatorState, app: EmulatorApp): object {
  const touser = text(json.touser);
  const users = usersOf(state, app);
  const index = touser === undefined ? undefined : users.indexOf(touser);
  if (touser === undefined || index === undefined) return fail(40003, 'invalid openid hint: [emu]');
  if (users.isBlocked(touser)) return fail(43019, 'require remove blacklist hint: [emu]');
  if (!users.isFollower(index)) return fail(43004, 'require subscribe hint: [emu]');
  const template = oaState(state).templatesOf(app.appid).find((t) => t.template_id === json.template_id);
  if (!template) return fail(40037, 'invalid template_id hint: [emu]');
  const data = json.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return wechatError('dataFormat');
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const value = (entry as { value?: unknown } | null)?.value;
    if (typeof value !== 'string') return fail(47003, `argument invalid! data.${key}.value invalid`);
  }
  const mini = json.miniprogram as { appid?: unknown } | undefined;
  if (mini !== undefined && (typeof mini !== 'object' || !text(mini?.appid))) return wechatError('dataFormat');
  if (json.url !== undefined && typeof json.url !== 'string') return wechatError('dataFormat');
  const { msgid, duplicate } = oaState(state).sendTemplate(app.appid, touser, text(json.client_msg_id), json);
  if (!duplicate) pushReceipt(state, app, touser, msgid);
  // msgid is a bare 64-bit number above 2^53, which JSON.stringify cannot write.
  return new RawReply('application/json; charset=utf-8', `{"errcode":0,"errmsg":"ok","msgid":${msgid}}`);
}

function bizsend(json: Record<string, unknown>, state: EmulatorState, app: EmulatorApp): object {
  const touser = text(json.touser);
  // Followers of the generated population, or users the emulator made by name (admin subscriptions).
  if (!touser || (usersOf(state, app).indexOf(touser) === undefined && !state.userByOpenid(app.appid, touser))) return fail(40003, 'invalid openid');
  const messages = messagesState(state);
  const template = messages.templatesOf(app.appid).find((t) => t.priTmplId === json.template_id);
  if (!template) return fail(40037, 'invalid template_id');
  const data = json.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return wechatError('dataFormat');
  const keys = [...template.content.matchAll(/\{\{\s*([A-Za-z_]+\d+)\.DATA\s*\}\}/g)].map((m) => m[1]!);
  for (const key of Object.keys(data)) if (!keys.includes(key)) return fail(47003, `argument invalid! data.${key}.value invalid`);
  for (const key of keys) {
    const value = ((data as Record<string, unknown>)[key] as { value?: unknown } | undefined)?.value;
    // WeChat's own spelling: "emtpy" (fixture cgi-bin/message/subscribe/send.json).
    if (typeof value !== 'string' || value === '') return fail(47003, `argument invalid! data.${key}.value is emtpy`);
  }
  if (!messages.takeSubscription(app.appid, touser, template)) return fail(43101, 'user refuse to accept the msg');
  messages.record('subscribe', app.appid, touser, json);
  return OK();
}

// ---------------------------------------------------------------------------
// publisher/stat: deterministic numbers per account, day and slot

const SLOTS = ['SLOT_ID_WEAPP_BANNER', 'SLOT_ID_WEAPP_REWARD_VIDEO', 'SLOT_ID_WEAPP_INTERSTITIAL'];
const ACTIONS = new Set(['publisher_adpos_general', 'publisher_cps_general', 'publisher_settlement']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const baseResp = (ret: number, err_msg: string) => ({ base_resp: { err_msg, ret } });

function days(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const seeded = (...parts: string[]) => mulberry32(createHash('sha256').update(parts.join(':')).digest().readUInt32BE(0));
const round9 = (n: number) => Math.round(n * 1e9) / 1e9;

function adposRow(appid: string, day: string, slot: string) {
  const random = seeded(appid, day, slot);
  const req = 100_000 + Math.floor(random() * 400_000);
  const exposure = Math.floor(req * (0.3 + random() * 0.2));
  const clicks = Math.floor(exposure * (0.03 + random() * 0.04));
  const income = Math.floor(exposure * (0.2 + random() * 0.2));
  return {
    slot_id: 3030046789020000 + SLOTS.indexOf(slot),
    ad_slot: slot,
    date: day,
    req_succ_count: req,
    exposure_count: exposure,
    exposure_rate: round9(exposure / req),
    click_count: clicks,
    click_rate: round9(clicks / exposure),
    income,
    ecpm: round9((income / exposure) * 1000),
  };
}

function cpsRow(appid: string, day: string) {
  const random = seeded(appid, day, 'cps');
  const exposure = 5_000 + Math.floor(random() * 20_000);
  const clicks = Math.floor(exposure * (0.02 + random() * 0.03));
  const orders = Math.floor(clicks * random() * 0.02);
  const fee = orders * (10_000 + Math.floor(random() * 50_000));
  // click_rate is a percentage here while adpos gives a fraction (doc example: 38.265151515 vs 0.055523777).
  return { date: day, exposure_count: exposure, click_count: clicks, click_rate: round9((clicks / exposure) * 100), order_count: orders, order_rate: round9(orders / Math.max(1, clicks)), total_fee: fee, total_commission: Math.floor(fee * 0.15) };
}

function publisherStat(query: URLSearchParams, state: EmulatorState, app: EmulatorApp): object {
  const action = query.get('action') ?? '';
  // ret codes: 2009 = not a publisher (public client code); 45010 = invalid api name; the rest are the emulator's own.
  if (!ACTIONS.has(action)) return baseResp(45010, 'invalid api name');
  if (oaState(state).nonPublishers.has(app.appid)) return baseResp(2009, 'ERROR');
  const page = Number(query.get('page') ?? '1');
  const size = Number(query.get('page_size') ?? '10');
  const start = query.get('start_date') ?? '';
  const end = query.get('end_date') ?? '';
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1 || size > 90) return baseResp(1, 'invalid page or page_size');
  if (!DAY.test(start) || !DAY.test(end) || start > end || start < '2016-01-01') return baseResp(1, 'invalid start_date or end_date');
  const span = days(start, end);
  const limit = action === 'publisher_adpos_general' ? 90 : action === 'publisher_cps_general' ? 60 : Infinity;
  if (span.length > limit) return baseResp(1, 'date range too long');
  const slice = <T>(rows: T[]) => rows.slice((page - 1) * size, page * size);
  if (action === 'publisher_adpos_general') {
    const slot = query.get('ad_slot');
    if (slot && !SLOTS.includes(slot)) return baseResp(1, 'invalid ad_slot');
    const rows = span.flatMap((day) => (slot ? [slot] : SLOTS).map((s) => adposRow(app.appid, day, s)));
    const sum = (key: 'req_succ_count' | 'exposure_count' | 'click_count' | 'income') => rows.reduce((total, row) => total + row[key], 0);
    const exposure = sum('exposure_count');
    const summary = {
      req_succ_count: sum('req_succ_count'),
      exposure_count: exposure,
      exposure_rate: round9(exposure / Math.max(1, sum('req_succ_count'))),
      click_count: sum('click_count'),
      click_rate: round9(sum('click_count') / Math.max(1, exposure)),
      income: sum('income'),
      ecpm: round9((sum('income') / Math.max(1, exposure)) * 1000),
    };
    return { ...baseResp(0, 'ok'), list: slice(rows), summary, total_num: rows.length };
  }
  if (action === 'publisher_cps_general') {
    const rows = span.map((day) => cpsRow(app.appid, day));
    const sum = (key: 'exposure_count' | 'click_count' | 'order_count' | 'total_fee' | 'total_commission') => rows.reduce((total, row) => total + row[key], 0);
    const summary = {
      exposure_count: sum('exposure_count'),
      click_count: sum('click_count'),
      click_rate: round9((sum('click_count') / Math.max(1, sum('exposure_count'))) * 100),
      order_count: sum('order_count'),
      order_rate: round9(sum('order_count') / Math.max(1, sum('click_count'))),
      total_fee: sum('total_fee'),
      total_commission: sum('total_commission'),
    };
    return { ...baseResp(0, 'ok'), list: slice(rows), summary, total_num: rows.length };
  }
  // Settlements: one per half month that ended inside the range, paid on the 25th / 10th.
  const rows = span
    .filter((day) => day.endsWith('-15') || new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).getUTCDate() === 1)
    .map((day, order) => {
      const random = seeded(app.appid, day, 'settlement');
      const banner = 30_000_000 + Math.floor(random() * 10_000_000);
      const video = 600_000_000 + Math.floor(random() * 100_000_000);
      const half = day.endsWith('-15') ? '1日至15日' : `16日至${Number(day.slice(8))}日`;
      return {
        date: day,
        zone: `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${half}`,
        month: day.slice(0, 7).replace('-', ''),
        order: order + 1,
        sett_status: 1,
        settled_revenue: banner + video,
        sett_no: createHash('sha256').update(`${app.appid}:${day}`).digest('hex').slice(0, 16),
        // A string in the doc example ("0").
        mail_send_cnt: '0',
        slot_revenue: [
          { slot_id: 'SLOT_ID_WEAPP_BANNER', slot_settled_revenue: banner },
          { slot_id: 'SLOT_ID_WEAPP_REWARD_VIDEO', slot_settled_revenue: video },
        ],
      };
    });
  const settled = rows.reduce((total, row) => total + row.settled_revenue, 0);
  const totals = { penalty_all: 0, revenue_all: settled + 298_548, settled_revenue_all: settled, total_num: rows.length };
  // Real answers leave out body and settlement_list when there is nothing (fixture publisher/stat.json).
  if (!rows.length) return { ...baseResp(0, 'ok'), ...totals };
  return { ...baseResp(0, 'ok'), body: '深圳市模拟器科技有限公司', ...totals, settlement_list: slice(rows) };
}

const OA: EmulatorApp['kind'][] = ['officialAccount'];

export const officialAccountRoutes: RouteDef[] = [
  { path: 'cgi-bin/qrcode/create', method: 'POST', auth: 'access_token', kinds: OA, handle: ({ json, state, app }) => qrcodeCreate(json, state, app) },
  {
    // Served on WeChat's mp host in reality (WECHAT_MP_BASE points the gateway here); no access_token.
    path: 'cgi-bin/showqrcode',
    async handle({ query, state }) {
      const record = oaState(state).ticket(query.get('ticket') ?? '');
      if (!record) return new RawReply('text/html', '<html><body>invalid ticket</body></html>', 404);
      const bytes = await QRCode.toBuffer(record.url, { type: 'png', width: 430, margin: 2, errorCorrectionLevel: 'M' });
      return new RawReply('image/png', bytes);
    },
  },
  { path: 'cgi-bin/message/template/send', method: 'POST', auth: 'access_token', kinds: OA, handle: ({ json, state, app }) => templateSend(json, state, app) },
  {
    path: 'cgi-bin/template/get_all_private_template',
    auth: 'access_token',
    kinds: OA,
    // Success carries no errcode key (fixture cgi-bin/template/get_all_private_template.json).
    handle: ({ state, app }) => ({ template_list: oaState(state).templatesOf(app.appid) }),
  },
  {
    path: 'cgi-bin/template/api_add_template',
    method: 'POST',
    auth: 'access_token',
    kinds: OA,
    handle({ json, state, app }) {
      const shortId = text(json.template_id_short);
      if (!shortId) return wechatError('dataFormat');
      const names = json.keyword_name_list;
      if (names !== undefined && (!Array.isArray(names) || !names.every((n) => typeof n === 'string'))) return wechatError('dataFormat');
      const added = oaState(state).addTemplate(app.appid, shortId, names as string[] | undefined);
      if (added === 'limit') return fail(45026, 'template num exceeds limit hint: [emu]');
      if (added === 'unknown') return fail(40037, 'invalid template_id hint: [emu]');
      return { errcode: 0, errmsg: 'ok', template_id: added.template_id };
    },
  },
  {
    path: 'cgi-bin/template/del_private_template',
    method: 'POST',
    auth: 'access_token',
    kinds: OA,
    handle({ json, state, app }) {
      const id = text(json.template_id);
      if (!id) return wechatError('dataFormat');
      return oaState(state).deleteTemplate(app.appid, id) ? OK() : fail(40037, 'invalid template_id hint: [emu]');
    },
  },
  {
    path: 'cgi-bin/template/get_industry',
    auth: 'access_token',
    kinds: OA,
    handle({ state, app }) {
      const { id1, id2 } = oaState(state).industry(app.appid);
      return { primary_industry: INDUSTRIES[id1], secondary_industry: INDUSTRIES[id2] };
    },
  },
  {
    path: 'cgi-bin/template/api_set_industry',
    method: 'POST',
    auth: 'access_token',
    kinds: OA,
    handle({ json, state, app }) {
      // Ids travel as JSON strings ("1", "4"): fixture cgi-bin/template/api_set_industry.json.
      const id1 = json.industry_id1;
      const id2 = json.industry_id2;
      if (typeof id1 !== 'string' || typeof id2 !== 'string' || !INDUSTRIES[id1] || !INDUSTRIES[id2]) return invalidArgs();
      return oaState(state).setIndustry(app.appid, id1, id2) ? OK() : fail(43100, 'change template too frequently hint: [emu]');
    },
  },
  { path: 'cgi-bin/message/subscribe/bizsend', method: 'POST', auth: 'access_token', kinds: OA, handle: ({ json, state, app }) => bizsend(json, state, app) },
  {
    // Withdrawn on 2023-09-20.
    path: 'cgi-bin/message/wxopen/template/uniform_send',
    method: 'POST',
    auth: 'access_token',
    handle: () => fail(45109, 'This API has been unsupported'),
  },
  {
    // Stopped making short links on 2021-03-15; the replacement is cgi-bin/shorten/*.
    path: 'cgi-bin/shorturl',
    method: 'POST',
    auth: 'access_token',
    handle: () => fail(45103, 'This API has been unsupported'),
  },
  {
    path: 'cgi-bin/shorten/gen',
    method: 'POST',
    auth: 'access_token',
    kinds: OA,
    handle({ json, state, app }) {
      const data = json.long_data;
      const expire = json.expire_seconds ?? 2_592_000;
      if (typeof data !== 'string' || data === '' || typeof expire !== 'number' || !Number.isInteger(expire) || expire < 1) return wechatError('dataFormat');
      if (Buffer.byteLength(data, 'utf8') > 4096) return fail(9410010, 'long data too long');
      if (expire > 2_592_000) return fail(9410011, 'expire_seconds too long');
      return { errcode: 0, errmsg: 'ok', short_key: oaState(state).newShortKey(app.appid, data, expire) };
    },
  },
  {
    path: 'cgi-bin/shorten/fetch',
    method: 'POST',
    auth: 'access_token',
    kinds: OA,
    handle({ json, state, app }) {
      const key = text(json.short_key);
      if (!key) return wechatError('dataFormat');
      const found = oaState(state).shortKey(app.appid, key);
      if (!found) return fail(9410012, 'short_key not exist');
      return { errcode: 0, errmsg: 'ok', long_data: found.data, create_time: Math.floor(found.createdAt / 1000), expire_seconds: found.remainingSeconds };
    },
  },
  { path: 'publisher/stat', auth: 'access_token', handle: ({ query, state, app }) => publisherStat(query, state, app) },
];
