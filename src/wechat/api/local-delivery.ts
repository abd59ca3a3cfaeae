import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AppClient } from '../client.ts';
import { listOf, parseBody } from '../parse.ts';

/**
 * Immediate delivery (即时配送), cgi-bin/express/local/business/*. The courier's answer comes
 * in `resultcode`/`resultmsg` (only 0 is success; the message is the courier's own, often
 * Chinese), while WeChat-side failures still use errcode/errmsg: order/get's only doc example
 * is `{"errcode": 930563, "errmsg": "order not exists"}` (fixture order/get.json).
 */
const BASE = 'cgi-bin/express/local/business';
export const LOCAL = {
  carriers: `${BASE}/delivery/getall`,
  shops: `${BASE}/shop/get`,
  preAdd: `${BASE}/order/pre_add`,
  add: `${BASE}/order/add`,
  get: `${BASE}/order/get`,
  precancel: `${BASE}/order/precancel`,
  cancel: `${BASE}/order/cancel`,
  addTips: `${BASE}/order/addtips`,
} as const;

/**
 * delivery_sign = SHA1(shopid + shop_order_id + AppSecret), or SHA1(shopid + AppSecret) without
 * an order (doc; the fixture's vector gives a93d8d6b...). Made here so the secret never leaves
 * the WeChat layer; the sign itself is never logged or returned.
 */
export function deliverySign(shopId: string, shopOrderId: string | undefined, appSecret: string): string {
  return createHash('sha1').update(`${shopId}${shopOrderId ?? ''}${appSecret}`).digest('hex');
}

/** A courier's non-zero resultcode. */
export class CarrierResultError extends Error {
  override name = 'CarrierResultError';
  constructor(
    readonly endpoint: string,
    readonly resultCode: number,
    readonly resultMsg: string,
  ) {
    super(`${endpoint}: the courier answered resultcode ${resultCode}`);
  }
}

const str = z.preprocess((value) => (value === null || value === undefined || value === '' ? undefined : String(value)), z.string().optional());
const reqStr = z.preprocess((value) => (value === null || value === undefined ? '' : String(value)), z.string());
const num = z.preprocess((value) => (value === null || value === undefined || value === '' ? undefined : value), z.coerce.number().optional());
const envelope = z.object({ resultcode: z.coerce.number().default(0), resultmsg: z.coerce.string().default('') });

/** Throws the courier's refusal; returns the body otherwise. */
export function checkResult(endpoint: string, body: unknown): Record<string, unknown> {
  const { resultcode, resultmsg } = parseBody(endpoint, envelope, body);
  if (resultcode !== 0) throw new CarrierResultError(endpoint, resultcode, resultmsg);
  return body as Record<string, unknown>;
}

export const carriersResult = z
  .object({ list: listOf(z.object({ delivery_id: reqStr, delivery_name: reqStr })) })
  .transform((b) => b.list.map((c) => ({ deliveryId: c.delivery_id, deliveryName: c.delivery_name })));

export const shopsResult = z
  .object({ shop_list: listOf(z.object({ delivery_id: reqStr, shopid: reqStr, audit_result: num })) })
  .transform((b) => b.shop_list.map((s) => ({ deliveryId: s.delivery_id, shopId: s.shopid, auditResult: s.audit_result })));

// The doc spells the insurance fee `insurancfee`; SKIT `insurancefee`; weapp's mock carries both.
const fees = {
  fee: num,
  deliverfee: num,
  couponfee: num,
  tips: num,
  insurancfee: num,
  insurancefee: num,
  distance: num,
  dispatch_duration: num,
  delivery_token: str,
};
const toFees = (b: { [K in keyof typeof fees]?: z.output<(typeof fees)[K]> }) => ({
  fee: b.fee,
  deliveryFee: b.deliverfee,
  couponFee: b.couponfee,
  tips: b.tips,
  insuranceFee: b.insurancefee ?? b.insurancfee,
  distance: b.distance,
  dispatchDuration: b.dispatch_duration,
  deliveryToken: b.delivery_token,
});

export const quoteResult = z.object(fees).transform(toFees);
export type LocalQuote = z.output<typeof quoteResult>;

