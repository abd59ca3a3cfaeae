import type { PushEventOf } from '../../wechat/events.ts';
import { builder } from '../builder.ts';
import { ExpressActionType, toActionType, WeChatEvent } from './refs.ts';

const EVENTS_READ = { apiKey: 'events:read' } as const;
const EVENT = { interfaces: [WeChatEvent], authScopes: EVENTS_READ };

const ExpressPathEventAction = builder.objectRef<PushEventOf<'express_path'>['data']['actions'][number]>('ExpressPathEventAction').implement({
  description: 'One step of a track pushed in add_express_path. API key with events:read.',
  authScopes: EVENTS_READ,
  fields: (t) => ({
    time: t.field({ type: 'DateTime', description: 'ActionTime.', resolve: (a) => new Date(a.time * 1000) }),
    type: t.field({ type: ExpressActionType, description: 'ActionType, named.', resolve: (a) => toActionType(a.type) }),
    typeCode: t.exposeInt('type', { description: 'ActionType exactly as sent.' }),
    message: t.exposeString('message', { description: "ActionMsg: the courier's text." }),
  }),
});

builder.objectRef<PushEventOf<'express_path'>>('ExpressPathEvent').implement({
  ...EVENT,
  description: "A parcel's track grew (logistics assistant, add_express_path): the whole track so far. API key with events:read.",
  fields: (t) => ({
    deliveryId: t.string({ description: 'DeliveryID: the courier.', resolve: (e) => e.data.deliveryId }),
    waybillId: t.string({ description: 'WayBillId: the tracking number.', resolve: (e) => e.data.waybillId }),
    orderId: t.string({ nullable: true, description: 'OrderId: your order id (older pushes lack it).', resolve: (e) => e.data.orderId }),
    version: t.int({ nullable: true, description: 'Version: grows with every update of this track.', resolve: (e) => e.data.version }),
    count: t.int({ nullable: true, description: 'Count: the number of actions.', resolve: (e) => e.data.count }),
    actions: t.field({ type: [ExpressPathEventAction], description: 'Actions, oldest first.', resolve: (e) => e.data.actions }),
  }),
});

builder.objectRef<PushEventOf<'waybill_status'>>('WaybillStatusEvent').implement({
  ...EVENT,
  description:
    'An immediate-delivery order changed status (update_waybill_status). orderStatus uses the codes of localDeliveryOrder (101 waiting for a rider, 102 accepted, 202 picked up, 302 delivered...). API key with events:read.',
  fields: (t) => ({
    shopId: t.string({ description: 'shopid: your shop id with the courier.', resolve: (e) => e.data.shopId }),
    shopOrderId: t.string({ description: 'shop_order_id: your order id.', resolve: (e) => e.data.shopOrderId }),
    waybillId: t.string({ description: "waybill_id: the courier's order id (empty if WeChat sent none).", resolve: (e) => e.data.waybillId ?? '' }),
    shopNo: t.string({ nullable: true, description: 'shop_no: the branch.', resolve: (e) => e.data.shopNo }),
    orderStatus: t.int({ description: 'order_status.', resolve: (e) => e.data.orderStatus }),
    actionTime: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'action_time: when the status changed.',
      resolve: (e) => (e.data.actionTime === null ? null : new Date(e.data.actionTime * 1000)),
    }),
    actionMsg: t.string({ nullable: true, description: 'action_msg: extra text (often empty).', resolve: (e) => e.data.actionMsg }),
    riderName: t.string({ nullable: true, description: 'agent.name: the rider.', resolve: (e) => e.data.riderName }),
    riderPhone: t.string({ nullable: true, description: 'agent.phone: the rider\'s phone.', resolve: (e) => e.data.riderPhone }),
  }),
});
