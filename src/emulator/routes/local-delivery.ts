import { createHash } from 'node:crypto';
import { deliverPush } from '../push.ts';
import { text, type RouteDef } from '../route.ts';
import type { EmulatorApp, EmulatorState } from '../state.ts';
import { rid, wechatError } from '../wechat-errors.ts';

/**
 * Immediate delivery (cgi-bin/express/local/business/*): couriers, bound shops, quotes, orders
 * with a status life cycle, cancellation fees and tips. Every call must carry a valid
 * delivery_sign = SHA1(shopid + shop_order_id + AppSecret). The courier's answers use
 * resultcode/resultmsg; order/get of an unknown order fails with errcode 930563 (fixture).
 * `test_update_order` (WeChat's sandbox call) and `realmock_update_order` move an order to a
 * status and push `update_waybill_status` to the app's server.
 */

const CARRIERS = [
  ['SFTC', '顺丰同城'],
  ['MTPS', '美团配送'],
  ['DADA', '达达'],
  ['SS', '闪送'],
] as const;

/** Shops bound in every emulated app: `test_shop_id` is WeChat's sandbox shop. */
const SHOPS = [
  { deliveryId: 'SFTC', shopId: 'test_shop_id' },
  { deliveryId: 'MTPS', shopId: 'mtps_shop_001' },
  { deliveryId: 'DADA', shopId: 'dada_shop_001' },
];

interface LocalOrder {
  shopId: string;
  shopOrderId: string;
  deliveryId: string;
  openid: string;
  waybillId: string;
  status: number;
  fee: number;
  tips: number;
  distance: number;
  rider?: { name: string; phone: string; lng: number; lat: number };
}

class LocalDeliveryState {
  readonly orders = new Map<string, LocalOrder>();
}
const local = (state: EmulatorState) => state.domain('local-delivery', () => new LocalDeliveryState());

const ok = (extra: object = {}) => ({ resultcode: 0, resultmsg: 'ok', ...extra });
const refuse = (resultcode: number, resultmsg: string) => ({ resultcode, resultmsg });
const orderKey = (appid: string, shopId: string, shopOrderId: string) => `${appid}:${shopId}:${shopOrderId}`;
const obj = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);

function signOk(app: EmulatorApp, json: Record<string, unknown>): boolean {
  const shopId = text(json.shopid) ?? '';
  const expected = createHash('sha1').update(`${shopId}${text(json.shop_order_id) ?? ''}${app.secret}`).digest('hex');
  return text(json.delivery_sign) === expected;
}

/** Checks the sign and the shop; the courier's own refusal otherwise. */
function guard(app: EmulatorApp, json: Record<string, unknown>): object | undefined {
  if (!text(json.shopid)) return wechatError('dataFormat');
  if (!signOk(app, json)) return refuse(1, 'delivery_sign 校验失败');
  if (!SHOPS.some((s) => s.shopId === json.shopid)) return refuse(1, 'shopid 未绑定');
  return undefined;
}

/** Distance and fee from the two coordinates (haversine), so quotes look real. */
function quote(json: Record<string, unknown>) {
  const sender = obj(json.sender) ?? {};
  const receiver = obj(json.receiver) ?? {};
  const rad = (deg: unknown) => (Number(deg) * Math.PI) / 180;
  const dLat = rad(receiver.lat) - rad(sender.lat);
  const dLng = rad(receiver.lng) - rad(sender.lng);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(sender.lat)) * Math.cos(rad(receiver.lat)) * Math.sin(dLng / 2) ** 2;
  const distance = Math.round(6_371_000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)));
  const fee = Math.round((8 + distance / 1000) * 100) / 100;
  return { distance: Number.isFinite(distance) ? distance : 0, fee: Number.isFinite(fee) ? fee : 8 };
}

function placeProblem(value: unknown): boolean {
  const place = obj(value);
  return !place || !text(place.name) || !text(place.phone) || !text(place.address) || typeof place.lat !== 'number' || typeof place.lng !== 'number';
}

