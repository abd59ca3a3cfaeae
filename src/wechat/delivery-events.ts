/**
 * Push events of the mini-program delivery family, merged into `events.ts`:
 * - `add_express_path` (logistics assistant): a parcel's track grew. Mixed-case keys
 *   (DeliveryID with upper ID, WayBillId and OrderId with lower d); repeated <Actions> in XML,
 *   an array in JSON; numbers in JSON, strings in XML (fixtures push/*\/miniprogram_express_add_express_path.json).
 * - `update_waybill_status` (immediate delivery): PascalCase header, snake_case body
 *   (fixture push/json/miniprogram_immediate_delivery_update_waybill_status.json).
 */
import { z } from 'zod';
import { listOf } from './parse.ts';

const str = z
  .unknown()
  .optional()
  .transform((value) => (['string', 'number', 'bigint'].includes(typeof value) ? String(value) : null));
const int = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === 'number' || (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) ? Number(value) : null));

export const DELIVERY_EVENT_DATA = {
  express_path: z
    .object({
      DeliveryID: str,
      WayBillId: str,
      OrderId: str,
      Version: int,
      Count: int,
      Actions: listOf(z.object({ ActionTime: int, ActionType: int, ActionMsg: str })),
    })
    .transform((f) => ({
      deliveryId: f.DeliveryID ?? '',
      waybillId: f.WayBillId ?? '',
      orderId: f.OrderId,
      version: f.Version,
      count: f.Count,
      actions: f.Actions.map((a) => ({ time: a.ActionTime ?? 0, type: a.ActionType ?? 0, message: a.ActionMsg ?? '' })),
    })),
  waybill_status: z
    .object({
      shopid: str,
      shop_order_id: str,
      waybill_id: str,
      action_time: int,
      order_status: int,
      action_msg: str,
      shop_no: str,
      agent: z.object({ name: str, phone: str }).nullish().catch(null),
    })
    .transform((f) => ({
      shopId: f.shopid ?? '',
      shopOrderId: f.shop_order_id ?? '',
      waybillId: f.waybill_id,
      actionTime: f.action_time,
      orderStatus: f.order_status ?? 0,
      actionMsg: f.action_msg || null,
      shopNo: f.shop_no,
      riderName: f.agent?.name ?? null,
      riderPhone: f.agent?.phone ?? null,
    })),
} satisfies Record<string, z.ZodType>;

/** Event name (lower-cased) → kind. */
export const DELIVERY_EVENT_TYPES = {
  add_express_path: 'express_path',
  update_waybill_status: 'waybill_status',
} as const;

/**
 * Two track updates of one parcel can share FromUserName + CreateTime + Event: the waybill and
 * its version (or status) keep them apart in the dedupe key.
 */
export function deliveryDedupeParts(fields: Record<string, unknown>): string[] {
  const waybill = fields.WayBillId ?? fields.waybill_id;
  if (waybill === undefined || waybill === null) return [];
  return [String(waybill), String(fields.Version ?? fields.order_status ?? '')];
}
