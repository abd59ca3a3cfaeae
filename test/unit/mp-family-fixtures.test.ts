import { expect, it } from 'vitest';
import { parseOcr, type OcrKind } from '../../src/wechat/api/ocr.ts';
import { accountsBody, carriersBody, cancelResult, orderAddResult, orderGetResult, pathResult, quotaResult } from '../../src/wechat/api/logistics.ts';
import { dedupeKey, normalizePush } from '../../src/wechat/events.ts';
import { parsePushBody } from '../../src/wechat/push.ts';
import {
  addResult as addResultLocal,
  cancelResult as cancelResultLocal,
  carriersResult as carriersLocal,
  CarrierResultError,
  checkResult,
  deliverySign,
  getResult as getResultLocal,
  quoteResult,
} from '../../src/wechat/api/local-delivery.ts';
import { describeFixtures, fixture } from '../helpers/fixtures.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const ENVELOPE = new Set(['errcode', 'errmsg']);
const quad = (pos: Json) => ({ leftTop: pos.left_top, rightTop: pos.right_top, rightBottom: pos.right_bottom, leftBottom: pos.left_bottom });
const size = (s: Json) => ({ width: s.w, height: s.h });

/**
 * Every key WeChat sent must be named in `names` (so a field the gateway drops fails the test)
 * and arrive under that name with the same value (positions and sizes converted).
 */
function expectEveryField(body: Json, result: Json, names: Record<string, string>) {
  for (const [key, value] of Object.entries(body)) {
    if (ENVELOPE.has(key)) continue;
    const name = names[key];
    expect(name, `WeChat key ${key} is not mapped`).toBeDefined();
    const expected =
      value && typeof value === 'object' && 'pos' in (value as object)
        ? quad((value as Json).pos)
        : key === 'img_size'
          ? size(value)
          : typeof value === 'number' && name !== 'cardProperty'
            ? String(value)
            : value;
    expect(result[name!], `${key} → ${name}`).toEqual(expected);
  }
}

const OCR_NAMES: Record<OcrKind, Record<string, string>> = {
  bankCard: { number: 'number', id: 'number' },
  businessLicense: {
    reg_num: 'registrationNumber',
    serial: 'serial',
    legal_representative: 'legalRepresentative',
    enterprise_name: 'enterpriseName',
    type_of_organization: 'typeOfOrganization',
    address: 'address',
    type_of_enterprise: 'typeOfEnterprise',
    business_scope: 'businessScope',
    registered_capital: 'registeredCapital',
    paid_in_capital: 'paidInCapital',
    valid_period: 'validPeriod',
    registered_date: 'registeredDate',
    cert_position: 'certPosition',
    img_size: 'imageSize',
  },
  driverLicense: {
    id_num: 'idNumber',
    name: 'name',
    sex: 'sex',
    nationality: 'nationality',
    address: 'address',
    birth_date: 'birthDate',
    issue_date: 'issueDate',
    car_class: 'carClass',
    valid_from: 'validFrom',
    valid_to: 'validTo',
    official_seal: 'officialSeal',
  },
  idCard: {
    type: 'side',
    name: 'name',
    id: 'idNumber',
    addr: 'address',
    gender: 'gender',
    nationality: 'nationality',
    valid_date: 'validDate',
    birth: 'birthDate',
    card_property: 'cardProperty',
  },
  printedText: { items: 'items', img_size: 'imageSize' },
  vehicleLicense: {
    plate_num: 'plateNumber',
    vehicle_type: 'vehicleType',
    vhicle_type: 'vehicleType',
    owner: 'owner',
    addr: 'address',
    use_character: 'useCharacter',
    model: 'model',
    vin: 'vin',
    engine_num: 'engineNumber',
    register_date: 'registerDate',
    issue_date: 'issueDate',
    plate_num_b: 'plateNumberBack',
    record: 'record',
    passengers_num: 'passengers',
    total_quality: 'totalMass',
    prepare_quality: 'kerbMass',
    overall_size: 'overallSize',
    card_position_front: 'cardPositionFront',
    card_position_back: 'cardPositionBack',
    img_size: 'imageSize',
  },
  plateNumber: { number: 'number' },
};

