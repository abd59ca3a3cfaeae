import { z } from 'zod';
import type { Config } from '../config/index.ts';
import type { Store } from '../store/index.ts';
import type { AppClient } from '../wechat/client.ts';
import { WeChatApiError } from '../wechat/errors.ts';
import {
  addOrder,
  cancelOrder,
  DELIVERY_LOGIC_FAIL,
  EXPRESS,
  getAccounts,
  getCarriers,
  getOrder,
  getPath,
  getQuota,
  type ExpressOrderCreated,
  type ExpressOrderInput,
  type ExpressOrderRef,
} from '../wechat/api/logistics.ts';
import { ServiceError } from './errors.ts';
import { sendOnce } from './once.ts';
import { parseOrThrow } from './validate.ts';

const bytes = (max: number) => (value: string) => Buffer.byteLength(value, 'utf8') <= max;
/** A text field with WeChat's documented limit in UTF-8 BYTES (a Chinese character is 3). */
const text = (max: number) => z.string().trim().min(1, 'must not be empty').refine(bytes(max), `may be at most ${max} bytes (UTF-8; a Chinese character counts 3)`);
const optionalText = (max: number) => z.string().refine(bytes(max), `may be at most ${max} bytes (UTF-8; a Chinese character counts 3)`).nullish().transform((v) => v || undefined);
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });

// Limits of the order/add doc table (logistics assistant, 生成运单).
const contact = z
  .object({
    name: text(64),
    tel: optionalText(32),
    mobile: optionalText(32),
    company: optionalText(64),
    postCode: optionalText(10),
    country: optionalText(64),
    province: text(64),
    city: text(64),
    area: text(64),
    address: text(512),
  })
  .refine((c) => c.tel || c.mobile, { message: 'needs tel or mobile (WeChat requires one of them)', path: ['mobile'] });

const positiveInt = z.number().int().min(1);

export const orderInputSchema = z
  .object({
    orderId: z.string().min(1, 'must not be empty').refine(bytes(512), 'may be at most 512 bytes').refine((v) => /^[\x21-\x7e]+$/.test(v), 'must be visible ASCII'),
    addSource: z.union([z.literal(0), z.literal(2)]),
    wxAppid: z.string().regex(/^wx[0-9a-f]{16}$/i, 'is not an AppID').nullish().transform((v) => v ?? undefined),
    openid: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not an OpenID').nullish().transform((v) => v ?? undefined),
    deliveryId: text(32),
    bizId: text(64),
    customRemark: optionalText(1024),
    tagid: z.number().int().min(0).nullish().transform((v) => v ?? undefined),
    sender: contact,
    receiver: contact,
    cargo: z.object({
      count: positiveInt.max(99_999),
      weight: z.number().positive('must be above 0 (kg)'),
      spaceX: z.number().positive('must be above 0 (cm)'),
      spaceY: z.number().positive('must be above 0 (cm)'),
      spaceZ: z.number().positive('must be above 0 (cm)'),
      detailList: z.array(z.object({ name: text(128), count: positiveInt })).min(1, 'needs at least one item'),
    }),
    shop: z.object({
      wxaPath: text(512),
      imgUrl: httpUrl.refine(bytes(512), 'may be at most 512 bytes'),
      goodsName: text(128),
      goodsCount: positiveInt,
      detailList: z
        .array(z.object({ goodsName: text(128), goodsImgUrl: httpUrl, goodsDesc: optionalText(128) }))
        .nullish()
        .transform((v) => v ?? undefined),
    }),
    insured: z.object({ useInsured: z.boolean(), insuredValue: z.number().int().min(0, 'is in fen and cannot be negative') }),
    service: z.object({ serviceType: z.number().int().min(0), serviceName: text(64) }),
    expectTime: z.number().int().positive().nullish().transform((v) => v ?? undefined),
    takeMode: z.number().int().min(0).nullish().transform((v) => v ?? undefined),
  })
  .refine((o) => o.addSource !== 2 || o.wxAppid, { message: 'is required when addSource is 2 (an app order)', path: ['wxAppid'] })
  .refine((o) => o.addSource !== 0 || o.openid, { message: 'is required for a mini-program order (addSource 0): the buyer', path: ['openid'] })
  .refine((o) => !o.insured.useInsured || o.insured.insuredValue > 0, { message: 'must be above 0 when useInsured is true', path: ['insured', 'insuredValue'] });