function pushStatus(state: EmulatorState, appid: string, order: LocalOrder, actionTime: number, actionMsg: string): void {
  void deliverPush(state, appid, {
    FromUserName: order.openid || undefined,
    MsgType: 'event',
    Event: 'update_waybill_status',
    shopid: order.shopId,
    shop_order_id: order.shopOrderId,
    waybill_id: order.waybillId,
    action_time: actionTime,
    order_status: order.status,
    action_msg: actionMsg,
    shop_no: '',
    agent: order.rider ? { name: order.rider.name, phone: order.rider.phone } : { name: '', phone: '' },
  }).catch(() => {});
}

/** Moves an order to `status`; a rider appears once accepted. */
function advance(order: LocalOrder, status: number): void {
  order.status = status;
  if (status >= 102 && status < 400 && !order.rider) {
    const digest = createHash('sha256').update(order.waybillId).digest();
    order.rider = { name: `骑手${digest.readUInt16BE(0) % 100}`, phone: `139${String(digest.readUInt32BE(2) % 100_000_000).padStart(8, '0')}`, lng: 116.4, lat: 39.9 };
  }
}

const route = (path: string, handle: (req: { json: Record<string, unknown>; state: EmulatorState; app: EmulatorApp }) => object): RouteDef => ({
  path: `cgi-bin/express/local/business/${path}`,
  method: 'POST',
  auth: 'access_token',
  kinds: ['miniprogram'],
  handle: ({ json, state, app }) => handle({ json, state, app }),
});

function find(state: EmulatorState, app: EmulatorApp, json: Record<string, unknown>) {
  return local(state).orders.get(orderKey(app.appid, text(json.shopid) ?? '', text(json.shop_order_id) ?? ''));
}

function orderRequest(json: Record<string, unknown>, app: EmulatorApp): object | undefined {
  const refused = guard(app, json);
  if (refused) return refused;
  if (!text(json.shop_order_id) || !text(json.delivery_id) || !text(json.openid)) return wechatError('dataFormat');
  if (placeProblem(json.sender)) return refuse(1011, '发件人信息不正确');
  if (placeProblem(json.receiver)) return refuse(1010, '收件人信息不正确');
  const cargo = obj(json.cargo);
  if (!cargo || typeof cargo.goods_value !== 'number' || typeof cargo.goods_weight !== 'number') return wechatError('dataFormat');
  return undefined;
}

function cancelFee(order: LocalOrder): number {
  // Free before a rider accepts; a fixed fee once one is on the way (fixture cancel: deduct_fee 5).
  return order.status < 102 ? 0 : 5;
}

