import type { Carrier, CarrierAccount, ExpressOrder, ExpressOrderCreated, ExpressPath } from '../../wechat/api/logistics.ts';
import { builder } from '../builder.ts';
import { appArg, ExpressActionType, toActionType } from './refs.ts';

const READ = { apiKey: 'logistics:read' } as const;
const WRITE = { apiKey: 'logistics:write' } as const;

export interface TrackAction {
  time: number;
  type: number;
  message: string;
}

export const ExpressTrackAction = builder.objectRef<TrackAction>('ExpressTrackAction').implement({
  description: `One step of a parcel's track.`,
  authScopes: READ,
  fields: (t) => ({
    time: t.field({ type: 'DateTime', description: 'action_time.', resolve: (a) => new Date(a.time * 1000) }),
    type: t.field({ type: ExpressActionType, description: 'action_type, named.', resolve: (a) => toActionType(a.type) }),
    typeCode: t.exposeInt('type', { description: 'action_type exactly as WeChat sent it.' }),
    message: t.exposeString('message', { description: 'action_msg: the courier\'s text.' }),
  }),
});

const ServiceType = builder.objectRef<{ serviceType: number; serviceName: string }>('ExpressServiceType').implement({
  description: `A service a courier offers (standard, express...).`,
  authScopes: READ,
  fields: (t) => ({
    serviceType: t.exposeInt('serviceType', { description: 'service_type id, sent back in an order.' }),
    serviceName: t.exposeString('serviceName', { description: 'service_name.' }),
  }),
});

const LogisticsCarrier = builder.objectRef<Carrier>('LogisticsCarrier').implement({
  description: `A courier the logistics assistant supports (delivery/getall).`,
  authScopes: READ,
  fields: (t) => ({
    deliveryId: t.exposeString('deliveryId', { description: 'delivery_id, e.g. SF, YTO, ZTO.' }),
    deliveryName: t.exposeString('deliveryName', { description: 'delivery_name.' }),
    canUseCash: t.boolean({ nullable: true, description: 'can_use_cash: whether it can bill cash on delivery accounts.', resolve: (c) => c.canUseCash ?? null }),
    canGetQuota: t.boolean({ nullable: true, description: 'can_get_quota: whether logisticsQuota works for it.', resolve: (c) => c.canGetQuota ?? null }),
    cashBizId: t.string({ nullable: true, description: 'cash_biz_id: the account id for cash payment.', resolve: (c) => c.cashBizId ?? null }),
    serviceTypes: t.expose('serviceTypes', { type: [ServiceType], description: 'service_type list.' }),
  }),
});

const time = (seconds: number | undefined) => (seconds === undefined ? null : new Date(seconds * 1000));

const LogisticsAccount = builder.objectRef<CarrierAccount>('LogisticsAccount').implement({
  description: `A courier account bound to the app (account/getall).`,
  authScopes: READ,
  fields: (t) => ({
    bizId: t.exposeString('bizId', { description: 'biz_id: the account with the courier, used in orders.' }),
    deliveryId: t.exposeString('deliveryId', { description: 'delivery_id of the courier.' }),
    createTime: t.field({ type: 'DateTime', nullable: true, description: 'create_time.', resolve: (a) => time(a.createTime) }),
    updateTime: t.field({ type: 'DateTime', nullable: true, description: 'update_time.', resolve: (a) => time(a.updateTime) }),
    statusCode: t.int({ nullable: true, description: 'status_code: the binding state (0 = bound).', resolve: (a) => a.statusCode ?? null }),
    alias: t.string({ nullable: true, description: 'alias of the account.', resolve: (a) => a.alias ?? null }),
    remarkWrongMsg: t.string({ nullable: true, description: 'remark_wrong_msg: why a review failed (EMS).', resolve: (a) => a.remarkWrongMsg ?? null }),
    remarkContent: t.string({ nullable: true, description: 'remark_content sent with the binding.', resolve: (a) => a.remarkContent ?? null }),
    quotaNum: t.int({ nullable: true, description: 'quota_num: waybills left.', resolve: (a) => a.quotaNum ?? null }),
    quotaUpdateTime: t.field({ type: 'DateTime', nullable: true, description: 'quota_update_time.', resolve: (a) => time(a.quotaUpdateTime) }),
    serviceTypes: t.expose('serviceTypes', { type: [ServiceType], description: 'service_type list of the account.' }),
  }),
});

const WaybillEntry = builder.objectRef<{ key: string; value: string }>('WaybillEntry').implement({
  description: `A courier-specific waybill field (waybill_data), e.g. SF_bagAddr.`,
  authScopes: READ,
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The courier-specific key.' }),
    value: t.exposeString('value', { description: 'Its value, free text.' }),
  }),
});

