import { z } from 'zod';
import type { AppClient } from '../client.ts';
import { listOf, parseBody } from '../parse.ts';

/**
 * Logistics assistant (物流助手), cgi-bin/express/business/*. Success bodies mostly carry no
 * errcode at all (quota/get is just `{"quota_num": N}`). A courier refusing an order is a
 * two-level error: errcode 9300501 "delivery logic fail" from WeChat plus the courier's own
 * delivery_resultcode / delivery_resultmsg (fixture order/add.json), found in
 * `WeChatApiError.details`.
 */
export const EXPRESS = {
  carriers: 'cgi-bin/express/business/delivery/getall',
  accounts: 'cgi-bin/express/business/account/getall',
  addOrder: 'cgi-bin/express/business/order/add',
  getOrder: 'cgi-bin/express/business/order/get',
  cancelOrder: 'cgi-bin/express/business/order/cancel',
  path: 'cgi-bin/express/business/path/get',
  quota: 'cgi-bin/express/business/quota/get',
} as const;

/** WeChat's wrapper errcode for a courier-side failure; the courier's code is in delivery_resultcode. */
export const DELIVERY_LOGIC_FAIL = 9300501;

const str = z.preprocess((value) => (value === null || value === undefined ? undefined : String(value)), z.string().optional());
const reqStr = z.preprocess((value) => (value === null || value === undefined ? '' : String(value)), z.string());
const num = z.preprocess((value) => (value === null || value === undefined || value === '' ? undefined : value), z.coerce.number().optional());
const int0 = z.preprocess((value) => (value === null || value === undefined || value === '' ? 0 : value), z.coerce.number());

// ---------------------------------------------------------------------------------------------
// Carriers and accounts

const serviceTypeBody = z.object({ service_type: int0, service_name: reqStr });
const toServiceType = (s: z.output<typeof serviceTypeBody>) => ({ serviceType: s.service_type, serviceName: s.service_name });

export const carriersBody = z
  .object({
    count: num,
    data: listOf(
      z.object({
        delivery_id: reqStr,
        delivery_name: reqStr,
        can_use_cash: num,
        can_get_quota: num,
        cash_biz_id: str,
        service_type: listOf(serviceTypeBody),
      }),
    ),
  })
  .transform((b) =>
    b.data.map((c) => ({
      deliveryId: c.delivery_id,
      deliveryName: c.delivery_name,
      canUseCash: c.can_use_cash === undefined ? undefined : c.can_use_cash === 1,
      canGetQuota: c.can_get_quota === undefined ? undefined : c.can_get_quota === 1,
      cashBizId: c.cash_biz_id,
      serviceTypes: c.service_type.map(toServiceType),
    })),
  );
export type Carrier = z.output<typeof carriersBody>[number];

export const accountsBody = z
  .object({
    count: num,
    list: listOf(
      z.object({
        biz_id: reqStr,
        delivery_id: reqStr,
        create_time: num,
        update_time: num,
        status_code: num,
        alias: str,
        remark_wrong_msg: str,
        remark_content: str,
        quota_num: num,
        quota_update_time: num,
        service_type: listOf(serviceTypeBody),
      }),
    ),
  })
  .transform((b) =>
    b.list.map((a) => ({
      bizId: a.biz_id,
      deliveryId: a.delivery_id,
      createTime: a.create_time,
      updateTime: a.update_time,
      statusCode: a.status_code,
      alias: a.alias || undefined,
      remarkWrongMsg: a.remark_wrong_msg || undefined,
      remarkContent: a.remark_content || undefined,
      quotaNum: a.quota_num,
      quotaUpdateTime: a.quota_update_time,
      serviceTypes: a.service_type.map(toServiceType),
    })),
  );
export type CarrierAccount = z.output<typeof accountsBody>[number];

export async function getCarriers(wx: AppClient, signal?: AbortSignal): Promise<Carrier[]> {
  const body = await wx.json({ endpoint: EXPRESS.carriers, method: 'GET', retry: 'read', signal });
  return parseBody(EXPRESS.carriers, carriersBody, body);
}

