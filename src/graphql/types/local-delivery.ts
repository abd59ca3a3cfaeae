import type { LocalOrder, LocalOrderCreated, LocalQuote } from '../../wechat/api/local-delivery.ts';
import { builder } from '../builder.ts';
import { appArg } from './refs.ts';

const READ = { apiKey: 'logistics:read' } as const;
const WRITE = { apiKey: 'logistics:write' } as const;
const STATUS =
  'order_status: 101 waiting for a rider, 102 rider accepted, 103 no rider, 201 rider at the shop, 202 picked up, 203/204/205 pick-up failed, 301 delivering, 302 delivered, 303/304/305 delivery failed, 401 cancelled, 501/502 exception.';

const LocalCarrier = builder.objectRef<{ deliveryId: string; deliveryName: string }>('LocalDeliveryCarrier').implement({
  description: `An immediate-delivery courier (delivery/getall).`,
  authScopes: READ,
  fields: (t) => ({
    deliveryId: t.exposeString('deliveryId', { description: 'delivery_id, e.g. SFTC, MTPS, DADA.' }),
    deliveryName: t.exposeString('deliveryName', { description: 'delivery_name.' }),
  }),
});

const LocalShop = builder.objectRef<{ deliveryId: string; shopId: string; auditResult?: number }>('LocalDeliveryShop').implement({
  description: `A shop bound to a courier (shop/get).`,
  authScopes: READ,
  fields: (t) => ({
    deliveryId: t.exposeString('deliveryId', { description: 'delivery_id of the courier.' }),
    shopId: t.exposeString('shopId', { description: 'shopid: your shop id with that courier.' }),
    auditResult: t.int({ nullable: true, description: 'audit_result: 0 approved, 1 in review, 2 refused.', resolve: (s) => s.auditResult ?? null }),
  }),
});

const LocalQuoteType = builder.objectRef<LocalQuote>('LocalDeliveryQuote').implement({
  description: `What an order would cost (order/pre_add); money in yuan.`,
  authScopes: READ,
  fields: (t) => ({
    fee: t.float({ nullable: true, description: 'fee: what you pay.', resolve: (q) => q.fee ?? null }),
    deliveryFee: t.float({ nullable: true, description: 'deliverfee: the delivery fee.', resolve: (q) => q.deliveryFee ?? null }),
    couponFee: t.float({ nullable: true, description: 'couponfee: coupon discount.', resolve: (q) => q.couponFee ?? null }),
    tips: t.float({ nullable: true, description: 'tips.', resolve: (q) => q.tips ?? null }),
    insuranceFee: t.float({ nullable: true, description: 'insurancfee (so spelled in the doc; insurancefee also read).', resolve: (q) => q.insuranceFee ?? null }),
    distance: t.float({ nullable: true, description: 'distance in metres.', resolve: (q) => q.distance ?? null }),
    dispatchDuration: t.int({ nullable: true, description: 'dispatch_duration: seconds to find a rider.', resolve: (q) => q.dispatchDuration ?? null }),
    deliveryToken: t.string({ nullable: true, description: 'delivery_token: pass to addLocalDeliveryOrder (达达; valid 3 minutes).', resolve: (q) => q.deliveryToken ?? null }),
  }),
});

