import { createHash } from 'node:crypto';
import { deliverPush } from '../push.ts';
import { text, type RouteDef } from '../route.ts';
import type { EmulatorState } from '../state.ts';
import { rid, wechatError } from '../wechat-errors.ts';

/**
 * Logistics assistant (cgi-bin/express/business/*): couriers, bound accounts with waybill quota,
 * orders with a label and a track. `test_update_order` (WeChat's own test call, for the TEST
 * courier) appends a track step and pushes `add_express_path` to the app's server.
 * Shapes follow the fixtures: success bodies without errcode, courier failures as
 * errcode 9300501 plus delivery_resultcode / delivery_resultmsg.
 */

export const CARRIERS = [
  ['BEST', '百世快递'],
  ['EMS', '中国邮政速递物流'],
  ['PJ', '品骏物流'],
  ['SF', '顺丰速运'],
  ['YTO', '圆通速递'],
  ['YUNDA', '韵达快递'],
  ['ZTO', '中通快递'],
] as const;

/** WeChat's test courier: `delivery_id` TEST with `biz_id` test_biz_id (logistics doc, 测试). */
export const TEST_DELIVERY = { deliveryId: 'TEST', bizId: 'test_biz_id' };

interface Account {
  bizId: string;
  deliveryId: string;
  quota: number;
  createTime: number;
}

interface Action {
  action_time: number;
  action_type: number;
  action_msg: string;
}

interface Order {
  orderId: string;
  openid: string;
  deliveryId: string;
  bizId: string;
  waybillId: string;
  city: string;
  status: 0 | 1;
  actions: Action[];
}

class LogisticsState {
  readonly accounts = new Map<string, Account[]>();
  readonly orders = new Map<string, Order>();
  accountsOf(appid: string): Account[] {
    let list = this.accounts.get(appid);
    if (!list) {
      const now = Math.floor(Date.now() / 1000);
      list = [
        { bizId: 'xyz', deliveryId: 'YTO', quota: 210, createTime: now },
        { bizId: 'SF_ACCOUNT', deliveryId: 'SF', quota: 55, createTime: now },
        { ...TEST_DELIVERY, quota: 1000, createTime: now },
      ];
      this.accounts.set(appid, list);
    }
    return list;
  }
}

const logistics = (state: EmulatorState) => state.domain('logistics', () => new LogisticsState());

const courierFail = (resultcode: number, message: string) => ({
  errcode: 9300501,
  errmsg: `delivery logic fail rid: ${rid()}`,
  delivery_resultcode: resultcode,
  delivery_resultmsg: message,
});

const bytes = (value: unknown) => (typeof value === 'string' ? Buffer.byteLength(value) : 0);
const obj = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** The doc's byte limits; a body past them is refused as a format error. */
function contactProblem(value: unknown): boolean {
  const c = obj(value);
  if (!c) return true;
  if (!text(c.name) || bytes(c.name) > 64) return true;
  if (!text(c.tel) && !text(c.mobile)) return true;
  if (bytes(c.tel) > 32 || bytes(c.mobile) > 32) return true;
  return !text(c.province) || !text(c.city) || !text(c.area) || !text(c.address) || bytes(c.address) > 512;
}