const OCR_FILES: Record<OcrKind, string> = {
  bankCard: 'cv/ocr/bankcard.json',
  businessLicense: 'cv/ocr/bizlicense.json',
  driverLicense: 'cv/ocr/drivinglicense.json',
  idCard: 'cv/ocr/idcard.json',
  printedText: 'cv/ocr/comm.json',
  vehicleLicense: 'cv/ocr/driving.json',
  plateNumber: 'cv/ocr/platenum.json',
};

/** HTTPS-API bodies of a fixture (primary and more_samples), without the cloud-call variants (camelCase, errCode). */
function httpsBodies(file: Json): Json[] {
  const bodies = [file.response, ...(file.more_samples ?? []).map((s: Json) => s.response)].filter(Boolean);
  return bodies.filter((b: Json) => !('errCode' in b) && !Object.keys(b).some((k) => /^[a-z]+[A-Z]/.test(k)));
}

describeFixtures('OCR fixtures map field by field', () => {
  for (const [kind, path] of Object.entries(OCR_FILES) as [OcrKind, string][]) {
    it(`${path}: every HTTPS body`, () => {
      const bodies = httpsBodies(fixture(path));
      expect(bodies.length).toBeGreaterThan(0);
      for (const body of bodies) {
        const result = parseOcr(kind, body) as Json;
        if (kind === 'idCard') {
          expect(result.side).toBe(body.type.toLowerCase());
          const { type: _side, ...fields } = body;
          expectEveryField(fields, result, OCR_NAMES[kind]);
        } else if (kind === 'printedText') {
          expect(result.items).toEqual(body.items.map((item: Json) => ({ text: item.text, position: quad(item.pos) })));
          expect(result.imageSize).toEqual(size(body.img_size));
        } else expectEveryField(body, result, OCR_NAMES[kind]);
      }
    });
  }

  it('reads the bank-card number under number or id, and the string errcode "0"', () => {
    const file = fixture('cv/ocr/bankcard.json');
    expect(file.response.errcode).toBe('0');
    expect(parseOcr('bankCard', file.response)).toEqual({ number: '622213XXXXXXXXX' });
    expect(parseOcr('bankCard', { errcode: 0, number: '24234234345234' })).toEqual({ number: '24234234345234' });
  });

  it('keeps the undocumented birth and card_property of a real ID-card answer', () => {
    const real = fixture('cv/ocr/idcard.json').more_samples.find((s: Json) => s.kind === 'real_capture' && s.response);
    expect(parseOcr('idCard', real.response)).toMatchObject({ side: 'front', birthDate: '<redacted>', cardProperty: 4 });
  });

  it('reads the older vhicle_type spelling', () => {
    expect(parseOcr('vehicleLicense', { vhicle_type: '小型普通客⻋' }).vehicleType).toBe('小型普通客⻋');
  });
});

