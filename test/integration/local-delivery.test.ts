import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { connectEmulatorPush } from '../../src/server/dev.ts';
import {
  AddLocalDeliveryOrderDocument,
  AddLocalDeliveryTipsDocument,
  AddLogisticsOrderDocument,
  CancelLocalDeliveryOrderDocument,
  DeliveryEventsDocument,
  LocalDeliveryCancelFeeDocument,
  LocalDeliveryCarriersDocument,
  LocalDeliveryOrderDocument,
  LocalDeliveryQuoteDocument,
  LocalDeliveryShopsDocument,
  type DeliveryEventsSubscription,
  type LocalDeliveryOrderInput,
} from '../gql/graphql.ts';
import { fixture } from '../helpers/fixtures.ts';
import { recordText, registerSecret } from '../helpers/leak-scan.ts';
import { errorCodes, startStack, type Stack } from '../helpers/stack.ts';

type Event = DeliveryEventsSubscription['wechatEvents'];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let stack: Stack | undefined;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  await stack?.close();
  stack = undefined;
});

const ADD = 'cgi-bin/express/local/business/order/add';
const SHOP = 'test_shop_id';
const BUYER = 'oABCDEF0123456789abcdefXYZ12';

/** The fixture's order (doc example, via SKIT) as GraphQL input. */
function orderInput(shopOrderId: string, overrides: Partial<LocalDeliveryOrderInput> = {}): LocalDeliveryOrderInput {
  const doc = fixture('cgi-bin/express/local/business/order/add.json').request.body;
  const place = (p: Json) => ({ name: p.name, city: p.city, address: p.address, addressDetail: p.address_detail, phone: p.phone, lng: p.lng, lat: p.lat, coordinateType: p.coordinate_type });
  return {
    shopId: SHOP,
    shopOrderId,
    shopNo: doc.shop_no,
    deliveryId: 'SFTC',
    openid: BUYER,
    sender: place(doc.sender),
    receiver: place(doc.receiver),
    cargo: {
      goodsValue: doc.cargo.goods_value,
      goodsWeight: doc.cargo.goods_weight,
      goodsHeight: doc.cargo.goods_height,
      goodsLength: doc.cargo.goods_length,
      goodsWidth: doc.cargo.goods_width,
      cargoFirstClass: doc.cargo.cargo_first_class,
      cargoSecondClass: doc.cargo.cargo_second_class,
      goods: doc.cargo.goods_detail.goods.map((g: Json) => ({ goodCount: g.good_count, goodName: g.good_name, goodPrice: g.good_price, goodUnit: g.good_unit })),
    },
    orderInfo: { note: doc.order_info.note, poiSeq: doc.order_info.poi_seq, isFinishCodeNeeded: true, isPickupCodeNeeded: true },
    shop: { wxaPath: doc.shop.wxa_path, imgUrl: doc.shop.img_url, goodsName: doc.shop.goods_name, goodsCount: doc.shop.goods_count },
    ...overrides,
  };
}

const secretOf = (s: Stack) => s.config.apps.find((a) => a.id === 'miniprogram')!.secret;
const sign = (s: Stack, shopOrderId: string) => createHash('sha1').update(`${SHOP}${shopOrderId}${secretOf(s)}`).digest('hex');

