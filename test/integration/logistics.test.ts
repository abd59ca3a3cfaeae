import { afterEach, describe, expect, it } from 'vitest';
import {
  AddLogisticsOrderDocument,
  CancelLogisticsOrderDocument,
  LogisticsAccountsDocument,
  LogisticsCarriersDocument,
  LogisticsOrderDocument,
  LogisticsPathDocument,
  LogisticsQuotaDocument,
  type LogisticsOrderInput,
} from '../gql/graphql.ts';
import { fixture } from '../helpers/fixtures.ts';
import { errorCodes, startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const ADD = 'cgi-bin/express/business/order/add';
const BUYER = 'oABCDEF0123456789abcdefXYZ12';

/** The fixture's request (SKIT's valid-JSON copy of the doc), as GraphQL input. */
function orderInput(orderId: string, overrides: Partial<LogisticsOrderInput> = {}): LogisticsOrderInput {
  const doc = fixture('cgi-bin/express/business/order/add.json').request.body;
  const contact = (c: Record<string, string>) => ({
    name: c.name!,
    tel: c.tel,
    mobile: c.mobile,
    company: c.company,
    postCode: c.post_code,
    country: c.country,
    province: c.province!,
    city: c.city!,
    area: c.area!,
    address: c.address!,
  });
  return {
    orderId,
    addSource: 0,
    openid: BUYER,
    deliveryId: 'YTO',
    bizId: 'xyz',
    customRemark: doc.custom_remark,
    sender: contact(doc.sender),
    receiver: contact(doc.receiver),
    cargo: {
      count: doc.cargo.count,
      weight: doc.cargo.weight,
      spaceX: doc.cargo.space_x,
      spaceY: doc.cargo.space_y,
      spaceZ: doc.cargo.space_z,
      detailList: doc.cargo.detail_list,
    },
    shop: {
      wxaPath: doc.shop.wxa_path,
      imgUrl: doc.shop.img_url,
      goodsName: doc.shop.goods_name,
      goodsCount: doc.shop.goods_count,
      detailList: doc.shop.detail_list.map((d: Record<string, string>) => ({ goodsName: d.goods_name, goodsImgUrl: d.goods_img_url, goodsDesc: d.goods_desc })),
    },
    insured: { useInsured: true, insuredValue: doc.insured.insured_value },
    service: { serviceType: doc.service.service_type, serviceName: doc.service.service_name },
    ...overrides,
  };
}

describe('logistics assistant', () => {
  it('lists couriers and bound accounts, and reads an account quota', async () => {
    stack = await startStack();
    const carriers = await stack.request(LogisticsCarriersDocument, {});
    expect(carriers.errors).toBeUndefined();
    expect(carriers.data?.logisticsCarriers.map((c) => c.deliveryId)).toEqual(['BEST', 'EMS', 'PJ', 'SF', 'YTO', 'YUNDA', 'ZTO']);
    const accounts = await stack.request(LogisticsAccountsDocument, {});
    expect(accounts.data?.logisticsAccounts).toContainEqual(expect.objectContaining({ bizId: 'xyz', deliveryId: 'YTO', statusCode: 0, quotaNum: 210 }));
    const quota = await stack.request(LogisticsQuotaDocument, { deliveryId: 'YTO', bizId: 'xyz' });
    expect(quota.data?.logisticsQuota.remaining).toBe(210);
  });

  it('adds an order, prints its label, tracks and cancels it', async () => {
    stack = await startStack();
    const added = await stack.request(AddLogisticsOrderDocument, { input: orderInput('order-0001') });
    expect(added.errors).toBeUndefined();
    const order = added.data!.addLogisticsOrder;
    expect(order).toMatchObject({ orderId: 'order-0001', deliveryResultCode: 0, replayed: false });
    expect(order.waybillData).toContainEqual({ key: 'YTO_bagAddr', value: '广州' });
    const ref = { orderId: 'order-0001', openid: BUYER, deliveryId: 'YTO', waybillId: order.waybillId };

    const got = await stack.request(LogisticsOrderDocument, { order: ref, printType: 'ONE_PART' });
    expect(got.data?.logisticsOrder).toMatchObject({ cancelled: false, waybillId: order.waybillId });
    expect(got.data?.logisticsOrder.printHtml).toContain(`<h1>YTO ${order.waybillId}</h1>`);
    expect(Buffer.from(got.data!.logisticsOrder.printHtmlBase64!, 'base64').toString()).toBe(got.data?.logisticsOrder.printHtml);

    const quota = await stack.request(LogisticsQuotaDocument, { deliveryId: 'YTO', bizId: 'xyz' });
    expect(quota.data?.logisticsQuota.remaining).toBe(209);

    const cancelled = await stack.request(CancelLogisticsOrderDocument, { order: ref });
    expect(cancelled.data?.cancelLogisticsOrder).toEqual({ deliveryResultCode: 0, deliveryResultMsg: null });
    const path = await stack.request(LogisticsPathDocument, { order: ref });
    expect(path.data?.logisticsPath.actions).toEqual([{ time: expect.any(String), type: 'CANCELLED', typeCode: 400001, message: '订单已取消' }]);
    expect((await stack.request(LogisticsOrderDocument, { order: ref })).data?.logisticsOrder.cancelled).toBe(true);
  });

  it('is idempotent on orderId: a repeat returns the first result without a call', async () => {
    stack = await startStack();
    const first = await stack.request(AddLogisticsOrderDocument, { input: orderInput('order-idem') });
    const again = await stack.request(AddLogisticsOrderDocument, { input: orderInput('order-idem') });
    expect(again.data?.addLogisticsOrder).toEqual({ ...first.data?.addLogisticsOrder, replayed: true });
    const changed = await stack.request(AddLogisticsOrderDocument, { input: orderInput('order-idem', { customRemark: 'another parcel' }) });
    expect(errorCodes(changed)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(changed.errors?.[0]?.extensions?.field).toBe('orderId');
    expect(stack.emulator.calls()[ADD]).toBe(1);
  });

  it('checks every field and byte limit before the call', async () => {
    stack = await startStack();
    const base = orderInput('order-bad');
    const cases: [Partial<LogisticsOrderInput>, string][] = [
      [{ sender: { ...base.sender, name: '张'.repeat(22) } }, 'input.sender.name'], // 66 bytes > 64
      [{ receiver: { ...base.receiver, address: '路'.repeat(171) } }, 'input.receiver.address'], // 513 bytes
      [{ receiver: { ...base.receiver, tel: null, mobile: null } }, 'input.receiver.mobile'],
      [{ customRemark: '易'.repeat(342) }, 'input.customRemark'], // 1026 bytes
      [{ orderId: 'x'.repeat(513) }, 'input.orderId'],
      [{ openid: null }, 'input.openid'],
      [{ addSource: 2 }, 'input.wxAppid'],
      [{ insured: { useInsured: true, insuredValue: 0 } }, 'input.insured.insuredValue'],
      [{ cargo: { ...base.cargo, detailList: [] } }, 'input.cargo.detailList'],
      [{ shop: { ...base.shop, imgUrl: 'javascript:alert(1)' } }, 'input.shop.imgUrl'],
    ];
    for (const [override, field] of cases) {
      const response = await stack.request(AddLogisticsOrderDocument, { input: { ...base, ...override } });
      expect(errorCodes(response), field).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.field, field).toBe(field);
      expect(response.errors?.[0]?.message).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: `));
    }
    expect(stack.emulator.calls()[ADD]).toBeUndefined();
  });

  it("types a courier's refusal (9300501 + delivery_resultcode), and replays it for the same orderId", async () => {
    stack = await startStack();
    const refused = await stack.request(AddLogisticsOrderDocument, { input: orderInput('order-refused', { bizId: 'wrong-account' }) });
    expect(errorCodes(refused)).toEqual(['CARRIER_REFUSED']);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ errcode: 9300501, deliveryResultCode: 10002, deliveryResultMsg: '客户密码不正确' });
    const again = await stack.request(AddLogisticsOrderDocument, { input: orderInput('order-refused', { bizId: 'wrong-account' }) });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CARRIER_REFUSED', deliveryResultCode: 10002 });
    expect(stack.emulator.calls()[ADD]).toBe(1);
  });

  for (const kind of ['busy', 'http5xx', 'reset'] as const) {
    it(`reaches the courier at most once under ${kind} faults, and a repeat makes no call`, async () => {
      stack = await startStack({ faults: [{ endpoints: [ADD], kind, times: 3 }] });
      const first = await stack.request(AddLogisticsOrderDocument, { input: orderInput(`order-${kind}`) });
      expect(first.errors).toHaveLength(1);
      expect(errorCodes(first)).toEqual([kind === 'busy' ? 'WECHAT_BUSY' : 'UPSTREAM_OUTCOME_UNKNOWN']);
      expect(stack.emulator.calls()[ADD]).toBe(1);
      const again = await stack.request(AddLogisticsOrderDocument, { input: orderInput(`order-${kind}`) });
      expect(errorCodes(again)).toEqual(errorCodes(first));
      expect(stack.emulator.calls()[ADD]).toBe(1);
    });
  }

  it('needs logistics:write to add and logistics:read to read', async () => {
    stack = await startStack();
    const add = await stack.request(AddLogisticsOrderDocument, { input: orderInput('order-scope') }, { key: stack.keys.logs });
    expect(add.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredScopes: ['logistics:write'] });
    const read = await stack.request(LogisticsCarriersDocument, {}, { key: stack.keys.usersRead });
    expect(read.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredScopes: ['logistics:read'] });
    expect(stack.emulator.calls()[ADD]).toBeUndefined();
  });
});