describeFixtures('logistics-assistant fixtures map field by field', () => {
  it('delivery/getall', () => {
    const file = fixture('cgi-bin/express/business/delivery/getall.json');
    for (const body of httpsBodies(file)) {
      const carriers = carriersBody.parse(body);
      expect(carriers.map((c) => [c.deliveryId, c.deliveryName])).toEqual(body.data.map((d: Json) => [d.delivery_id, d.delivery_name]));
      expect(carriers).toHaveLength(body.count);
    }
  });

  it('account/getall', () => {
    const body = fixture('cgi-bin/express/business/account/getall.json').response;
    const [account] = accountsBody.parse(body);
    const [raw] = body.list;
    expect(account).toEqual({
      bizId: raw.biz_id,
      deliveryId: raw.delivery_id,
      createTime: raw.create_time,
      updateTime: raw.update_time,
      statusCode: raw.status_code,
      alias: undefined,
      remarkWrongMsg: undefined,
      remarkContent: undefined,
      quotaNum: raw.quota_num,
      quotaUpdateTime: raw.quota_update_time,
      serviceTypes: [],
    });
  });

  it('order/add success (with and without delivery_resultcode) and the courier failure body', () => {
    const file = fixture('cgi-bin/express/business/order/add.json');
    for (const body of [file.response, file.more_samples[0].response]) {
      expect(orderAddResult.parse(body)).toEqual({
        orderId: body.order_id,
        waybillId: body.waybill_id,
        waybillData: body.waybill_data,
        deliveryResultCode: body.delivery_resultcode ?? 0,
        deliveryResultMsg: body.delivery_resultmsg,
      });
    }
    expect(file.error_response).toMatchObject({ errcode: 9300501, delivery_resultcode: 10002 });
  });

  it('order/get, order/cancel, path/get, quota/get', () => {
    const get = fixture('cgi-bin/express/business/order/get.json').response;
    expect(orderGetResult.parse(get)).toEqual({
      printHtmlBase64: get.print_html,
      waybillData: get.waybill_data,
      deliveryId: get.delivery_id,
      waybillId: get.waybill_id,
      orderId: get.order_id,
      orderStatus: get.order_status,
    });
    const cancel = fixture('cgi-bin/express/business/order/cancel.json');
    expect(cancelResult.parse(cancel.response)).toEqual({ deliveryResultCode: 0, deliveryResultMsg: undefined });
    expect(cancelResult.parse(cancel.more_samples[0].response)).toEqual({ deliveryResultCode: 0, deliveryResultMsg: undefined });
    const path = fixture('cgi-bin/express/business/path/get.json').response;
    expect(pathResult.parse(path)).toEqual({
      openid: path.openid,
      deliveryId: path.delivery_id,
      waybillId: path.waybill_id,
      actions: path.path_item_list.map((a: Json) => ({ time: a.action_time, type: a.action_type, message: a.action_msg })),
    });
    expect(pathResult.parse(path).actions).toHaveLength(path.path_item_num);
    expect(quotaResult.parse(fixture('cgi-bin/express/business/quota/get.json').response)).toEqual({ quotaNum: 210 });
  });
});

describeFixtures('delivery push fixtures map field by field', () => {
  const received = new Date('2026-01-01T00:00:00Z');
  for (const path of ['push/json/miniprogram_express_add_express_path.json', 'push/xml/miniprogram_express_add_express_path.json']) {
    it(path, () => {
      const { fields } = parsePushBody(fixture(path).body);
      const event = normalizePush('miniprogram', fields, received);
      expect(event.type).toBe('express_path');
      const actions = listOfActions(fields.Actions);
      expect(event.data).toEqual({
        deliveryId: String(fields.DeliveryID),
        waybillId: String(fields.WayBillId),
        orderId: String(fields.OrderId),
        version: Number(fields.Version),
        count: Number(fields.Count),
        actions: actions.map((a: Json) => ({ time: Number(a.ActionTime), type: Number(a.ActionType), message: a.ActionMsg })),
      });
      expect(actions).toHaveLength(3);
    });
  }

  it('push/json/miniprogram_immediate_delivery_update_waybill_status.json', () => {
    const { fields } = parsePushBody(fixture('push/json/miniprogram_immediate_delivery_update_waybill_status.json').body);
    const event = normalizePush('miniprogram', fields, received);
    expect(event.type).toBe('waybill_status');
    expect(event.data).toEqual({
      shopId: '123456',
      shopOrderId: '123456',
      waybillId: '123456',
      actionTime: 1546924844,
      orderStatus: 102,
      actionMsg: null,
      shopNo: '123456',
      riderName: 'xxx',
      riderPhone: '1234567',
    });
  });

  it('keeps two track updates of one parcel in the same second apart', () => {
    const base = { MsgType: 'event', Event: 'add_express_path', FromUserName: 'o1', CreateTime: 9, WayBillId: 'W1' };
    expect(dedupeKey({ ...base, Version: 1 })).not.toBe(dedupeKey({ ...base, Version: 2 }));
  });
});