function labelHtml(order: Order): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${order.waybillId}</title></head><body><h1>${order.deliveryId} ${order.waybillId}</h1><p>${order.city}</p><p>order ${order.orderId}</p></body></html>`;
}

const key = (appid: string, orderId: string) => `${appid}:${orderId}`;

function pushPath(state: EmulatorState, appid: string, order: Order): void {
  void deliverPush(state, appid, {
    FromUserName: order.openid || undefined,
    MsgType: 'event',
    Event: 'add_express_path',
    DeliveryID: order.deliveryId,
    WayBillId: order.waybillId,
    OrderId: order.orderId,
    Version: order.actions.length,
    Count: order.actions.length,
    Actions: order.actions.map((a) => ({ ActionTime: a.action_time, ActionType: a.action_type, ActionMsg: a.action_msg })),
  }).catch(() => {});
}

function findOrder(state: EmulatorState, appid: string, json: Record<string, unknown>): Order | undefined {
  const orderId = text(json.order_id);
  const order = orderId ? logistics(state).orders.get(key(appid, orderId)) : undefined;
  if (!order) return undefined;
  if (text(json.delivery_id) !== order.deliveryId || text(json.waybill_id) !== order.waybillId) return undefined;
  return order;
}

const orderMissing = () => courierFail(10005, '订单不存在');

export const logisticsRoutes: RouteDef[] = [
  {
    path: 'cgi-bin/express/business/delivery/getall',
    auth: 'access_token',
    handle: () => ({ count: CARRIERS.length, data: CARRIERS.map(([delivery_id, delivery_name]) => ({ delivery_id, delivery_name })) }),
  },
  {
    path: 'cgi-bin/express/business/account/getall',
    auth: 'access_token',
    handle({ state, app }) {
      const list = logistics(state).accountsOf(app.appid).filter((a) => a.deliveryId !== TEST_DELIVERY.deliveryId);
      return {
        count: list.length,
        list: list.map((a) => ({
          biz_id: a.bizId,
          delivery_id: a.deliveryId,
          create_time: a.createTime,
          update_time: a.createTime,
          status_code: 0,
          alias: '',
          remark_wrong_msg: '',
          remark_content: '',
          quota_num: a.quota,
          quota_update_time: a.createTime,
        })),
      };
    },
  },
  {
    path: 'cgi-bin/express/business/order/add',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      const orderId = text(json.order_id);
      const cargo = obj(json.cargo);
      if (!orderId || bytes(orderId) > 512 || bytes(json.custom_remark) > 1024) return wechatError('dataFormat');
      if (json.add_source !== 0 && json.add_source !== 2) return wechatError('dataFormat');
      if (json.add_source === 0 && !text(json.openid)) return wechatError('dataFormat');
      if (contactProblem(json.sender) || contactProblem(json.receiver) || !cargo || !Array.isArray(cargo.detail_list) || !obj(json.shop))
        return wechatError('dataFormat');
      const s = logistics(state);
      const account = s.accountsOf(app.appid).find((a) => a.deliveryId === text(json.delivery_id) && a.bizId === text(json.biz_id));
      if (!account) return courierFail(10002, '客户密码不正确');
      if (s.orders.has(key(app.appid, orderId))) return courierFail(10003, '订单号重复');
      if (account.quota <= 0) return courierFail(10004, '电子面单余额不足');
      account.quota -= 1;
      const waybillId = createHash('sha256').update(`${app.appid}:${orderId}`).digest().readBigUInt64BE().toString().slice(0, 12);
      const city = String(obj(json.receiver)!.city);
      const order: Order = { orderId, openid: text(json.openid) ?? '', deliveryId: account.deliveryId, bizId: account.bizId, waybillId, city, status: 0, actions: [] };
      s.orders.set(key(app.appid, orderId), order);
      return {
        order_id: orderId,
        waybill_id: waybillId,
        waybill_data: [
          { key: `${account.deliveryId}_bagAddr`, value: city.replace(/市$/, '') },
          { key: `${account.deliveryId}_mark`, value: `101- 07-03 ${waybillId.slice(-3)}` },
        ],
      };
    },
  },
  {
    path: 'cgi-bin/express/business/order/get',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      const order = findOrder(state, app.appid, json);
      if (!order) return orderMissing();
      return {
        print_html: Buffer.from(labelHtml(order)).toString('base64'),
        waybill_data: [{ key: `${order.deliveryId}_bagAddr`, value: order.city.replace(/市$/, '') }],
        delivery_id: order.deliveryId,
        waybill_id: order.waybillId,
        order_id: order.orderId,
        order_status: order.status,
      };
    },
  },
  {
    path: 'cgi-bin/express/business/order/cancel',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      const order = findOrder(state, app.appid, json);
      if (!order) return orderMissing();
      if (order.status === 0) {
        order.status = 1;
        order.actions.push({ action_time: Math.floor(Date.now() / 1000), action_type: 400001, action_msg: '订单已取消' });
        pushPath(state, app.appid, order);
      }
      // Success carries errcode 0 AND delivery_resultcode 0 with an empty delivery_resultmsg.
      return { errcode: 0, errmsg: 'ok', delivery_resultcode: 0, delivery_resultmsg: '' };
    },
  },
  {
    path: 'cgi-bin/express/business/path/get',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      const order = findOrder(state, app.appid, json);
      if (!order) return orderMissing();
      return { openid: order.openid, delivery_id: order.deliveryId, waybill_id: order.waybillId, path_item_num: order.actions.length, path_item_list: order.actions };
    },
  },
  {
    path: 'cgi-bin/express/business/quota/get',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      const account = logistics(state)
        .accountsOf(app.appid)
        .find((a) => a.deliveryId === text(json.delivery_id) && a.bizId === text(json.biz_id));
      return account ? { quota_num: account.quota } : courierFail(10002, '客户密码不正确');
    },
  },
  {
    // WeChat's test call: moves a TEST-courier order along and pushes add_express_path.
    path: 'cgi-bin/express/business/test_update_order',
    method: 'POST',
    auth: 'access_token',
    kinds: ['miniprogram'],
    handle({ json, state, app }) {
      if (text(json.biz_id) !== TEST_DELIVERY.bizId || text(json.delivery_id) !== TEST_DELIVERY.deliveryId) return wechatError('dataFormat');
      const order = findOrder(state, app.appid, json);
      const actionType = Number(json.action_type);
      if (!order || !Number.isInteger(actionType)) return orderMissing();
      order.actions.push({ action_time: Number(json.action_time) || Math.floor(Date.now() / 1000), action_type: actionType, action_msg: text(json.action_msg) ?? '' });
      pushPath(state, app.appid, order);
      return { errcode: 0, errmsg: 'ok' };
    },
  },
];