export const addResult = z
  .object({ ...fees, waybill_id: str, order_status: num, finish_code: num, pickup_code: num })
  .transform((b) => ({ ...toFees(b), waybillId: b.waybill_id, orderStatus: b.order_status, finishCode: b.finish_code, pickupCode: b.pickup_code }));
export type LocalOrderCreated = z.output<typeof addResult>;

export const getResult = z
  .object({ order_status: num, waybill_id: str, rider_name: str, rider_phone: str, rider_lng: num, rider_lat: num, reach_time: num })
  .transform((b) => ({
    orderStatus: b.order_status,
    waybillId: b.waybill_id,
    riderName: b.rider_name,
    riderPhone: b.rider_phone,
    riderLng: b.rider_lng,
    riderLat: b.rider_lat,
    reachTime: b.reach_time,
  }));
export type LocalOrder = z.output<typeof getResult>;

export const cancelResult = z.object({ deduct_fee: num, desc: str }).transform((b) => ({ deductFee: b.deduct_fee ?? 0, description: b.desc }));

export interface LocalPlace {
  name: string;
  city: string;
  address: string;
  addressDetail: string;
  phone: string;
  lng: number;
  lat: number;
  /** 0: Mars coordinates (GCJ-02, default), 1: Baidu. */
  coordinateType?: number;
}

export interface LocalOrderInput {
  shopId: string;
  shopOrderId: string;
  shopNo?: string;
  deliveryId: string;
  openid: string;
  subBizId?: string;
  /** From the quote (达达 requires it, valid 3 minutes). */
  deliveryToken?: string;
  sender: LocalPlace;
  receiver: LocalPlace;
  cargo: {
    goodsValue: number;
    goodsWeight: number;
    goodsHeight?: number;
    goodsLength?: number;
    goodsWidth?: number;
    cargoFirstClass: string;
    cargoSecondClass: string;
    goods?: { goodCount: number; goodName: string; goodPrice?: number; goodUnit?: string }[];
  };
  orderInfo: {
    orderTime?: number;
    note?: string;
    poiSeq?: string;
    orderType?: number;
    expectedDeliveryTime?: number;
    isInsured?: boolean;
    declaredValue?: number;
    tips?: number;
    isDirectDelivery?: boolean;
    isFinishCodeNeeded?: boolean;
    isPickupCodeNeeded?: boolean;
    deliveryServiceCode?: string;
  };
  shop: { wxaPath: string; imgUrl: string; goodsName: string; goodsCount: number };
}

const place = (p: LocalPlace) => ({
  name: p.name,
  city: p.city,
  address: p.address,
  address_detail: p.addressDetail,
  phone: p.phone,
  lng: p.lng,
  lat: p.lat,
  coordinate_type: p.coordinateType ?? 0,
});
const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);

export function orderBody(wx: AppClient, input: LocalOrderInput) {
  return {
    shopid: input.shopId,
    shop_order_id: input.shopOrderId,
    shop_no: input.shopNo,
    delivery_sign: deliverySign(input.shopId, input.shopOrderId, wx.app.secret),
    delivery_id: input.deliveryId,
    openid: input.openid,
    sub_biz_id: input.subBizId,
    delivery_token: input.deliveryToken,
    sender: place(input.sender),
    receiver: place(input.receiver),
    cargo: {
      goods_value: input.cargo.goodsValue,
      goods_weight: input.cargo.goodsWeight,
      goods_height: input.cargo.goodsHeight,
      goods_length: input.cargo.goodsLength,
      goods_width: input.cargo.goodsWidth,
      cargo_first_class: input.cargo.cargoFirstClass,
      cargo_second_class: input.cargo.cargoSecondClass,
      goods_detail: input.cargo.goods && {
        goods: input.cargo.goods.map((g) => ({ good_count: g.goodCount, good_name: g.goodName, good_price: g.goodPrice, good_unit: g.goodUnit })),
      },
    },
    order_info: {
      order_time: input.orderInfo.orderTime ?? Math.floor(Date.now() / 1000),
      note: input.orderInfo.note,
      poi_seq: input.orderInfo.poiSeq,
      order_type: input.orderInfo.orderType ?? 0,
      expected_delivery_time: input.orderInfo.expectedDeliveryTime,
      is_insured: flag(input.orderInfo.isInsured),
      declared_value: input.orderInfo.declaredValue,
      tips: input.orderInfo.tips,
      is_direct_delivery: flag(input.orderInfo.isDirectDelivery),
      is_finish_code_needed: flag(input.orderInfo.isFinishCodeNeeded),
      is_pickup_code_needed: flag(input.orderInfo.isPickupCodeNeeded),
      delivery_service_code: input.orderInfo.deliveryServiceCode,
    },
    shop: { wxa_path: input.shop.wxaPath, img_url: input.shop.imgUrl, goods_name: input.shop.goodsName, goods_count: input.shop.goodsCount },
  };
}