export const localDeliveryRoutes: RouteDef[] = [
  route('delivery/getall', () => ok({ list: CARRIERS.map(([delivery_id, delivery_name]) => ({ delivery_id, delivery_name })) })),
  route('shop/get', () => ok({ shop_list: SHOPS.map((s) => ({ delivery_id: s.deliveryId, shopid: s.shopId, audit_result: 0 })) })),
  route('order/pre_add', ({ json, app }) => {
    const problem = orderRequest(json, app);
    if (problem) return problem;
    const { distance, fee } = quote(json);
    const tips = Number(obj(json.order_info)?.tips ?? 0) || 0;
    return ok({ fee: fee + tips, deliverfee: fee, couponfee: 0, tips, insurancfee: 0, distance, dispatch_duration: 300, delivery_token: createHash('md5').update(rid()).digest('hex') });
  }),
  route('order/add', ({ json, state, app }) => {
    const problem = orderRequest(json, app);
    if (problem) return problem;
    const key = orderKey(app.appid, text(json.shopid)!, text(json.shop_order_id)!);
    const orders = local(state).orders;
    if (orders.has(key)) return refuse(1, '订单已存在');
    const { distance, fee } = quote(json);
    const tips = Number(obj(json.order_info)?.tips ?? 0) || 0;
    const waybillId = `${text(json.delivery_id)}${createHash('sha256').update(key).digest().readUInt32BE(0)}`;
    const order: LocalOrder = { shopId: text(json.shopid)!, shopOrderId: text(json.shop_order_id)!, deliveryId: text(json.delivery_id)!, openid: text(json.openid)!, waybillId, status: 101, fee, tips, distance };
    orders.set(key, order);
    const codes = createHash('sha256').update(waybillId).digest();
    return ok({
      fee: fee + tips,
      deliverfee: fee,
      couponfee: 0,
      tips,
      insurancfee: 0,
      distance,
      waybill_id: waybillId,
      order_status: 101,
      finish_code: 1000 + (codes.readUInt16BE(0) % 9000),
      pickup_code: 1000 + (codes.readUInt16BE(2) % 9000),
      dispatch_duration: 300,
    });
  }),
  route('order/get', ({ json, state, app }) => {
    const refused = guard(app, json);
    if (refused) return refused;
    const order = find(state, app, json);
    // A WeChat-side failure in errcode/errmsg, unlike the other calls (fixture order/get.json).
    if (!order) return { errcode: 930563, errmsg: `order not exists rid: ${rid()}` };
    return ok({
      order_status: order.status,
      waybill_id: order.waybillId,
      rider_name: order.rider?.name ?? '',
      rider_phone: order.rider?.phone ?? '',
      rider_lng: order.rider?.lng ?? 0,
      rider_lat: order.rider?.lat ?? 0,
      reach_time: Math.floor(Date.now() / 1000) + 1800,
    });
  }),
  route('order/precancel', ({ json, state, app }) => {
    const refused = guard(app, json);
    if (refused) return refused;
    const order = find(state, app, json);
    if (!order || text(json.waybill_id) !== order.waybillId) return { errcode: 930563, errmsg: `order not exists rid: ${rid()}` };
    if (order.status >= 302) return refuse(1, '订单已完成，无法取消');
    return ok({ deduct_fee: cancelFee(order), desc: order.status < 102 ? '骑手接单前取消免费' : '骑手已接单，取消需扣除费用' });
  }),
  route('order/cancel', ({ json, state, app }) => {
    const refused = guard(app, json);
    if (refused) return refused;
    const order = find(state, app, json);
    if (!order || text(json.waybill_id) !== order.waybillId) return { errcode: 930563, errmsg: `order not exists rid: ${rid()}` };
    const reason = Number(json.cancel_reason_id);
    if (!Number.isInteger(reason) || reason < 1 || reason > 6 || (reason === 6 && !text(json.cancel_reason))) return wechatError('dataFormat');
    if (order.status >= 302) return refuse(1, '订单已完成，无法取消');
    const fee = cancelFee(order);
    advance(order, 401);
    pushStatus(state, app.appid, order, Math.floor(Date.now() / 1000), '商家取消');
    return ok({ deduct_fee: fee, desc: fee ? '骑手已接单，取消需扣除费用' : '取消成功' });
  }),
  route('order/addtips', ({ json, state, app }) => {
    const refused = guard(app, json);
    if (refused) return refused;
    const order = find(state, app, json);
    if (!order || text(json.waybill_id) !== order.waybillId) return { errcode: 930563, errmsg: `order not exists rid: ${rid()}` };
    if (order.deliveryId === 'MTPS') return refuse(1, '美团配送不支持加小费');
    if (order.status !== 101) return refuse(1, '骑手已接单，无法加小费');
    const tips = Number(json.tips);
    // Absolute, not incremental: each call must name a larger total (doc).
    if (!(tips > order.tips)) return refuse(1, '小费只能增加');
    order.tips = tips;
    return ok();
  }),
  ...['test_update_order', 'realmock_update_order'].map((name) =>
    route(name, ({ json, state, app }) => {
      const refused = guard(app, json);
      if (refused) return refused;
      const order = find(state, app, json);
      const status = Number(json.order_status);
      if (!order) return { errcode: 930563, errmsg: `order not exists rid: ${rid()}` };
      if (!Number.isInteger(status) || status < 101 || status > 502) return wechatError('dataFormat');
      advance(order, status);
      pushStatus(state, app.appid, order, Number(json.action_time) || Math.floor(Date.now() / 1000), text(json.action_msg) ?? '');
      return ok();
    }),
  ),
];