export async function getAccounts(wx: AppClient, signal?: AbortSignal): Promise<CarrierAccount[]> {
  const body = await wx.json({ endpoint: EXPRESS.accounts, method: 'GET', retry: 'read', signal });
  return parseBody(EXPRESS.accounts, accountsBody, body);
}

// ---------------------------------------------------------------------------------------------
// Orders

export interface ExpressContact {
  name: string;
  tel?: string;
  mobile?: string;
  company?: string;
  postCode?: string;
  country?: string;
  province: string;
  city: string;
  area: string;
  address: string;
}

export interface ExpressOrderInput {
  /** 0: an order of this mini program; 2: an order of an app (wxAppid then names it). */
  addSource: 0 | 2;
  wxAppid?: string;
  orderId: string;
  openid?: string;
  deliveryId: string;
  bizId: string;
  customRemark?: string;
  tagid?: number;
  sender: ExpressContact;
  receiver: ExpressContact;
  cargo: { count: number; weight: number; spaceX: number; spaceY: number; spaceZ: number; detailList: { name: string; count: number }[] };
  shop: {
    wxaPath: string;
    imgUrl: string;
    goodsName: string;
    goodsCount: number;
    detailList?: { goodsName: string; goodsImgUrl: string; goodsDesc?: string }[];
  };
  /** Insured value in fen (分). */
  insured: { useInsured: boolean; insuredValue: number };
  service: { serviceType: number; serviceName: string };
  /** Expected pick-up time, unix seconds (required by some couriers, e.g. SF for scheduled pick-up). */
  expectTime?: number;
  takeMode?: number;
}

const contact = (c: ExpressContact) => ({
  name: c.name,
  tel: c.tel,
  mobile: c.mobile,
  company: c.company,
  post_code: c.postCode,
  country: c.country,
  province: c.province,
  city: c.city,
  area: c.area,
  address: c.address,
});

/** The order/add request body, snake_case, exactly as WeChat documents it. */
export function orderAddBody(input: ExpressOrderInput) {
  return {
    add_source: input.addSource,
    wx_appid: input.wxAppid,
    order_id: input.orderId,
    openid: input.openid,
    delivery_id: input.deliveryId,
    biz_id: input.bizId,
    custom_remark: input.customRemark,
    tagid: input.tagid,
    sender: contact(input.sender),
    receiver: contact(input.receiver),
    cargo: {
      count: input.cargo.count,
      weight: input.cargo.weight,
      space_x: input.cargo.spaceX,
      space_y: input.cargo.spaceY,
      space_z: input.cargo.spaceZ,
      detail_list: input.cargo.detailList.map((d) => ({ name: d.name, count: d.count })),
    },
    shop: {
      wxa_path: input.shop.wxaPath,
      img_url: input.shop.imgUrl,
      goods_name: input.shop.goodsName,
      goods_count: input.shop.goodsCount,
      detail_list: input.shop.detailList?.map((d) => ({ goods_name: d.goodsName, goods_img_url: d.goodsImgUrl, goods_desc: d.goodsDesc })),
    },
    insured: { use_insured: input.insured.useInsured ? 1 : 0, insured_value: input.insured.insuredValue },
    service: { service_type: input.service.serviceType, service_name: input.service.serviceName },
    expect_time: input.expectTime,
    take_mode: input.takeMode,
  };
}

const waybillData = listOf(z.object({ key: reqStr, value: reqStr }));

export const orderAddResult = z
  .object({
    order_id: reqStr,
    waybill_id: reqStr,
    waybill_data: waybillData,
    delivery_resultcode: num,
    delivery_resultmsg: str,
  })
  .transform((b) => ({
    orderId: b.order_id,
    waybillId: b.waybill_id,
    waybillData: b.waybill_data,
    deliveryResultCode: b.delivery_resultcode ?? 0,
    deliveryResultMsg: b.delivery_resultmsg,
  }));