type Retry = 'read' | 'unsent';
async function call(wx: AppClient, endpoint: string, json: unknown, retry: Retry, signal?: AbortSignal) {
  return checkResult(endpoint, await wx.json({ endpoint, method: 'POST', json, retry, signal }));
}

export async function getCarriers(wx: AppClient, signal?: AbortSignal) {
  return parseBody(LOCAL.carriers, carriersResult, await call(wx, LOCAL.carriers, {}, 'read', signal));
}

export async function getShops(wx: AppClient, signal?: AbortSignal) {
  return parseBody(LOCAL.shops, shopsResult, await call(wx, LOCAL.shops, {}, 'read', signal));
}

/** order/pre_add: a quote; changes nothing, so it may be retried. */
export async function preAddOrder(wx: AppClient, input: LocalOrderInput, signal?: AbortSignal): Promise<LocalQuote> {
  return parseBody(LOCAL.preAdd, quoteResult, await call(wx, LOCAL.preAdd, orderBody(wx, input), 'read', signal));
}

/** order/add: a send. Never repeated once it may have reached WeChat. */
export async function addOrder(wx: AppClient, input: LocalOrderInput, signal?: AbortSignal): Promise<LocalOrderCreated> {
  return parseBody(LOCAL.add, addResult, await call(wx, LOCAL.add, orderBody(wx, input), 'unsent', signal));
}

export interface LocalOrderRef {
  shopId: string;
  shopOrderId: string;
  shopNo?: string;
}

const refBody = (wx: AppClient, ref: LocalOrderRef) => ({
  shopid: ref.shopId,
  shop_order_id: ref.shopOrderId,
  shop_no: ref.shopNo,
  delivery_sign: deliverySign(ref.shopId, ref.shopOrderId, wx.app.secret),
});

export async function getOrder(wx: AppClient, ref: LocalOrderRef, signal?: AbortSignal): Promise<LocalOrder> {
  return parseBody(LOCAL.get, getResult, await call(wx, LOCAL.get, refBody(wx, ref), 'read', signal));
}

export interface LocalCancel extends LocalOrderRef {
  deliveryId: string;
  waybillId: string;
  /** 1 not needed any more, 2 price, 3 wrong order data, 4 rider late to pick up, 5 rider late to deliver, 6 other (reason text required). */
  cancelReasonId: number;
  cancelReason?: string;
}

const cancelBody = (wx: AppClient, c: LocalCancel) => ({
  ...refBody(wx, c),
  delivery_id: c.deliveryId,
  waybill_id: c.waybillId,
  cancel_reason_id: c.cancelReasonId,
  cancel_reason: c.cancelReason ?? '',
});

/** order/precancel: what a cancellation would cost, changing nothing. */
export async function precancelOrder(wx: AppClient, c: LocalCancel, signal?: AbortSignal) {
  return parseBody(LOCAL.precancel, cancelResult, await call(wx, LOCAL.precancel, cancelBody(wx, c), 'read', signal));
}

export async function cancelOrder(wx: AppClient, c: LocalCancel, signal?: AbortSignal) {
  return parseBody(LOCAL.cancel, cancelResult, await call(wx, LOCAL.cancel, cancelBody(wx, c), 'unsent', signal));
}

/** order/addtips: `tips` is the new TOTAL in yuan, not an increment (doc). */
export async function addTips(wx: AppClient, ref: LocalOrderRef & { waybillId: string; tips: number; remark?: string }, signal?: AbortSignal) {
  await call(wx, LOCAL.addTips, { ...refBody(wx, ref), waybill_id: ref.waybillId, tips: ref.tips, remark: ref.remark }, 'unsent', signal);
  return { tips: ref.tips };
}