const LocalOrderCreatedType = builder.objectRef<LocalOrderCreated & { replayed: boolean }>('LocalDeliveryOrderCreated').implement({
  description: `An order the courier accepted (order/add); money in yuan.`,
  authScopes: WRITE,
  fields: (t) => ({
    waybillId: t.string({ nullable: true, description: "waybill_id: the courier's order id.", resolve: (o) => o.waybillId ?? null }),
    orderStatus: t.int({ nullable: true, description: STATUS, resolve: (o) => o.orderStatus ?? null }),
    fee: t.float({ nullable: true, description: 'fee.', resolve: (o) => o.fee ?? null }),
    deliveryFee: t.float({ nullable: true, description: 'deliverfee.', resolve: (o) => o.deliveryFee ?? null }),
    couponFee: t.float({ nullable: true, description: 'couponfee.', resolve: (o) => o.couponFee ?? null }),
    tips: t.float({ nullable: true, description: 'tips.', resolve: (o) => o.tips ?? null }),
    insuranceFee: t.float({ nullable: true, description: 'insurancfee / insurancefee.', resolve: (o) => o.insuranceFee ?? null }),
    distance: t.float({ nullable: true, description: 'distance in metres.', resolve: (o) => o.distance ?? null }),
    dispatchDuration: t.int({ nullable: true, description: 'dispatch_duration in seconds.', resolve: (o) => o.dispatchDuration ?? null }),
    finishCode: t.int({ nullable: true, description: 'finish_code: the code the receiver tells the rider.', resolve: (o) => o.finishCode ?? null }),
    pickupCode: t.int({ nullable: true, description: 'pickup_code: the code the rider tells the shop.', resolve: (o) => o.pickupCode ?? null }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this shopOrderId was added before: the first result, without a new call.' }),
  }),
});

const LocalOrderType = builder.objectRef<LocalOrder>('LocalDeliveryOrder').implement({
  description: `An order's status and rider (order/get).`,
  authScopes: READ,
  fields: (t) => ({
    orderStatus: t.int({ nullable: true, description: STATUS, resolve: (o) => o.orderStatus ?? null }),
    waybillId: t.string({ nullable: true, description: 'waybill_id.', resolve: (o) => o.waybillId ?? null }),
    riderName: t.string({ nullable: true, description: 'rider_name.', resolve: (o) => o.riderName ?? null }),
    riderPhone: t.string({ nullable: true, description: 'rider_phone.', resolve: (o) => o.riderPhone ?? null }),
    riderLng: t.float({ nullable: true, description: 'rider_lng: longitude.', resolve: (o) => o.riderLng ?? null }),
    riderLat: t.float({ nullable: true, description: 'rider_lat: latitude.', resolve: (o) => o.riderLat ?? null }),
    reachTime: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'reach_time: expected arrival.',
      resolve: (o) => (o.reachTime ? new Date(o.reachTime * 1000) : null),
    }),
  }),
});

const CancelFee = builder.objectRef<{ deductFee: number; description?: string }>('LocalDeliveryCancelFee').implement({
  description: `What cancelling would cost (order/precancel), in yuan.`,
  authScopes: READ,
  fields: (t) => ({
    deductFee: t.exposeFloat('deductFee', { description: 'deduct_fee: the cancellation charge, yuan.' }),
    description: t.string({ nullable: true, description: 'desc: the courier\'s explanation.', resolve: (c) => c.description ?? null }),
  }),
});

const Cancelled = builder.objectRef<{ deductFee: number; description?: string }>('LocalDeliveryOrderCancelled').implement({
  description: `A cancelled order and what it cost (order/cancel), in yuan.`,
  authScopes: WRITE,
  fields: (t) => ({
    deductFee: t.exposeFloat('deductFee', { description: 'deduct_fee: the cancellation charge, yuan.' }),
    description: t.string({ nullable: true, description: 'desc: the courier\'s explanation.', resolve: (c) => c.description ?? null }),
  }),
});

const TipsResult = builder.objectRef<{ tips: number }>('LocalDeliveryTips').implement({
  description: `Tips now on an order.`,
  authScopes: WRITE,
  fields: (t) => ({ tips: t.exposeFloat('tips', { description: 'The total tip in yuan.' }) }),
});

const PlaceInput = builder.inputType('LocalDeliveryPlaceInput', {
  description: 'Sender (the shop) or receiver.',
  fields: (t) => ({
    name: t.string({ description: 'name.' }),
    city: t.string({ description: 'city, e.g. 北京市.' }),
    address: t.string({ description: 'address (street, building).' }),
    addressDetail: t.string({ description: 'address_detail (floor, room).' }),
    phone: t.string({ description: 'phone.' }),
    lng: t.float({ description: 'lng: longitude.' }),
    lat: t.float({ description: 'lat: latitude.' }),
    coordinateType: t.int({ required: false, description: 'coordinate_type: 0 GCJ-02 (default), 1 Baidu.' }),
  }),
});

const GoodInput = builder.inputType('LocalDeliveryGoodInput', {
  description: 'One product.',
  fields: (t) => ({
    goodCount: t.int({ description: 'good_count.' }),
    goodName: t.string({ description: 'good_name.' }),
    goodPrice: t.float({ required: false, description: 'good_price, yuan.' }),
    goodUnit: t.string({ required: false, description: 'good_unit.' }),
  }),
});