/** WeChat's own test call, made straight to the emulator as a developer would. */
async function emulatorCall(s: Stack, path: string, body: object): Promise<Record<string, unknown>> {
  const app = s.config.apps.find((a) => a.id === 'miniprogram')!;
  const tokenResponse = await fetch(`${s.emulator.url}/cgi-bin/stable_token`, {
    method: 'POST',
    body: JSON.stringify({ grant_type: 'client_credential', appid: app.appid, secret: app.secret }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const response = await fetch(`${s.emulator.url}/${path}?access_token=${encodeURIComponent(token)}`, { method: 'POST', body: JSON.stringify(body) });
  return (await response.json()) as Record<string, unknown>;
}

/** wechatEvents over SSE, filtered to the delivery events. */
async function subscribe(s: Stack) {
  const controller = new AbortController();
  cleanups.push(() => controller.abort());
  const response = await fetch(`${s.instances[0]!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-api-key': s.keys.admin },
    body: JSON.stringify({ query: print(DeliveryEventsDocument) }),
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: Event[] = [];
  const waiting: (() => void)[] = [];
  void (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('\n');
          if (!data) continue;
          recordText(data);
          const parsed = JSON.parse(data) as { data?: { wechatEvents: Event }; errors?: unknown };
          expect(parsed.errors).toBeUndefined();
          if (parsed.data) events.push(parsed.data.wechatEvents);
          waiting.splice(0).forEach((wake) => wake());
        }
      }
    } catch {
      // aborted
    }
  })();
  // The subscription registers a moment after its headers.
  await new Promise((resolve) => setTimeout(resolve, 150));
  return {
    events,
    async next(ms = 5_000): Promise<Event | undefined> {
      const deadline = Date.now() + ms;
      while (!events.length && Date.now() < deadline) await new Promise<void>((resolve) => (waiting.push(resolve), setTimeout(resolve, 50)));
      return events.shift();
    },
  };
}

describe('immediate delivery', () => {
  it('lists couriers and shops, quotes, orders, cancels with the fee, and tips', async () => {
    stack = await startStack();
    const carriers = await stack.request(LocalDeliveryCarriersDocument, {});
    expect(carriers.data?.localDeliveryCarriers.map((c) => c.deliveryId)).toContain('SFTC');
    const shops = await stack.request(LocalDeliveryShopsDocument, {});
    expect(shops.data?.localDeliveryShops).toContainEqual({ deliveryId: 'SFTC', shopId: SHOP, auditResult: 0 });

    const quote = await stack.request(LocalDeliveryQuoteDocument, { input: orderInput('ld-001') });
    expect(quote.errors).toBeUndefined();
    expect(quote.data?.localDeliveryQuote).toMatchObject({ insuranceFee: 0, dispatchDuration: 300, distance: expect.any(Number) });
    expect(quote.data!.localDeliveryQuote.distance!).toBeGreaterThan(30_000); // the fixture's two Beijing points are ~33 km apart

    const added = await stack.request(AddLocalDeliveryOrderDocument, { input: orderInput('ld-001') });
    expect(added.errors).toBeUndefined();
    const order = added.data!.addLocalDeliveryOrder;
    expect(order).toMatchObject({ orderStatus: 101, replayed: false, finishCode: expect.any(Number), pickupCode: expect.any(Number) });
    const ref = { shopId: SHOP, shopOrderId: 'ld-001' };
    const status = await stack.request(LocalDeliveryOrderDocument, { order: ref });
    expect(status.data?.localDeliveryOrder).toMatchObject({ orderStatus: 101, waybillId: order.waybillId });

    const tipped = await stack.request(AddLocalDeliveryTipsDocument, { input: { ...ref, waybillId: order.waybillId!, tips: 3 } });
    expect(tipped.data?.addLocalDeliveryTips.tips).toBe(3);
    // Tips are absolute: a lower total is the courier's refusal.
    const lower = await stack.request(AddLocalDeliveryTipsDocument, { input: { ...ref, waybillId: order.waybillId!, tips: 2 } });
    expect(errorCodes(lower)).toEqual(['CARRIER_REFUSED']);
    expect(lower.errors?.[0]?.extensions).toMatchObject({ resultCode: 1, resultMsg: '小费只能增加' });

    const cancel = { ...ref, deliveryId: 'SFTC', waybillId: order.waybillId!, cancelReasonId: 1 };
    const fee = await stack.request(LocalDeliveryCancelFeeDocument, { input: cancel });
    expect(fee.data?.localDeliveryCancelFee.deductFee).toBe(0);
    const cancelled = await stack.request(CancelLocalDeliveryOrderDocument, { input: cancel });
    expect(cancelled.data?.cancelLocalDeliveryOrder.deductFee).toBe(0);
    expect((await stack.request(LocalDeliveryOrderDocument, { order: ref })).data?.localDeliveryOrder.orderStatus).toBe(401);
  });

  it('is idempotent on shopOrderId, and types resultcode and errcode failures', async () => {
    stack = await startStack();
    const first = await stack.request(AddLocalDeliveryOrderDocument, { input: orderInput('ld-idem') });
    const again = await stack.request(AddLocalDeliveryOrderDocument, { input: orderInput('ld-idem') });
    expect(again.data?.addLocalDeliveryOrder).toEqual({ ...first.data?.addLocalDeliveryOrder, replayed: true });
    expect(stack.emulator.calls()[ADD]).toBe(1);

    // Checked before any call.
    const unnamed = await stack.request(LocalDeliveryQuoteDocument, { input: orderInput('ld-bad', { receiver: { ...orderInput('x').receiver, name: ' ' } }) });
    expect(errorCodes(unnamed)).toEqual(['BAD_USER_INPUT']);
    expect(unnamed.errors?.[0]?.extensions?.field).toBe('input.receiver.name');
    expect(stack.emulator.calls()['cgi-bin/express/local/business/order/pre_add']).toBeUndefined();

    // order/get of an unknown order fails with errcode 930563, not resultcode.
    const missing = await stack.request(LocalDeliveryOrderDocument, { order: { shopId: SHOP, shopOrderId: 'never-added' } });
    expect(errorCodes(missing)).toEqual(['BAD_USER_INPUT']);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ errcode: 930563, endpoint: 'cgi-bin/express/local/business/order/get' });
    const unbound = await stack.request(AddLocalDeliveryOrderDocument, { input: orderInput('ld-unbound', { shopId: 'no_such_shop' }) });
    expect(errorCodes(unbound)).toEqual(['CARRIER_REFUSED']);
  });

  for (const kind of ['busy', 'http5xx', 'reset'] as const) {
    it(`reaches the courier at most once under ${kind} faults`, async () => {
      stack = await startStack({ faults: [{ endpoints: [ADD], kind, times: 3 }] });
      const first = await stack.request(AddLocalDeliveryOrderDocument, { input: orderInput(`ld-${kind}`) });
      expect(errorCodes(first)).toEqual([kind === 'busy' ? 'WECHAT_BUSY' : 'UPSTREAM_OUTCOME_UNKNOWN']);
      const again = await stack.request(AddLocalDeliveryOrderDocument, { input: orderInput(`ld-${kind}`) });
      expect(errorCodes(again)).toEqual(errorCodes(first));
      expect(stack.emulator.calls()[ADD]).toBe(1);
    });
  }
});

describe('delivery pushes', () => {
  it('a status pushed by the emulator reaches a wechatEvents subscriber once, typed', async () => {
    stack = await startStack();
    await connectEmulatorPush(stack.emulator, stack.instances[0]!.url, stack.config.apps);
    const sub = await subscribe(stack);
    const added = await stack.request(AddLocalDeliveryOrderDocument, { input: orderInput('ld-push') });
    const waybillId = added.data!.addLocalDeliveryOrder.waybillId!;
    const answer = await emulatorCall(stack, 'cgi-bin/express/local/business/test_update_order', {
      shopid: SHOP,
      shop_order_id: 'ld-push',
      action_time: 1_700_000_000,
      order_status: 102,
      action_msg: '骑手已接单',
      delivery_sign: sign(stack, 'ld-push'),
    });
    expect(answer).toMatchObject({ resultcode: 0 });
    const event = await sub.next();
    expect(event).toMatchObject({
      __typename: 'WaybillStatusEvent',
      type: 'WAYBILL_STATUS',
      fromUser: BUYER,
      shopId: SHOP,
      shopOrderId: 'ld-push',
      waybillId,
      orderStatus: 102,
      actionTime: new Date(1_700_000_000_000).toISOString(),
      actionMsg: '骑手已接单',
      riderName: expect.stringMatching(/^骑手/),
    });
    expect(await sub.next(500)).toBeUndefined();
    const status = await stack.request(LocalDeliveryOrderDocument, { order: { shopId: SHOP, shopOrderId: 'ld-push' } });
    expect(status.data?.localDeliveryOrder).toMatchObject({ orderStatus: 102, riderName: event!.__typename === 'WaybillStatusEvent' ? event!.riderName : '' });
  });

  it('acknowledges update_waybill_status with resultcode 0 in the push format, not "success"', async () => {
    stack = await startStack();
    await connectEmulatorPush(stack.emulator, stack.instances[0]!.url, stack.config.apps);
    const app = stack.config.apps.find((a) => a.id === 'miniprogram')!;
    const { ToUserName: _to, FromUserName: _from, CreateTime: _at, ...event } = JSON.parse(
      fixture('push/json/miniprogram_immediate_delivery_update_waybill_status.json').body,
    ) as Record<string, unknown>;
    const response = await fetch(`${stack.emulator.url}/__emulator/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appid: app.appid, format: 'json', event }),
    });
    const pushed = (await response.json()) as { delivered: boolean; reply: string | null; replyError?: string };
    expect(pushed).toMatchObject({ delivered: true });
    expect(pushed.replyError).toBeUndefined();
    expect(JSON.parse(pushed.reply ?? 'null')).toMatchObject({ MsgType: 'event', Event: 'update_waybill_status', resultcode: 0, resultmsg: 'ok' });
  });

  it('a logistics track update reaches the subscriber as ExpressPathEvent', async () => {
    stack = await startStack();
    await connectEmulatorPush(stack.emulator, stack.instances[0]!.url, stack.config.apps);
    const sub = await subscribe(stack);
    const base = fixture('cgi-bin/express/business/order/add.json').request.body;
    const contact = (c: Record<string, string>) => ({ name: c.name!, mobile: c.mobile, province: c.province!, city: c.city!, area: c.area!, address: c.address! });
    const added = await stack.request(AddLogisticsOrderDocument, {
      input: {
        orderId: 'express-push',
        addSource: 0,
        openid: BUYER,
        deliveryId: 'TEST',
        bizId: 'test_biz_id',
        sender: contact(base.sender),
        receiver: contact(base.receiver),
        cargo: { count: 1, weight: 1, spaceX: 10, spaceY: 10, spaceZ: 10, detailList: [{ name: '抱枕', count: 1 }] },
        shop: { wxaPath: '/index', imgUrl: base.shop.img_url, goodsName: '抱枕', goodsCount: 1 },
        insured: { useInsured: false, insuredValue: 0 },
        service: { serviceType: 0, serviceName: '标准快递' },
      },
    });
    expect(added.errors).toBeUndefined();
    const waybillId = added.data!.addLogisticsOrder.waybillId;
    for (const [type, msg] of [[100001, '揽件成功'], [200001, '运输中']] as const) {
      const answer = await emulatorCall(stack, 'cgi-bin/express/business/test_update_order', {
        biz_id: 'test_biz_id',
        order_id: 'express-push',
        delivery_id: 'TEST',
        waybill_id: waybillId,
        action_time: 1_700_000_000,
        action_type: type,
        action_msg: msg,
      });
      expect(answer).toEqual({ errcode: 0, errmsg: 'ok' });
    }
    const first = await sub.next();
    const second = await sub.next();
    expect(first).toMatchObject({ __typename: 'ExpressPathEvent', type: 'EXPRESS_PATH', deliveryId: 'TEST', waybillId, orderId: 'express-push', version: 1, count: 1 });
    // Same second, same user and event: kept apart by waybill and version.
    expect(second).toMatchObject({ version: 2, actions: [{ type: 'PICKED_UP', typeCode: 100001 }, { type: 'IN_TRANSIT', typeCode: 200001, message: '运输中' }] });
    expect(second!.id).not.toBe(first!.id);
    expect(await sub.next(500)).toBeUndefined();
  });

  it('never shows the AppSecret or a delivery_sign in a response or a log', async () => {
    stack = await startStack();
    const signs = ['ld-secret', 'ld-secret-2'].map((id) => sign(stack!, id));
    signs.forEach(registerSecret);
    await stack.request(AddLocalDeliveryOrderDocument, { input: orderInput('ld-secret') });
    await stack.request(LocalDeliveryOrderDocument, { order: { shopId: SHOP, shopOrderId: 'ld-secret' } });
    const failed = await stack.request(LocalDeliveryOrderDocument, { order: { shopId: SHOP, shopOrderId: 'ld-secret-2' } });
    expect(errorCodes(failed)).toEqual(['BAD_USER_INPUT']);
    const everything = stack.logs.join('\n') + JSON.stringify(failed);
    for (const secret of [secretOf(stack), ...signs]) expect(everything).not.toContain(secret);
    expect(stack.logs.some((line) => line.includes('cgi-bin/express/local/business/order/get'))).toBe(true);
  });
});