const listOfActions = (value: unknown): Json[] => (Array.isArray(value) ? value : [value]);

describeFixtures('immediate-delivery fixtures map field by field', () => {
  const LD = 'cgi-bin/express/local/business';
  const feesOf = (b: Json) => ({
    fee: b.fee,
    deliveryFee: b.deliverfee,
    couponFee: b.couponfee,
    tips: b.tips,
    insuranceFee: b.insurancefee ?? b.insurancfee,
    distance: b.distance,
    dispatchDuration: b.dispatch_duration,
    deliveryToken: b.delivery_token,
  });

  it('delivery_sign = sha1(shopid + shop_order_id + AppSecret): the doc vector', () => {
    expect(deliverySign('test_shop_id', 'test_shop_order_id', 'test_app_secrect')).toBe('a93d8d6bae9a9483c1b1d4e8670e7f6226ec94cb');
  });

  it('delivery/getall, and resultcode envelopes', () => {
    const file = fixture(`${LD}/delivery/getall.json`);
    expect(carriersLocal.parse(checkResult('x', file.response))).toEqual(file.response.list.map((c: Json) => ({ deliveryId: c.delivery_id, deliveryName: c.delivery_name })));
    // weapp's mock answers resultcode 1 with resultmsg ok: only 0 is success (doc).
    expect(() => checkResult('x', file.more_samples[0].response)).toThrow(CarrierResultError);
  });

  it('order/pre_add: insurancfee (doc), insurancefee (SKIT), both (weapp); the 1010 refusal', () => {
    const file = fixture(`${LD}/order/pre_add.json`);
    for (const body of [file.response, ...file.more_samples.map((s: Json) => s.response)]) expect(quoteResult.parse(body)).toEqual(feesOf(body));
    expect(file.response.insurancfee).toBe(0);
    const error = (() => {
      try {
        checkResult('pre_add', file.error_response);
      } catch (e) {
        return e as CarrierResultError;
      }
    })();
    expect(error).toMatchObject({ resultCode: 1010, resultMsg: '收件人信息不正确' });
  });

  it('order/add', () => {
    const file = fixture(`${LD}/order/add.json`);
    for (const body of [file.response, ...file.more_samples.map((s: Json) => s.response)]) {
      expect(addResultLocal.parse(body)).toEqual({
        ...feesOf(body),
        deliveryToken: undefined,
        waybillId: body.waybill_id,
        orderStatus: body.order_status,
        finishCode: body.finish_code,
        pickupCode: body.pickup_code,
      });
    }
  });

  it('order/get: success fields, and the errcode 930563 envelope', () => {
    const file = fixture(`${LD}/order/get.json`);
    const b = file.response;
    expect(getResultLocal.parse(b)).toEqual({
      orderStatus: b.order_status,
      waybillId: b.waybill_id,
      riderName: b.rider_name,
      riderPhone: b.rider_phone,
      riderLng: b.rider_lng,
      riderLat: b.rider_lat,
      reachTime: undefined,
    });
    expect(file.error_response).toEqual({ errcode: 930563, errmsg: 'order not exists' });
  });

  it('order/cancel and order/addtips', () => {
    const cancel = fixture(`${LD}/order/cancel.json`).response;
    expect(cancelResultLocal.parse(checkResult('cancel', cancel))).toEqual({ deductFee: 5, description: 'blabla' });
    expect(checkResult('addtips', fixture(`${LD}/order/addtips.json`).response)).toMatchObject({ resultcode: 0 });
  });
});