const LogisticsOrderCreated = builder.objectRef<ExpressOrderCreated & { replayed: boolean }>('LogisticsOrderCreated').implement({
  description: 'An order the courier accepted (order/add). API key with logistics:write.',
  authScopes: WRITE,
  fields: (t) => ({
    orderId: t.exposeString('orderId', { description: 'order_id: your order id.' }),
    waybillId: t.exposeString('waybillId', { description: 'waybill_id: the tracking number.' }),
    waybillData: t.expose('waybillData', { type: [WaybillEntry], description: 'waybill_data: what to print on the label.' }),
    deliveryResultCode: t.exposeInt('deliveryResultCode', { description: 'delivery_resultcode: the courier\'s code (0 = accepted).' }),
    deliveryResultMsg: t.string({ nullable: true, description: 'delivery_resultmsg.', resolve: (o) => o.deliveryResultMsg ?? null }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this orderId was added before: this is the first result, and WeChat was not called again.' }),
  }),
});

const LogisticsOrder = builder.objectRef<ExpressOrder>('LogisticsOrder').implement({
  description: `An order with its waybill label (order/get).`,
  authScopes: READ,
  fields: (t) => ({
    orderId: t.exposeString('orderId', { description: 'order_id.' }),
    waybillId: t.exposeString('waybillId', { description: 'waybill_id.' }),
    deliveryId: t.exposeString('deliveryId', { description: 'delivery_id.' }),
    cancelled: t.boolean({ nullable: true, description: 'order_status: false = normal (0), true = cancelled (1).', resolve: (o) => (o.orderStatus === undefined ? null : o.orderStatus === 1) }),
    orderStatus: t.int({ nullable: true, description: 'order_status exactly as sent.', resolve: (o) => o.orderStatus ?? null }),
    printHtmlBase64: t.string({ nullable: true, description: 'print_html as WeChat sends it: the label HTML in base64.', resolve: (o) => o.printHtmlBase64 ?? null }),
    printHtml: t.string({
      nullable: true,
      description: 'The label HTML, decoded from print_html, ready to print.',
      resolve: (o) => (o.printHtmlBase64 ? Buffer.from(o.printHtmlBase64, 'base64').toString('utf8') : null),
    }),
    waybillData: t.expose('waybillData', { type: [WaybillEntry], description: 'waybill_data.' }),
  }),
});

const LogisticsOrderCancelled = builder
  .objectRef<{ deliveryResultCode: number; deliveryResultMsg?: string }>('LogisticsOrderCancelled')
  .implement({
    description: 'The courier accepted a cancellation (order/cancel). API key with logistics:write.',
    authScopes: WRITE,
    fields: (t) => ({
      deliveryResultCode: t.exposeInt('deliveryResultCode', { description: 'delivery_resultcode (0 = cancelled).' }),
      deliveryResultMsg: t.string({ nullable: true, description: 'delivery_resultmsg (empty on success).', resolve: (o) => o.deliveryResultMsg ?? null }),
    }),
  });

const LogisticsPath = builder.objectRef<ExpressPath>('LogisticsPath').implement({
  description: `The track of a parcel (path/get).`,
  authScopes: READ,
  fields: (t) => ({
    openid: t.string({ nullable: true, description: 'openid of the buyer.', resolve: (p) => p.openid ?? null }),
    deliveryId: t.exposeString('deliveryId', { description: 'delivery_id.' }),
    waybillId: t.exposeString('waybillId', { description: 'waybill_id.' }),
    actions: t.expose('actions', { type: [ExpressTrackAction], description: 'path_item_list, oldest first.' }),
  }),
});

const LogisticsQuota = builder.objectRef<{ quotaNum: number }>('LogisticsQuota').implement({
  description: `Waybills left on a courier account (quota/get).`,
  authScopes: READ,
  fields: (t) => ({ remaining: t.exposeInt('quotaNum', { description: 'quota_num.' }) }),
});

// ---------------------------------------------------------------------------------------------
// Inputs

const ContactInput = builder.inputType('LogisticsContactInput', {
  description: 'Sender or receiver. Limits are UTF-8 bytes (a Chinese character counts 3).',
  fields: (t) => ({
    name: t.string({ description: 'name, at most 64 bytes.' }),
    tel: t.string({ required: false, description: 'tel (landline), at most 32 bytes; tel or mobile is required.' }),
    mobile: t.string({ required: false, description: 'mobile, at most 32 bytes; tel or mobile is required.' }),
    company: t.string({ required: false, description: 'company, at most 64 bytes.' }),
    postCode: t.string({ required: false, description: 'post_code, at most 10 bytes.' }),
    country: t.string({ required: false, description: 'country, at most 64 bytes.' }),
    province: t.string({ description: 'province, at most 64 bytes.' }),
    city: t.string({ description: 'city, at most 64 bytes.' }),
    area: t.string({ description: 'area (district), at most 64 bytes.' }),
    address: t.string({ description: 'address (street and number), at most 512 bytes.' }),
  }),
});

const CargoItemInput = builder.inputType('LogisticsCargoItemInput', {
  description: 'One kind of goods in the parcel.',
  fields: (t) => ({ name: t.string({ description: 'name, at most 128 bytes.' }), count: t.int({ description: 'count, at least 1.' }) }),
});

const CargoInput = builder.inputType('LogisticsCargoInput', {
  description: 'The parcel.',
  fields: (t) => ({
    count: t.int({ description: 'count: number of packages.' }),
    weight: t.float({ description: 'weight in kg.' }),
    spaceX: t.float({ description: 'space_x: length in cm.' }),
    spaceY: t.float({ description: 'space_y: width in cm.' }),
    spaceZ: t.float({ description: 'space_z: height in cm.' }),
    detailList: t.field({ type: [CargoItemInput], description: 'detail_list: at least one item.' }),
  }),
});

const ShopItemInput = builder.inputType('LogisticsShopItemInput', {
  description: 'A product shown on the buyer\'s tracking page.',
  fields: (t) => ({
    goodsName: t.string({ description: 'goods_name, at most 128 bytes.' }),
    goodsImgUrl: t.string({ description: 'goods_img_url (http or https).' }),
    goodsDesc: t.string({ required: false, description: 'goods_desc, at most 128 bytes.' }),
  }),
});

const ShopInput = builder.inputType('LogisticsShopInput', {
  description: 'What the buyer sees on the tracking page in WeChat.',
  fields: (t) => ({
    wxaPath: t.string({ description: 'wxa_path: the mini-program page of the order.' }),
    imgUrl: t.string({ description: 'img_url: a product image (http or https).' }),
    goodsName: t.string({ description: 'goods_name, at most 128 bytes.' }),
    goodsCount: t.int({ description: 'goods_count.' }),
    detailList: t.field({ type: [ShopItemInput], required: false, description: 'detail_list: the products, for several.' }),
  }),
});

const InsuredInput = builder.inputType('LogisticsInsuredInput', {
  description: 'Insurance.',
  fields: (t) => ({
    useInsured: t.boolean({ description: 'use_insured.' }),
    insuredValue: t.int({ description: 'insured_value in fen (分), above 0 when insured.' }),
  }),
});

const ServiceInput = builder.inputType('LogisticsServiceInput', {
  description: 'The courier service (from logisticsCarriers / logisticsAccounts).',
  fields: (t) => ({ serviceType: t.int({ description: 'service_type id.' }), serviceName: t.string({ description: 'service_name.' }) }),
});

const OrderInput = builder.inputType('LogisticsOrderInput', {
  description: 'A parcel to ship through the logistics assistant (order/add). Every field is checked before WeChat is called.',
  fields: (t) => ({
    orderId: t.string({ description: 'order_id: your unique order id, at most 512 bytes. Adding the same orderId again returns the first result without calling WeChat.' }),
    addSource: t.int({ description: 'add_source: 0 = an order of this mini program (openid required), 2 = an app order (wxAppid required).' }),
    wxAppid: t.string({ required: false, description: 'wx_appid: the app the order belongs to, with addSource 2.' }),
    openid: t.string({ required: false, description: 'openid of the buyer, with addSource 0.' }),
    deliveryId: t.string({ description: 'delivery_id of the courier.' }),
    bizId: t.string({ description: 'biz_id: your account with the courier.' }),
    customRemark: t.string({ required: false, description: 'custom_remark printed on the label, at most 1024 bytes.' }),
    tagid: t.int({ required: false, description: 'tagid: your own order tag.' }),
    sender: t.field({ type: ContactInput, description: 'sender.' }),
    receiver: t.field({ type: ContactInput, description: 'receiver.' }),
    cargo: t.field({ type: CargoInput, description: 'cargo.' }),
    shop: t.field({ type: ShopInput, description: 'shop: the tracking-page card.' }),
    insured: t.field({ type: InsuredInput, description: 'insured.' }),
    service: t.field({ type: ServiceInput, description: 'service.' }),
    expectTime: t.int({ required: false, description: 'expect_time: expected pick-up, unix seconds. Some couriers require it (SF scheduled pick-up); they refuse the order without it.' }),
    takeMode: t.int({ required: false, description: 'take_mode: 0 = the courier picks up (default), 1 = dropped at a point.' }),
  }),
});

const OrderRefInput = builder.inputType('LogisticsOrderRefInput', {
  description: 'Which order.',
  fields: (t) => ({
    orderId: t.string({ description: 'order_id.' }),
    openid: t.string({ required: false, description: 'openid of the buyer.' }),
    deliveryId: t.string({ description: 'delivery_id.' }),
    waybillId: t.string({ description: 'waybill_id.' }),
  }),
});

const WaybillPrintType = builder.enumType('WaybillPrintType', {
  description: 'Label layout of order/get (print_type).',
  values: { TWO_PART: { value: 0, description: 'Two-part label (default).' }, ONE_PART: { value: 1, description: 'One-part label.' } } as const,
});

const ref = (order: { orderId: string; openid?: string | null; deliveryId: string; waybillId: string }) => ({ ...order, openid: order.openid ?? undefined });

builder.queryFields((t) => ({
  logisticsCarriers: t.field({
    type: [LogisticsCarrier],
    description: `Couriers the logistics assistant supports (delivery/getall).`,
    authScopes: READ,
    args: appArg(),
    resolve: (_root, args, ctx) => ctx.services.logistics.carriers(ctx.wechat(args.app, 'miniprogram'), ctx.signal),
  }),
  logisticsAccounts: t.field({
    type: [LogisticsAccount],
    description: `Courier accounts bound to the app (account/getall).`,
    authScopes: READ,
    args: appArg(),
    resolve: (_root, args, ctx) => ctx.services.logistics.accounts(ctx.wechat(args.app, 'miniprogram'), ctx.signal),
  }),
  logisticsOrder: t.field({
    type: LogisticsOrder,
    description: `An order and its printable waybill label (order/get).`,
    authScopes: READ,
    args: {
      ...appArg(),
      order: t.arg({ type: OrderRefInput, description: 'The order.' }),
      printType: t.arg({ type: WaybillPrintType, required: false, description: 'Label layout; TWO_PART by default.' }),
    },
    resolve: (_root, args, ctx) =>
      ctx.services.logistics.order(ctx.wechat(args.app, 'miniprogram'), ref(args.order), (args.printType ?? 0) as 0 | 1, ctx.signal),
  }),
  logisticsPath: t.field({
    type: LogisticsPath,
    description: `The track of a parcel (path/get).`,
    authScopes: READ,
    args: { ...appArg(), order: t.arg({ type: OrderRefInput, description: 'The order.' }) },
    resolve: (_root, args, ctx) => ctx.services.logistics.path(ctx.wechat(args.app, 'miniprogram'), ref(args.order), ctx.signal),
  }),
  logisticsQuota: t.field({
    type: LogisticsQuota,
    description: `Waybills left on a courier account (quota/get; couriers with canGetQuota only).`,
    authScopes: READ,
    args: { ...appArg(), deliveryId: t.arg.string({ description: 'delivery_id.' }), bizId: t.arg.string({ description: 'biz_id.' }) },
    resolve: (_root, args, ctx) => ctx.services.logistics.quota(ctx.wechat(args.app, 'miniprogram'), args.deliveryId, args.bizId, ctx.signal),
  }),
}));

builder.mutationFields((t) => ({
  addLogisticsOrder: t.field({
    type: LogisticsOrderCreated,
    description:
      'Ships a parcel through the logistics assistant (order/add). Checked in full before WeChat is called; never repeated once it may have reached WeChat; idempotent on orderId across all instances (a repeat returns the first result, or its error, without a call). A courier refusal is CARRIER_REFUSED with deliveryResultCode. API key with logistics:write.',
    authScopes: WRITE,
    args: { ...appArg(), input: t.arg({ type: OrderInput, description: 'The order.' }) },
    resolve: (_root, args, ctx) => ctx.services.logistics.addOrder(ctx.wechat(args.app, 'miniprogram'), args.input, ctx.signal),
  }),
  cancelLogisticsOrder: t.field({
    type: LogisticsOrderCancelled,
    description: 'Cancels an order (order/cancel). API key with logistics:write.',
    authScopes: WRITE,
    args: { ...appArg(), order: t.arg({ type: OrderRefInput, description: 'The order.' }) },
    resolve: (_root, args, ctx) => ctx.services.logistics.cancelOrder(ctx.wechat(args.app, 'miniprogram'), ref(args.order), ctx.signal),
  }),
}));