const CargoInput = builder.inputType('LocalDeliveryCargoInput', {
  description: 'What is delivered.',
  fields: (t) => ({
    goodsValue: t.float({ description: 'goods_value in yuan (at most 5000).' }),
    goodsWeight: t.float({ description: 'goods_weight in kg (at most 50).' }),
    goodsHeight: t.float({ required: false, description: 'goods_height, cm.' }),
    goodsLength: t.float({ required: false, description: 'goods_length, cm.' }),
    goodsWidth: t.float({ required: false, description: 'goods_width, cm.' }),
    cargoFirstClass: t.string({ description: 'cargo_first_class, e.g. 美食夜宵.' }),
    cargoSecondClass: t.string({ description: 'cargo_second_class, e.g. 零食小吃.' }),
    goods: t.field({ type: [GoodInput], required: false, description: 'goods_detail.goods.' }),
  }),
});

const OrderInfoInput = builder.inputType('LocalDeliveryOrderInfoInput', {
  description: 'Order details.',
  fields: (t) => ({
    orderTime: t.int({ required: false, description: 'order_time, unix seconds (now by default).' }),
    note: t.string({ required: false, description: 'note for the rider.' }),
    poiSeq: t.string({ required: false, description: 'poi_seq: the shop\'s pickup number.' }),
    orderType: t.int({ required: false, description: 'order_type: 0 now (default), 1 scheduled.' }),
    expectedDeliveryTime: t.int({ required: false, description: 'expected_delivery_time, unix seconds (scheduled orders).' }),
    isInsured: t.boolean({ required: false, description: 'is_insured.' }),
    declaredValue: t.float({ required: false, description: 'declared_value, yuan.' }),
    tips: t.float({ required: false, description: 'tips, yuan.' }),
    isDirectDelivery: t.boolean({ required: false, description: 'is_direct_delivery.' }),
    isFinishCodeNeeded: t.boolean({ required: false, description: 'is_finish_code_needed.' }),
    isPickupCodeNeeded: t.boolean({ required: false, description: 'is_pickup_code_needed.' }),
    deliveryServiceCode: t.string({ required: false, description: 'delivery_service_code.' }),
  }),
});

const ShopCardInput = builder.inputType('LocalDeliveryShopCardInput', {
  description: 'What the buyer sees in WeChat.',
  fields: (t) => ({
    wxaPath: t.string({ description: 'wxa_path.' }),
    imgUrl: t.string({ description: 'img_url (http or https).' }),
    goodsName: t.string({ description: 'goods_name.' }),
    goodsCount: t.int({ description: 'goods_count.' }),
  }),
});

const OrderInput = builder.inputType('LocalDeliveryOrderInput', {
  description: 'An immediate-delivery order (order/pre_add, order/add). Checked before WeChat is called; delivery_sign is added by the gateway.',
  fields: (t) => ({
    shopId: t.string({ description: 'shopid: your shop id with the courier.' }),
    shopOrderId: t.string({ description: 'shop_order_id: your order id. Adding it again returns the first result without a call.' }),
    shopNo: t.string({ required: false, description: 'shop_no: the branch.' }),
    deliveryId: t.string({ description: 'delivery_id of the courier.' }),
    openid: t.string({ description: 'openid of the buyer.' }),
    subBizId: t.string({ required: false, description: 'sub_biz_id.' }),
    deliveryToken: t.string({ required: false, description: 'delivery_token from the quote (达达).' }),
    sender: t.field({ type: PlaceInput, description: 'sender.' }),
    receiver: t.field({ type: PlaceInput, description: 'receiver.' }),
    cargo: t.field({ type: CargoInput, description: 'cargo.' }),
    orderInfo: t.field({ type: OrderInfoInput, description: 'order_info.' }),
    shop: t.field({ type: ShopCardInput, description: 'shop.' }),
  }),
});

const OrderRefInput = builder.inputType('LocalDeliveryOrderRefInput', {
  description: 'Which order.',
  fields: (t) => ({
    shopId: t.string({ description: 'shopid.' }),
    shopOrderId: t.string({ description: 'shop_order_id.' }),
    shopNo: t.string({ required: false, description: 'shop_no.' }),
  }),
});

const CancelInput = builder.inputType('LocalDeliveryCancelInput', {
  description: 'A cancellation.',
  fields: (t) => ({
    shopId: t.string({ description: 'shopid.' }),
    shopOrderId: t.string({ description: 'shop_order_id.' }),
    shopNo: t.string({ required: false, description: 'shop_no.' }),
    deliveryId: t.string({ description: 'delivery_id.' }),
    waybillId: t.string({ description: 'waybill_id.' }),
    cancelReasonId: t.int({ description: 'cancel_reason_id: 1 not needed, 2 price, 3 wrong data, 4 rider late to pick up, 5 rider late to deliver, 6 other.' }),
    cancelReason: t.string({ required: false, description: 'cancel_reason: required with 6.' }),
  }),
});