const refSchema = z.object({
  orderId: z.string().min(1).refine(bytes(512), 'may be at most 512 bytes'),
  openid: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not an OpenID').nullish().transform((v) => v ?? undefined),
  deliveryId: text(32),
  waybillId: text(64),
});

/** 9300501 is WeChat's wrapper; the courier's own code and message are in the body. */
function courierRefusal(error: unknown): unknown {
  if (!(error instanceof WeChatApiError) || error.errcode !== DELIVERY_LOGIC_FAIL) return error;
  const code = error.details.delivery_resultcode;
  const message = typeof error.details.delivery_resultmsg === 'string' ? error.details.delivery_resultmsg : '';
  return new ServiceError('CARRIER_REFUSED', `The courier refused (delivery_resultcode ${String(code ?? '?')}): ${message || 'no message'}`, {
    endpoint: error.endpoint,
    errcode: error.errcode,
    deliveryResultCode: typeof code === 'number' ? code : Number(code ?? 0),
    deliveryResultMsg: message,
  });
}

const mapped = async <T>(run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    throw courierRefusal(error);
  }
};

/**
 * Logistics assistant: carriers, accounts, and orders. Adding an order is a send: checked in full
 * (required fields, byte limits) before WeChat is called, never repeated once it may have gone
 * out, and idempotent on the caller's orderId across all instances.
 */
export function createLogistics(deps: { store: Store; config: Config }) {
  return {
    carriers: (wx: AppClient, signal?: AbortSignal) => getCarriers(wx, signal),
    accounts: (wx: AppClient, signal?: AbortSignal) => getAccounts(wx, signal),

    async addOrder(wx: AppClient, raw: unknown, signal?: AbortSignal): Promise<ExpressOrderCreated & { replayed: boolean }> {
      const input = parseOrThrow(orderInputSchema, raw, 'input') as ExpressOrderInput;
      const { value, replayed } = await sendOnce({
        store: deps.store,
        app: wx.app.id,
        operation: 'logistics order',
        endpoint: EXPRESS.addOrder,
        key: input.orderId,
        keyField: 'orderId',
        args: input,
        deadlineMs: deps.config.requestDeadlineMs,
        signal,
        run: () => addOrder(wx, input, signal),
        mapError: courierRefusal,
      });
      return { ...value, replayed };
    },

    order: (wx: AppClient, ref: ExpressOrderRef, printType: 0 | 1, signal?: AbortSignal) =>
      mapped(() => getOrder(wx, parseOrThrow(refSchema, ref, 'order'), printType, signal)),
    cancelOrder: (wx: AppClient, ref: ExpressOrderRef, signal?: AbortSignal) => mapped(() => cancelOrder(wx, parseOrThrow(refSchema, ref, 'order'), signal)),
    path: (wx: AppClient, ref: ExpressOrderRef, signal?: AbortSignal) => mapped(() => getPath(wx, parseOrThrow(refSchema, ref, 'order'), signal)),
    quota: (wx: AppClient, deliveryId: string, bizId: string, signal?: AbortSignal) => {
      const parsed = parseOrThrow(z.object({ deliveryId: text(32), bizId: text(64) }), { deliveryId, bizId }, 'account');
      return mapped(() => getQuota(wx, parsed.deliveryId, parsed.bizId, signal));
    },
  };
}

export type LogisticsService = ReturnType<typeof createLogistics>;