export type ExpressOrderCreated = z.output<typeof orderAddResult>;

/** order/add: a send. Never repeated once it may have reached WeChat (`unsent` only). */
export async function addOrder(wx: AppClient, input: ExpressOrderInput, signal?: AbortSignal): Promise<ExpressOrderCreated> {
  const body = await wx.json({ endpoint: EXPRESS.addOrder, method: 'POST', json: orderAddBody(input), retry: 'unsent', signal });
  return parseBody(EXPRESS.addOrder, orderAddResult, body);
}

export interface ExpressOrderRef {
  orderId: string;
  openid?: string;
  deliveryId: string;
  waybillId: string;
}

const refBody = (ref: ExpressOrderRef) => ({ order_id: ref.orderId, openid: ref.openid, delivery_id: ref.deliveryId, waybill_id: ref.waybillId });

export const orderGetResult = z
  .object({
    print_html: str,
    waybill_data: waybillData,
    delivery_id: reqStr,
    waybill_id: reqStr,
    order_id: reqStr,
    order_status: num,
  })
  .transform((b) => ({
    printHtmlBase64: b.print_html,
    waybillData: b.waybill_data,
    deliveryId: b.delivery_id,
    waybillId: b.waybill_id,
    orderId: b.order_id,
    orderStatus: b.order_status,
  }));
export type ExpressOrder = z.output<typeof orderGetResult>;

/** order/get. `printType` 1 = one-part label, 0 (default) = two-part. */
export async function getOrder(wx: AppClient, ref: ExpressOrderRef, printType: 0 | 1, signal?: AbortSignal): Promise<ExpressOrder> {
  const body = await wx.json({ endpoint: EXPRESS.getOrder, method: 'POST', json: { ...refBody(ref), print_type: printType }, retry: 'read', signal });
  return parseBody(EXPRESS.getOrder, orderGetResult, body);
}

export const cancelResult = z
  .object({ delivery_resultcode: num, delivery_resultmsg: str })
  .transform((b) => ({ deliveryResultCode: b.delivery_resultcode ?? 0, deliveryResultMsg: b.delivery_resultmsg || undefined }));

/** order/cancel: repeating a cancel is harmless, but it is a change: only retried when unsent. */
export async function cancelOrder(wx: AppClient, ref: ExpressOrderRef, signal?: AbortSignal) {
  const body = await wx.json({ endpoint: EXPRESS.cancelOrder, method: 'POST', json: refBody(ref), retry: 'unsent', signal });
  return parseBody(EXPRESS.cancelOrder, cancelResult, body);
}

export const pathResult = z
  .object({
    openid: str,
    delivery_id: reqStr,
    waybill_id: reqStr,
    path_item_num: num,
    path_item_list: listOf(z.object({ action_time: int0, action_type: int0, action_msg: reqStr })),
  })
  .transform((b) => ({
    openid: b.openid,
    deliveryId: b.delivery_id,
    waybillId: b.waybill_id,
    actions: b.path_item_list.map((a) => ({ time: a.action_time, type: a.action_type, message: a.action_msg })),
  }));
export type ExpressPath = z.output<typeof pathResult>;

export async function getPath(wx: AppClient, ref: ExpressOrderRef, signal?: AbortSignal): Promise<ExpressPath> {
  const body = await wx.json({ endpoint: EXPRESS.path, method: 'POST', json: refBody(ref), retry: 'read', signal });
  return parseBody(EXPRESS.path, pathResult, body);
}

export const quotaResult = z.object({ quota_num: int0 }).transform((b) => ({ quotaNum: b.quota_num }));

/** quota/get: the remaining electronic waybills of an account (couriers with can_get_quota only). */
export async function getQuota(wx: AppClient, deliveryId: string, bizId: string, signal?: AbortSignal) {
  const body = await wx.json({ endpoint: EXPRESS.quota, method: 'POST', json: { delivery_id: deliveryId, biz_id: bizId }, retry: 'read', signal });
  return parseBody(EXPRESS.quota, quotaResult, body);
}