const TipsInput = builder.inputType('LocalDeliveryTipsInput', {
  description: 'Tips for an order still waiting for a rider.',
  fields: (t) => ({
    shopId: t.string({ description: 'shopid.' }),
    shopOrderId: t.string({ description: 'shop_order_id.' }),
    shopNo: t.string({ required: false, description: 'shop_no.' }),
    waybillId: t.string({ description: 'waybill_id.' }),
    tips: t.float({ description: 'The new TOTAL tip in yuan (WeChat: absolute, not an increment; must grow).' }),
    remark: t.string({ required: false, description: 'remark.' }),
  }),
});

const nulls = <T extends object>(value: T) => JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v === null ? undefined : v))) as never;

builder.queryFields((t) => ({
  localDeliveryCarriers: t.field({
    type: [LocalCarrier],
    description: `Immediate-delivery couriers (delivery/getall).`,
    authScopes: READ,
    args: appArg(),
    resolve: (_r, args, ctx) => ctx.services.localDelivery.carriers(ctx.wechat(args.app, 'miniprogram'), ctx.signal),
  }),
  localDeliveryShops: t.field({
    type: [LocalShop],
    description: `Shops bound to couriers (shop/get).`,
    authScopes: READ,
    args: appArg(),
    resolve: (_r, args, ctx) => ctx.services.localDelivery.shops(ctx.wechat(args.app, 'miniprogram'), ctx.signal),
  }),
  localDeliveryQuote: t.field({
    type: LocalQuoteType,
    description: `What an order would cost (order/pre_add); orders nothing. A courier refusal is CARRIER_REFUSED with resultCode.`,
    authScopes: READ,
    args: { ...appArg(), input: t.arg({ type: OrderInput, description: 'The order.' }) },
    resolve: (_r, args, ctx) => ctx.services.localDelivery.quote(ctx.wechat(args.app, 'miniprogram'), nulls(args.input), ctx.signal),
  }),
  localDeliveryOrder: t.field({
    type: LocalOrderType,
    description: `An order's status and rider (order/get). An unknown order is BAD_USER_INPUT (errcode 930563).`,
    authScopes: READ,
    args: { ...appArg(), order: t.arg({ type: OrderRefInput, description: 'The order.' }) },
    resolve: (_r, args, ctx) => ctx.services.localDelivery.order(ctx.wechat(args.app, 'miniprogram'), nulls(args.order), ctx.signal),
  }),
  localDeliveryCancelFee: t.field({
    type: CancelFee,
    description: `What cancelling would cost (order/precancel); cancels nothing.`,
    authScopes: READ,
    args: { ...appArg(), input: t.arg({ type: CancelInput, description: 'The cancellation.' }) },
    resolve: (_r, args, ctx) => ctx.services.localDelivery.precancel(ctx.wechat(args.app, 'miniprogram'), nulls(args.input), ctx.signal),
  }),
}));

builder.mutationFields((t) => ({
  addLocalDeliveryOrder: t.field({
    type: LocalOrderCreatedType,
    description: `Orders an immediate delivery (order/add). Never repeated once it may have reached WeChat; idempotent on shopId + shopOrderId across all instances. A courier refusal is CARRIER_REFUSED with resultCode.`,
    authScopes: WRITE,
    args: { ...appArg(), input: t.arg({ type: OrderInput, description: 'The order.' }) },
    resolve: (_r, args, ctx) => ctx.services.localDelivery.addOrder(ctx.wechat(args.app, 'miniprogram'), nulls(args.input), ctx.signal),
  }),
  cancelLocalDeliveryOrder: t.field({
    type: Cancelled,
    description: `Cancels an order (order/cancel) and says what it cost.`,
    authScopes: WRITE,
    args: { ...appArg(), input: t.arg({ type: CancelInput, description: 'The cancellation.' }) },
    resolve: (_r, args, ctx) => ctx.services.localDelivery.cancel(ctx.wechat(args.app, 'miniprogram'), nulls(args.input), ctx.signal),
  }),
  addLocalDeliveryTips: t.field({
    type: TipsResult,
    description: `Raises the tip of an order still waiting for a rider (order/addtips).`,
    authScopes: WRITE,
    args: { ...appArg(), input: t.arg({ type: TipsInput, description: 'The tip.' }) },
    resolve: (_r, args, ctx) => ctx.services.localDelivery.addTips(ctx.wechat(args.app, 'miniprogram'), nulls(args.input), ctx.signal),
  }),
}));
