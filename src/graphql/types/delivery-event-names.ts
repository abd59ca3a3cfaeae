/**
 * Names of the delivery-family push events, spread into `WeChatEventType` and the type map in
 * `events.ts` (kept apart so that module's other additions do not collide with these).
 */
export const DELIVERY_EVENT_ENUM_VALUES = {
  EXPRESS_PATH: {
    value: 'express_path',
    description: "A parcel's track grew (logistics assistant, Event `add_express_path`).",
  },
  WAYBILL_STATUS: {
    value: 'waybill_status',
    description: 'An immediate-delivery order changed status (Event `update_waybill_status`).',
  },
} as const;

export const DELIVERY_EVENT_TYPE_NAMES = {
  express_path: 'ExpressPathEvent',
  waybill_status: 'WaybillStatusEvent',
} as const;
