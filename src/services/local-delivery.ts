import { z } from 'zod';
import type { Config } from '../config/index.ts';
import type { Store } from '../store/index.ts';
import type { AppClient } from '../wechat/client.ts';
import {
  addOrder,
  addTips,
  cancelOrder,
  CarrierResultError,
  getCarriers,
  getOrder,
  getShops,
  LOCAL,
  precancelOrder,
  preAddOrder,
  type LocalCancel,
  type LocalOrderInput,
  type LocalOrderRef,
} from '../wechat/api/local-delivery.ts';
import { ServiceError } from './errors.ts';
import { parseOrThrow } from './validate.ts';
import { sendOnce } from './once.ts';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `may be at most ${max} characters`);
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => (v ?? undefined) as z.output<T> | undefined);
const id = z.string().regex(/^[\x21-\x7e]{1,64}$/, 'must be 1 to 64 visible ASCII characters');

const place = z.object({
  name: text(256),
  city: text(64),
  address: text(256),
  addressDetail: text(256),
  phone: z.string().regex(/^[0-9+\- ]{5,20}$/, 'is not a phone number'),
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  coordinateType: optional(z.union([z.literal(0), z.literal(1)])),
});

export const localOrderSchema = z.object({
  shopId: id,
  shopOrderId: id,
  shopNo: optional(id),
  deliveryId: text(32),
  openid: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not an OpenID'),
  subBizId: optional(text(64)),
  deliveryToken: optional(text(256)),
  sender: place,
  receiver: place,
  cargo: z.object({
    goodsValue: z.number().positive('must be above 0 (yuan)').max(5000, 'may be at most 5000 yuan'),
    goodsWeight: z.number().positive('must be above 0 (kg)').max(50, 'may be at most 50 kg'),
    goodsHeight: optional(z.number().positive()),
    goodsLength: optional(z.number().positive()),
    goodsWidth: optional(z.number().positive()),
    cargoFirstClass: text(64),
    cargoSecondClass: text(64),
    goods: optional(z.array(z.object({ goodCount: z.number().int().positive(), goodName: text(128), goodPrice: optional(z.number().min(0)), goodUnit: optional(text(16)) }))),
  }),
  orderInfo: z.object({
    orderTime: optional(z.number().int().positive()),
    note: optional(z.string().max(200)),
    poiSeq: optional(text(64)),
    orderType: optional(z.union([z.literal(0), z.literal(1)])),
    expectedDeliveryTime: optional(z.number().int().positive()),
    isInsured: optional(z.boolean()),
    declaredValue: optional(z.number().min(0)),
    tips: optional(z.number().min(0)),
    isDirectDelivery: optional(z.boolean()),
    isFinishCodeNeeded: optional(z.boolean()),
    isPickupCodeNeeded: optional(z.boolean()),
    deliveryServiceCode: optional(z.string().max(64)),
  }),
  shop: z.object({
    wxaPath: text(512),
    imgUrl: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }),
    goodsName: text(128),
    goodsCount: z.number().int().positive(),
  }),
});

const refSchema = z.object({ shopId: id, shopOrderId: id, shopNo: optional(id) });
const cancelSchema = refSchema
  .extend({ deliveryId: text(32), waybillId: text(64), cancelReasonId: z.number().int().min(1).max(6), cancelReason: optional(z.string().max(256)) })
  .refine((c) => c.cancelReasonId !== 6 || c.cancelReason?.trim(), { message: 'is required with cancelReasonId 6 (other)', path: ['cancelReason'] });
const tipsSchema = refSchema.extend({ waybillId: text(64), tips: z.number().positive('is the new total in yuan, above 0'), remark: optional(z.string().max(256)) });

/** A courier's resultcode becomes CARRIER_REFUSED, with its code and message. */
function courierRefusal(error: unknown): unknown {
  if (!(error instanceof CarrierResultError)) return error;
  return new ServiceError('CARRIER_REFUSED', `The courier refused (resultcode ${error.resultCode}): ${error.resultMsg || 'no message'}`, {
    endpoint: error.endpoint,
    resultCode: error.resultCode,
    resultMsg: error.resultMsg,
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
 * Immediate delivery: quotes, orders (idempotent on shopId + shopOrderId), status, cancellation
 * with its fee, and tips. Every call is signed in the WeChat layer (delivery_sign), so the
 * AppSecret and the sign never reach this service's callers.
 */
export function createLocalDelivery(deps: { store: Store; config: Config }) {
  return {
    carriers: (wx: AppClient, signal?: AbortSignal) => mapped(() => getCarriers(wx, signal)),
    shops: (wx: AppClient, signal?: AbortSignal) => mapped(() => getShops(wx, signal)),
    quote: (wx: AppClient, raw: unknown, signal?: AbortSignal) =>
      mapped(() => preAddOrder(wx, parseOrThrow(localOrderSchema, raw, 'input') as LocalOrderInput, signal)),

    async addOrder(wx: AppClient, raw: unknown, signal?: AbortSignal) {
      const input = parseOrThrow(localOrderSchema, raw, 'input') as LocalOrderInput;
      const { value, replayed } = await sendOnce({
        store: deps.store,
        app: wx.app.id,
        operation: 'immediate-delivery order',
        endpoint: LOCAL.add,
        key: `${input.shopId}:${input.shopOrderId}`,
        keyField: 'shopOrderId',
        // The quote's delivery token changes on every quote; it does not make another order.
        args: { ...input, deliveryToken: undefined },
        deadlineMs: deps.config.requestDeadlineMs,
        signal,
        run: () => addOrder(wx, input, signal),
        mapError: courierRefusal,
      });
      return { ...value, replayed };
    },

    order: (wx: AppClient, ref: LocalOrderRef, signal?: AbortSignal) => mapped(() => getOrder(wx, parseOrThrow(refSchema, ref, 'order'), signal)),
    precancel: (wx: AppClient, raw: LocalCancel, signal?: AbortSignal) =>
      mapped(() => precancelOrder(wx, parseOrThrow(cancelSchema, raw, 'input') as LocalCancel, signal)),
    cancel: (wx: AppClient, raw: LocalCancel, signal?: AbortSignal) => mapped(() => cancelOrder(wx, parseOrThrow(cancelSchema, raw, 'input') as LocalCancel, signal)),
    addTips: (wx: AppClient, raw: LocalOrderRef & { waybillId: string; tips: number; remark?: string }, signal?: AbortSignal) =>
      mapped(() => addTips(wx, parseOrThrow(tipsSchema, raw, 'input'), signal)),
  };
}

export type LocalDeliveryService = ReturnType<typeof createLocalDelivery>;
